import { type Kysely, sql } from 'kysely';
import type { AuthorityKind, Database, DocumentStatus } from '../../database/tables.ts';
import { nameMatchKey } from '../authorities/authorities.repository.ts';

export type AuthorityListItem = {
  id: number;
  kind: AuthorityKind;
  name: string;
  dates: string | null;
  /** Documents of any status that link to it. */
  documents: number;
};

const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Staff reads of authority records: every record, whatever the status of the documents using it. */
export function createAuthoritiesAdminRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** A collection's picture, when it has one. */
    async image(id: number): Promise<{ alt: string | null } | null> {
      const row = await db
        .selectFrom('authorities')
        .select(['image_sha256', 'image_alt'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.image_sha256 ? { alt: row.image_alt } : null;
    },

    /** A place's coordinates (null for other kinds and places without them). */
    async position(id: number): Promise<{ latitude: number | null; longitude: number | null }> {
      const row = await db
        .selectFrom('authorities')
        .select(['latitude', 'longitude'])
        .where('id', '=', id)
        .executeTakeFirst();
      return { latitude: row?.latitude ?? null, longitude: row?.longitude ?? null };
    },

    async list(filter: {
      kind?: AuthorityKind | undefined;
      query?: string | undefined;
      page: number;
      perPage: number;
    }): Promise<{ total: number; items: AuthorityListItem[] }> {
      let query = db.selectFrom('authorities');
      if (filter.kind) query = query.where('authorities.kind', '=', filter.kind);
      const key = filter.query ? nameMatchKey(filter.query) : '';
      if (key) {
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('authority_names')
              .select(sql`1`.as('one'))
              .whereRef('authority_names.authority_id', '=', 'authorities.id')
              .where(sql`authority_names.match_key`, 'like', sql`${containsPattern(key)} escape '\\'`),
          ),
        );
      }
      const [count, rows] = await Promise.all([
        query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
        query
          .select(['authorities.id', 'authorities.kind', 'authorities.name', 'authorities.dates'])
          .select((eb) =>
            eb
              .selectFrom('document_authorities')
              .select((inner) =>
                inner.fn.count<number>('document_authorities.document_id').distinct().as('n'),
              )
              .whereRef('document_authorities.authority_id', '=', 'authorities.id')
              .as('linked'),
          )
          .select((eb) =>
            eb
              .selectFrom('documents')
              .select((inner) => inner.fn.countAll<number>().as('n'))
              .whereRef('documents.repository_id', '=', 'authorities.id')
              .as('held'),
          )
          .orderBy('authorities.name')
          .orderBy('authorities.id')
          .limit(filter.perPage)
          .offset((filter.page - 1) * filter.perPage)
          .execute(),
      ]);
      return {
        total: Number(count.total),
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          name: r.name,
          dates: r.dates,
          documents: Number(r.linked ?? 0) + Number(r.held ?? 0),
        })),
      };
    },

    /** Documents that use the authority, any status, for the staff page. */
    async documents(
      authorityId: number,
      limit = 200,
    ): Promise<{ id: number; title: string; status: DocumentStatus; roles: string[] }[]> {
      const [links, held] = await Promise.all([
        db
          .selectFrom('document_authorities')
          .innerJoin('documents', 'documents.id', 'document_authorities.document_id')
          .select(['documents.id', 'documents.title', 'documents.status', 'document_authorities.role'])
          .where('document_authorities.authority_id', '=', authorityId)
          .orderBy('documents.id')
          .limit(limit)
          .execute(),
        db
          .selectFrom('documents')
          .select(['id', 'title', 'status'])
          .where('repository_id', '=', authorityId)
          .orderBy('id')
          .limit(limit)
          .execute(),
      ]);
      const byId = new Map<number, { id: number; title: string; status: DocumentStatus; roles: string[] }>();
      for (const row of [...links, ...held.map((h) => ({ ...h, role: 'archive' }))]) {
        const entry = byId.get(row.id) ?? { id: row.id, title: row.title, status: row.status, roles: [] };
        if (!entry.roles.includes(row.role)) entry.roles.push(row.role);
        byId.set(row.id, entry);
      }
      return [...byId.values()].sort((a, b) => a.id - b.id);
    },

    /** The record a merged one now lives in, for old workspace links. */
    async mergedInto(id: number): Promise<number | undefined> {
      const row = await db
        .selectFrom('authority_redirects')
        .select('to_id')
        .where('from_id', '=', id)
        .executeTakeFirst();
      return row?.to_id;
    },
  };
}
