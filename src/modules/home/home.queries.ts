import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';

export type ArchiveCounts = {
  documents: number;
  translations: number;
  people: number;
  organizations: number;
  places: number;
  collections: number;
  repositories: number;
  earliestDate: string | null;
  latestDate: string | null;
};

/**
 * The figures on the home page, counted over published documents only: an authority known only from
 * a draft is not counted (nor shown anywhere).
 */
export async function archiveCounts({ db }: { db: Kysely<Database> }): Promise<ArchiveCounts> {
  const [documents, translations, byKind, repositories] = await Promise.all([
    db
      .selectFrom('documents')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.min('date_start').as('earliest'),
        eb.fn.max('date_end').as('latest'),
      ])
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('assets')
      .innerJoin('documents', 'documents.id', 'assets.document_id')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where('documents.status', '=', 'published')
      .where('assets.kind', '=', 'translation')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('document_authorities')
      .innerJoin('documents', 'documents.id', 'document_authorities.document_id')
      .innerJoin('authorities', 'authorities.id', 'document_authorities.authority_id')
      .select((eb) => [
        'authorities.kind',
        eb.fn.count<number>('document_authorities.authority_id').distinct().as('total'),
      ])
      .where('documents.status', '=', 'published')
      .groupBy('authorities.kind')
      .execute(),
    db
      .selectFrom('documents')
      .select((eb) => eb.fn.count<number>('repository_id').distinct().as('total'))
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow(),
  ]);
  const kind = (name: string) => Number(byKind.find((row) => row.kind === name)?.total ?? 0);
  return {
    documents: Number(documents.total),
    translations: Number(translations.total),
    people: kind('person'),
    organizations: kind('organization'),
    places: kind('place'),
    collections: kind('collection'),
    repositories: Number(repositories.total),
    earliestDate: (documents.earliest as string | null) ?? null,
    latestDate: (documents.latest as string | null) ?? null,
  };
}

/** The most recently published documents, with their summaries, newest first. */
export async function recentlyPublished({ db }: { db: Kysely<Database> }, limit: number) {
  const documents = createDocumentsRepository({ db });
  const { items } = await documents.listPublished({ limit, offset: 0 });
  return documents.listPublishedSummaries(items.map((d) => d.id));
}

/** Collections at the top of the tree that hold published documents (directly or further down). */
export async function featuredCollections({ db }: { db: Kysely<Database> }, limit = 12) {
  const rows = await db
    .selectFrom('document_authorities')
    .innerJoin('documents', 'documents.id', 'document_authorities.document_id')
    .select(['document_authorities.authority_id', 'document_authorities.document_id'])
    .where('documents.status', '=', 'published')
    .where('document_authorities.role', '=', 'collection')
    .execute();
  const authorities = createAuthoritiesRepository({ db });
  const byId = new Map(
    (await authorities.findManyByIds(rows.map((r) => r.authority_id))).map((a) => [a.id, a]),
  );
  // Documents roll up to the top-level collection; a document in a parent and a child counts once.
  const topOf = new Map<number, number>();
  const documentsByTop = new Map<number, Set<number>>();
  for (const row of rows) {
    let topId = topOf.get(row.authority_id);
    if (topId === undefined) {
      let top = byId.get(row.authority_id);
      const seen = new Set<number>();
      while (top?.parentId && !seen.has(top.parentId)) {
        seen.add(top.id);
        const parent = byId.get(top.parentId) ?? (await authorities.findById(top.parentId));
        if (!parent) break;
        byId.set(parent.id, parent);
        top = parent;
      }
      topId = top?.id ?? row.authority_id;
      topOf.set(row.authority_id, topId);
    }
    const set = documentsByTop.get(topId) ?? new Set<number>();
    set.add(row.document_id);
    documentsByTop.set(topId, set);
  }
  return [...documentsByTop.entries()]
    .filter(([id]) => byId.has(id))
    .map(([id, documents]) => ({ collection: byId.get(id)!, total: documents.size }))
    .sort((a, b) => b.total - a.total || a.collection.name.localeCompare(b.collection.name))
    .slice(0, limit);
}
