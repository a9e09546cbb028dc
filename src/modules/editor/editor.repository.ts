import { type Kysely, sql } from 'kysely';
import type { AuthorityKind, Database, DocumentStatus } from '../../database/tables.ts';
import { nameMatchKey } from '../authorities/authorities.repository.ts';

/**
 * What the workspace reads about documents and authorities, drafts included. Only routes behind
 * `requireRole` may use this; the public site reads through documents.queries.ts.
 */

export type DocumentListFilter = {
  status?: DocumentStatus | undefined;
  query?: string | undefined;
  collectionId?: number | undefined;
  page: number;
  perPage: number;
};

export type DocumentListItem = {
  id: number;
  externalId: string | null;
  title: string;
  status: DocumentStatus;
  dateStart: string | null;
  updatedAt: string;
  scheduledFor: string | null;
};

export type AuthoritySuggestion = {
  id: number;
  kind: AuthorityKind;
  name: string;
  dates: string | null;
  /** The name that matched, when it was a variant. */
  matched: string | null;
};

/** A LIKE pattern that finds `text` anywhere, with the pattern characters in it taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createEditorRepository({ db }: { db: Kysely<Database> }) {
  return {
    async listDocuments(filter: DocumentListFilter): Promise<{ total: number; items: DocumentListItem[] }> {
      let query = db.selectFrom('documents');
      if (filter.status) query = query.where('status', '=', filter.status);
      const text = filter.query?.trim();
      if (text) {
        const asId = /^#?\d{1,12}$/.test(text) ? Number(text.replace('#', '')) : undefined;
        const pattern = containsPattern(text.toLowerCase());
        query = query.where((eb) =>
          eb.or([
            ...(asId === undefined ? [] : [eb('id', '=', asId)]),
            eb(sql`lower(title)`, 'like', sql`${pattern} escape '\\'`),
            eb(sql`lower(coalesce(external_id, ''))`, 'like', sql`${pattern} escape '\\'`),
          ]),
        );
      }
      if (filter.collectionId !== undefined) {
        const collectionId = filter.collectionId;
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('document_authorities')
              .select('document_authorities.document_id')
              .whereRef('document_authorities.document_id', '=', 'documents.id')
              .where('document_authorities.authority_id', '=', collectionId)
              .where('document_authorities.role', '=', 'collection'),
          ),
        );
      }
      const [count, rows] = await Promise.all([
        query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
        query
          .select(['id', 'external_id', 'title', 'status', 'date_start', 'updated_at', 'scheduled_for'])
          .orderBy('updated_at', 'desc')
          .orderBy('id', 'desc')
          .limit(filter.perPage)
          .offset((filter.page - 1) * filter.perPage)
          .execute(),
      ]);
      return {
        total: Number(count.total),
        items: rows.map((r) => ({
          id: r.id,
          externalId: r.external_id,
          title: r.title,
          status: r.status,
          dateStart: r.date_start,
          updatedAt: r.updated_at,
          scheduledFor: r.scheduled_for,
        })),
      };
    },

    /** Authorities whose any name contains the text, preferred-name matches and frequent ones first. */
    async suggestAuthorities(kind: AuthorityKind, text: string, limit = 15): Promise<AuthoritySuggestion[]> {
      const key = nameMatchKey(text);
      if (key === '') return [];
      const rows = await db
        .selectFrom('authority_names')
        .innerJoin('authorities', 'authorities.id', 'authority_names.authority_id')
        .select([
          'authorities.id',
          'authorities.kind',
          'authorities.name',
          'authorities.dates',
          'authority_names.name as matched',
          'authority_names.position',
          'authority_names.match_key',
        ])
        .where('authorities.kind', '=', kind)
        .where(sql`authority_names.match_key`, 'like', sql`${containsPattern(key)} escape '\\'`)
        .orderBy('authority_names.position')
        .orderBy('authorities.name')
        .limit(limit * 4)
        .execute();
      const byId = new Map<number, AuthoritySuggestion & { rank: number }>();
      for (const row of rows) {
        const rank = (row.match_key.startsWith(key) ? 0 : 2) + (row.position === 0 ? 0 : 1);
        const previous = byId.get(row.id);
        if (previous && previous.rank <= rank) continue;
        byId.set(row.id, {
          id: row.id,
          kind: row.kind,
          name: row.name,
          dates: row.dates,
          matched: row.position === 0 ? null : row.matched,
          rank,
        });
      }
      return [...byId.values()]
        .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
        .slice(0, limit)
        .map(({ rank: _rank, ...suggestion }) => suggestion);
    },

    /** Names offered in the form's lists before any typing: the most used of each kind. */
    async frequentNames(kind: AuthorityKind, limit = 200): Promise<string[]> {
      const rows = await db
        .selectFrom('authorities')
        .leftJoin('document_authorities', 'document_authorities.authority_id', 'authorities.id')
        .select(['authorities.name', (eb) => eb.fn.count('document_authorities.document_id').as('uses')])
        .where('authorities.kind', '=', kind)
        .groupBy(['authorities.id', 'authorities.name'])
        .orderBy('uses', 'desc')
        .orderBy('authorities.name')
        .limit(limit)
        .execute();
      return rows.map((r) => r.name);
    },

    async suggestDocuments(
      text: string,
      limit = 15,
    ): Promise<{ id: number; title: string; status: DocumentStatus; externalId: string | null }[]> {
      const trimmed = text.trim();
      if (trimmed === '') return [];
      const asId = /^#?\d{1,12}$/.test(trimmed) ? Number(trimmed.replace('#', '')) : undefined;
      const pattern = containsPattern(trimmed.toLowerCase());
      const rows = await db
        .selectFrom('documents')
        .select(['id', 'title', 'status', 'external_id'])
        .where((eb) =>
          eb.or([
            ...(asId === undefined ? [] : [eb('id', '=', asId)]),
            eb(sql`lower(title)`, 'like', sql`${pattern} escape '\\'`),
            eb(sql`lower(coalesce(external_id, ''))`, 'like', sql`${pattern} escape '\\'`),
          ]),
        )
        .orderBy('updated_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, externalId: r.external_id }));
    },

    async latestRevision(documentId: number): Promise<number> {
      const row = await db
        .selectFrom('document_revisions')
        .select((eb) => eb.fn.max('number').as('last'))
        .where('document_id', '=', documentId)
        .executeTakeFirst();
      return Number(row?.last ?? 0);
    },

    async collections(): Promise<{ id: number; name: string }[]> {
      return db
        .selectFrom('authorities')
        .select(['id', 'name'])
        .where('kind', '=', 'collection')
        .orderBy('name')
        .limit(1000)
        .execute();
    },
  };
}
