import { type Kysely, sql } from 'kysely';
import { notFound } from '../../app/errors.ts';
import type { Database } from '../../database/tables.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { type DocumentStub, dateOfRow } from '../documents/documents.repository.ts';

/**
 * What the public may read about collections. Collections are authority records of kind
 * `collection`, nested through `parent_id`. Like every authority, a collection exists publicly only
 * when a published document is in it or in a collection under it: an import of drafts alone must not
 * reveal that a collection exists. Counts are of distinct published documents in the collection and
 * everything under it, so a document filed in two sub-collections counts once.
 */

export type CollectionNode = {
  id: number;
  name: string;
  slug: string;
  parentId: number | null;
  description: string | null;
  hasImage: boolean;
  imageAlt: string | null;
  /** Published documents in it and in every collection under it. */
  count: number;
  children: CollectionNode[];
};

export type CollectionForest = {
  /** Public collections without a public parent, by name. */
  roots: CollectionNode[];
  byId: Map<number, CollectionNode>;
  bySlug: Map<string, CollectionNode>;
};

/** Pictures browsers show everywhere; TIFF and PDF are for scans, not for a collection's face. */
export const collectionImageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** Far deeper than any real hierarchy; it only bounds walks if the data holds a cycle. */
const MAX_DEPTH = 64;

/**
 * Every public collection as a tree, with counts. One query for the collections and one for the
 * published documents filed in them; the sets are merged upwards in memory, which stays small
 * (collections × documents filed) even for large archives.
 */
export async function loadCollectionForest(db: Kysely<Database>): Promise<CollectionForest> {
  const [rows, links] = await Promise.all([
    db
      .selectFrom('authorities')
      .select(['id', 'name', 'slug', 'parent_id', 'note', 'image_sha256', 'image_alt'])
      .where('kind', '=', 'collection')
      .execute(),
    db
      .selectFrom('document_authorities')
      .innerJoin('documents', 'documents.id', 'document_authorities.document_id')
      .select(['document_authorities.authority_id as collectionId', 'documents.id as documentId'])
      .where('document_authorities.role', '=', 'collection')
      .where('documents.status', '=', 'published')
      .execute(),
  ]);
  const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
  const documentsOf = new Map<number, Set<number>>();
  for (const link of links) {
    // Each document is added to its collection and every collection above it.
    let current: number | null | undefined = link.collectionId;
    for (let depth = 0; current != null && depth < MAX_DEPTH; depth++) {
      const set = documentsOf.get(current) ?? new Set<number>();
      if (set.has(link.documentId) && depth > 0) break;
      set.add(link.documentId);
      documentsOf.set(current, set);
      current = parentOf.get(current);
    }
  }
  const byId = new Map<number, CollectionNode>();
  for (const row of rows) {
    const count = documentsOf.get(row.id)?.size ?? 0;
    if (count === 0) continue;
    byId.set(row.id, {
      id: row.id,
      name: row.name,
      slug: row.slug,
      parentId: row.parent_id,
      description: row.note,
      hasImage: row.image_sha256 !== null,
      imageAlt: row.image_alt,
      count,
      children: [],
    });
  }
  const roots: CollectionNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent && !isOwnAncestor(node.id, parentOf)) parent.children.push(node);
    else roots.push(node);
  }
  const byName = (a: CollectionNode, b: CollectionNode) => a.name.localeCompare(b.name, 'en');
  roots.sort(byName);
  for (const node of byId.values()) node.children.sort(byName);
  return { roots, byId, bySlug: new Map([...byId.values()].map((n) => [n.slug, n])) };
}

/** A collection in a parent loop is shown at the top, once, rather than nowhere. */
function isOwnAncestor(id: number, parentOf: Map<number, number | null>): boolean {
  let current = parentOf.get(id);
  for (let depth = 0; current != null && depth < MAX_DEPTH; depth++) {
    if (current === id) return true;
    current = parentOf.get(current);
  }
  return false;
}

/** The collection and every public collection under it. */
export function subtreeIds(node: CollectionNode): number[] {
  const ids: number[] = [];
  const stack = [node];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (seen.has(current.id)) continue;
    seen.add(current.id);
    ids.push(current.id);
    stack.push(...current.children);
  }
  return ids;
}

export const collectionSorts = ['date', 'date-desc', 'title', 'id'] as const;
export type CollectionSort = (typeof collectionSorts)[number];

export type ListedDocument = DocumentStub & { summary: string | null };

/**
 * Published documents filed in any of these collections, one page of them, in the order asked for.
 * Titles sort by the search index's folded key, which both databases compare bytewise; a document the
 * index does not know yet sorts after the others rather than disappearing.
 */
export async function publishedDocumentsIn(
  db: Kysely<Database>,
  collectionIds: number[],
  options: { sort: CollectionSort; page: number; perPage: number },
): Promise<{ total: number; items: ListedDocument[] }> {
  if (collectionIds.length === 0) return { total: 0, items: [] };
  const filed = db
    .selectFrom('document_authorities')
    .select('document_id')
    .where('role', '=', 'collection')
    .where('authority_id', 'in', collectionIds);
  const base = db
    .selectFrom('documents')
    .where('documents.status', '=', 'published')
    .where('documents.id', 'in', filed);
  const counted = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const order = {
    date: sql`documents.date_start asc nulls last, documents.date_end asc nulls last, documents.id asc`,
    'date-desc': sql`documents.date_start desc nulls last, documents.date_end desc nulls last, documents.id asc`,
    title: sql`search_documents.title_sort asc nulls last, documents.id asc`,
    id: sql`documents.id asc`,
  }[options.sort];
  const rows = await base
    .leftJoin('search_documents', 'search_documents.document_id', 'documents.id')
    .selectAll('documents')
    .orderBy(order)
    .limit(options.perPage)
    .offset((options.page - 1) * options.perPage)
    .execute();
  return {
    total: Number(counted.n),
    items: rows.map((row) => ({
      id: row.id,
      externalId: row.external_id,
      title: row.title,
      status: row.status,
      date: dateOfRow(row),
      summary: row.summary,
    })),
  };
}

/** The collections above this one, outermost first, for breadcrumbs. */
export async function collectionTrail(
  db: Kysely<Database>,
  forest: CollectionForest,
  node: CollectionNode,
): Promise<CollectionNode[]> {
  const ancestors = await createAuthoritiesRepository({ db }).ancestors(node.id);
  return ancestors
    .map((a) => forest.byId.get(a.id))
    .filter((a): a is CollectionNode => a !== undefined)
    .reverse();
}

/** A public collection by slug, or the 404 every unknown or unpublished collection gets. */
export function publicCollection(forest: CollectionForest, slug: string): CollectionNode {
  const node = forest.bySlug.get(slug);
  if (!node) throw notFound('collections.not_found', 'There is no such collection in this archive.');
  return node;
}

/** The stored picture of a public collection. */
export async function collectionImage(
  db: Kysely<Database>,
  id: number,
): Promise<{ sha256: string; mediaType: string } | undefined> {
  const row = await db
    .selectFrom('authorities')
    .select(['image_sha256', 'image_media_type'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row?.image_sha256 || !row.image_media_type) return undefined;
  return { sha256: row.image_sha256, mediaType: row.image_media_type };
}

export async function collectionIdBySlug(db: Kysely<Database>, slug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('authorities')
    .select('id')
    .where('kind', '=', 'collection')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Whether one collection is public (a published document is filed in it or under it), without
 * loading the whole tree: its subtree is walked level by level, then one EXISTS query answers.
 */
export async function isPublicCollection(db: Kysely<Database>, id: number): Promise<boolean> {
  const ids = new Set([id]);
  let frontier = [id];
  for (let depth = 0; frontier.length > 0 && depth < MAX_DEPTH; depth++) {
    const rows = await db
      .selectFrom('authorities')
      .select('id')
      .where('kind', '=', 'collection')
      .where('parent_id', 'in', frontier)
      .execute();
    frontier = rows.map((r) => r.id).filter((child) => !ids.has(child));
    for (const child of frontier) ids.add(child);
  }
  const row = await db
    .selectFrom('document_authorities')
    .innerJoin('documents', 'documents.id', 'document_authorities.document_id')
    .select('documents.id')
    .where('document_authorities.role', '=', 'collection')
    .where('document_authorities.authority_id', 'in', [...ids])
    .where('documents.status', '=', 'published')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
