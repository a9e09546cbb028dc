import type { Kysely } from 'kysely';
import type { AuthorityKind, Database } from '../../database/tables.ts';

export type FeedEntryRow = {
  id: number;
  title: string;
  subtitle: string | null;
  summary: string | null;
  type: string | null;
  publishedAt: string | null;
  updatedAt: string;
};

export type SitemapAuthorityRow = {
  id: number;
  kind: AuthorityKind;
  slug: string;
  parentId: number | null;
  updatedAt: string;
};

/** Reads for sitemaps and feeds: only published documents and the authorities they make public. */
export function createFeedsRepository({ db }: { db: Kysely<Database> }) {
  /**
   * Authorities a reader can reach: linked to a published document (any role, or as its repository),
   * plus the places and collections above those. Names known only from drafts stay unknown.
   */
  async function publicAuthorities(): Promise<SitemapAuthorityRow[]> {
    const linked = await db
      .selectFrom('document_authorities')
      .innerJoin('documents', 'documents.id', 'document_authorities.document_id')
      .select('document_authorities.authority_id as id')
      .distinct()
      .where('documents.status', '=', 'published')
      .execute();
    const repositories = await db
      .selectFrom('documents')
      .select('repository_id as id')
      .distinct()
      .where('status', '=', 'published')
      .where('repository_id', 'is not', null)
      .execute();
    const all = await db
      .selectFrom('authorities')
      .select(['id', 'kind', 'slug', 'parent_id', 'updated_at'])
      .execute();
    const byId = new Map(all.map((row) => [row.id, row]));
    const reachable = new Set<number>();
    for (const { id } of [...linked, ...repositories]) {
      let current = id === null ? undefined : byId.get(id);
      while (current && !reachable.has(current.id)) {
        reachable.add(current.id);
        current = current.parent_id === null ? undefined : byId.get(current.parent_id);
      }
    }
    return all
      .filter((row) => reachable.has(row.id))
      .sort((a, b) => a.id - b.id)
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        slug: row.slug,
        parentId: row.parent_id,
        updatedAt: row.updated_at,
      }));
  }

  return {
    publicAuthorities,

    async countPublishedDocuments(): Promise<number> {
      const row = await db
        .selectFrom('documents')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('status', '=', 'published')
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async publishedDocuments(offset: number, limit: number): Promise<{ id: number; updatedAt: string }[]> {
      const rows = await db
        .selectFrom('documents')
        .select(['id', 'updated_at'])
        .where('status', '=', 'published')
        .orderBy('id')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map((row) => ({ id: row.id, updatedAt: row.updated_at }));
    },

    async countAuthorities(): Promise<number> {
      return (await publicAuthorities()).length;
    },

    async authorities(offset: number, limit: number): Promise<SitemapAuthorityRow[]> {
      return (await publicAuthorities()).slice(offset, offset + limit);
    },

    /** Newest first by publication; `collectionIds` limits to documents filed in those collections. */
    async latestPublished(limit: number, collectionIds?: number[]): Promise<FeedEntryRow[]> {
      let query = db
        .selectFrom('documents')
        .select(['id', 'title', 'subtitle', 'summary', 'document_type', 'published_at', 'updated_at'])
        .where('status', '=', 'published');
      if (collectionIds) {
        const ids = collectionIds.length > 0 ? collectionIds : [-1];
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
      const rows = await query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((row) => ({
        id: row.id,
        title: row.title,
        subtitle: row.subtitle,
        summary: row.summary,
        type: row.document_type,
        publishedAt: row.published_at,
        updatedAt: row.updated_at,
      }));
    },

    /** A collection and every collection nested under it, found by its slug. */
    async collectionTree(slug: string): Promise<{ id: number; name: string; ids: number[] } | undefined> {
      const all = await db
        .selectFrom('authorities')
        .select(['id', 'name', 'slug', 'parent_id'])
        .where('kind', '=', 'collection')
        .execute();
      const root = all.find((c) => c.slug === slug);
      if (!root) return undefined;
      const ids = new Set([root.id]);
      // Grows until no collection is added; a parent cycle cannot loop because of the set.
      for (let added = true; added; ) {
        added = false;
        for (const c of all) {
          if (c.parent_id !== null && ids.has(c.parent_id) && !ids.has(c.id)) {
            ids.add(c.id);
            added = true;
          }
        }
      }
      return { id: root.id, name: root.name, ids: [...ids] };
    },
  };
}

export type FeedsRepository = ReturnType<typeof createFeedsRepository>;
