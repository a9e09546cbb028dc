import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';

/**
 * What OAI-PMH may see: published records, and records that were published and then withdrawn
 * (reported as deleted, so harvesters drop their copy). Drafts, records in review and scheduled ones
 * never appear, not even as identifiers. A record only reaches `withdrawn` from `published`.
 */
const harvestableStatuses = ['published', 'withdrawn'] as const;

export type HarvestHeaderRow = { id: number; status: string; updatedAt: string };

export type HarvestFilter = {
  /** Inclusive lower bound, a prefix of the stored ISO timestamp (`2026-01-01T00:00:00`). */
  fromPrefix?: string | undefined;
  /** Exclusive upper bound, likewise a prefix: the first second (or day) not asked for. */
  untilExclusivePrefix?: string | undefined;
  /** Collection authority IDs (a set and everything nested in it); undefined means any. */
  collectionIds?: number[] | undefined;
};

export type CollectionRow = {
  id: number;
  name: string;
  slug: string;
  parentId: number | null;
  note: string | null;
};

export function createOaiRepository({ db }: { db: Kysely<Database> }) {
  function filtered(filter: HarvestFilter) {
    let query = db.selectFrom('documents').where('status', 'in', harvestableStatuses);
    if (filter.fromPrefix) query = query.where('updated_at', '>=', filter.fromPrefix);
    if (filter.untilExclusivePrefix) query = query.where('updated_at', '<', filter.untilExclusivePrefix);
    if (filter.collectionIds) {
      const ids = filter.collectionIds.length > 0 ? filter.collectionIds : [-1];
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('document_authorities')
            .select('document_authorities.document_id')
            .whereRef('document_authorities.document_id', '=', 'documents.id')
            .where('document_authorities.role', '=', 'collection')
            .where('document_authorities.authority_id', 'in', ids),
        ),
      );
    }
    return query;
  }

  return {
    /** One page of headers in datestamp order; `after` continues from the last row of the previous page. */
    async listHeaders(
      filter: HarvestFilter,
      after: { updatedAt: string; id: number } | undefined,
      limit: number,
    ): Promise<HarvestHeaderRow[]> {
      let query = filtered(filter).select(['documents.id', 'documents.status', 'documents.updated_at']);
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('documents.updated_at', '>', after.updatedAt),
            eb.and([eb('documents.updated_at', '=', after.updatedAt), eb('documents.id', '>', after.id)]),
          ]),
        );
      }
      const rows = await query.orderBy('documents.updated_at').orderBy('documents.id').limit(limit).execute();
      return rows.map((row) => ({ id: row.id, status: row.status, updatedAt: row.updated_at }));
    },

    async count(filter: HarvestFilter): Promise<number> {
      const row = await filtered(filter)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async findHeader(id: number): Promise<HarvestHeaderRow | undefined> {
      const row = await db
        .selectFrom('documents')
        .select(['id', 'status', 'updated_at'])
        .where('id', '=', id)
        .where('status', 'in', harvestableStatuses)
        .executeTakeFirst();
      return row ? { id: row.id, status: row.status, updatedAt: row.updated_at } : undefined;
    },

    async earliestDatestamp(): Promise<string | undefined> {
      const row = await db
        .selectFrom('documents')
        .select((eb) => eb.fn.min<string>('updated_at').as('earliest'))
        .where('status', 'in', harvestableStatuses)
        .executeTakeFirst();
      return row?.earliest ?? undefined;
    },

    async collections(): Promise<CollectionRow[]> {
      const rows = await db
        .selectFrom('authorities')
        .select(['id', 'name', 'slug', 'parent_id', 'note'])
        .where('kind', '=', 'collection')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        slug: row.slug,
        parentId: row.parent_id,
        note: row.note,
      }));
    },

    /** Collections a published record is filed in directly; only these (and their ancestors) are public. */
    async collectionIdsWithPublishedDocuments(): Promise<Set<number>> {
      const rows = await db
        .selectFrom('document_authorities')
        .innerJoin('documents', 'documents.id', 'document_authorities.document_id')
        .select('document_authorities.authority_id')
        .distinct()
        .where('document_authorities.role', '=', 'collection')
        .where('documents.status', '=', 'published')
        .execute();
      return new Set(rows.map((row) => row.authority_id));
    },

    /** The collections each record is filed in directly (ancestors are added by the caller). */
    async collectionsOf(documentIds: number[]): Promise<Map<number, number[]>> {
      const byDocument = new Map<number, number[]>();
      if (documentIds.length === 0) return byDocument;
      const rows = await db
        .selectFrom('document_authorities')
        .select(['document_id', 'authority_id'])
        .where('document_id', 'in', documentIds)
        .where('role', '=', 'collection')
        .orderBy('document_id')
        .orderBy('position')
        .execute();
      for (const row of rows) {
        byDocument.set(row.document_id, [...(byDocument.get(row.document_id) ?? []), row.authority_id]);
      }
      return byDocument;
    },
  };
}

export type OaiRepository = ReturnType<typeof createOaiRepository>;
