import type { Kysely } from 'kysely';
import { notFound } from '../../app/errors.ts';
import type { AuthorityKind, Database, LinkRole } from '../../database/tables.ts';
import { createDocumentsRepository, type DocumentStub } from '../documents/documents.repository.ts';
import { type Authority, createAuthoritiesRepository } from './authorities.repository.ts';

export type AuthorityDocument = DocumentStub & { summary: string | null; roles: (LinkRole | 'repository')[] };

export type PublicAuthority = {
  authority: Authority;
  /** Nearest first (the parent, then its parent...). */
  ancestors: Authority[];
  /** Sub-places or sub-collections that lead to published documents. */
  children: Authority[];
  documents: AuthorityDocument[];
};

/** Far more than any real hierarchy; it only bounds the walk if the data holds a cycle. */
const MAX_SUBTREE = 10_000;

/**
 * An authority as the public may see it. Authorities are created by imports, drafts included, so a
 * name known only from unpublished records must stay unknown: an authority exists publicly only when
 * a published document is linked to it or to something under it (a place within it, a sub-collection).
 */
export async function getPublicAuthority(
  { db }: { db: Kysely<Database> },
  kind: AuthorityKind,
  key: { id: number } | { slug: string },
): Promise<PublicAuthority> {
  const authorities = createAuthoritiesRepository({ db });
  const missing = notFound(
    'authorities.not_found',
    `There is no such ${kindLabels[kind].toLowerCase()} in this archive.`,
  );
  const authority =
    'id' in key ? await authorities.findById(key.id) : await authorities.findBySlug(kind, key.slug);
  if (!authority || authority.kind !== kind) throw missing;

  const subtree = await descendants(db, authority.id);
  const withDocuments = await idsWithPublishedDocuments(db, [authority.id, ...subtree.keys()]);
  if (withDocuments.size === 0) throw missing;

  // A child is shown when it, or anything under it, leads to a published document.
  const publicIds = new Set<number>();
  for (const id of withDocuments) {
    let current: number | undefined = id;
    while (current !== undefined && !publicIds.has(current) && current !== authority.id) {
      publicIds.add(current);
      current = subtree.get(current);
    }
  }
  const childIds = [...subtree.entries()].filter(
    ([id, parent]) => parent === authority.id && publicIds.has(id),
  );
  const children = (await authorities.findManyByIds(childIds.map(([id]) => id))).sort((a, b) =>
    a.name.localeCompare(b.name),
  );

  const documents = createDocumentsRepository({ db });
  const links = await documents.publishedForAuthority(authority.id);
  const summaries = new Map(
    (await documents.listPublishedSummaries([...new Set(links.map((l) => l.id))])).map((d) => [
      d.id,
      d.summary,
    ]),
  );
  const byDocument = new Map<number, AuthorityDocument>();
  for (const link of links) {
    const entry = byDocument.get(link.id);
    if (entry) {
      if (!entry.roles.includes(link.role)) entry.roles.push(link.role);
    } else {
      const { role, ...stub } = link;
      byDocument.set(link.id, { ...stub, summary: summaries.get(link.id) ?? null, roles: [role] });
    }
  }

  return {
    authority,
    ancestors: await authorities.ancestors(authority.id),
    children,
    documents: [...byDocument.values()],
  };
}

/** Every authority under this one, each mapped to its parent. */
async function descendants(db: Kysely<Database>, rootId: number): Promise<Map<number, number>> {
  const parentOf = new Map<number, number>();
  let frontier = [rootId];
  while (frontier.length > 0 && parentOf.size < MAX_SUBTREE) {
    const rows = await db
      .selectFrom('authorities')
      .select(['id', 'parent_id'])
      .where('parent_id', 'in', frontier)
      .execute();
    frontier = [];
    for (const row of rows) {
      if (row.id === rootId || parentOf.has(row.id) || row.parent_id === null) continue;
      parentOf.set(row.id, row.parent_id);
      frontier.push(row.id);
    }
  }
  return parentOf;
}

async function idsWithPublishedDocuments(db: Kysely<Database>, ids: number[]): Promise<Set<number>> {
  const found = new Set<number>();
  // Chunked so a large hierarchy stays within the databases' limits on bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [linked, held] = await Promise.all([
      db
        .selectFrom('document_authorities')
        .innerJoin('documents', 'documents.id', 'document_authorities.document_id')
        .select('document_authorities.authority_id as id')
        .distinct()
        .where('documents.status', '=', 'published')
        .where('document_authorities.authority_id', 'in', chunk)
        .execute(),
      db
        .selectFrom('documents')
        .select('repository_id as id')
        .distinct()
        .where('status', '=', 'published')
        .where('repository_id', 'in', chunk)
        .execute(),
    ]);
    for (const row of [...linked, ...held]) if (row.id !== null) found.add(row.id);
  }
  return found;
}

export const kindLabels: Record<AuthorityKind, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  subject: 'Subject',
  repository: 'Archive',
  funder: 'Funder',
  collection: 'Collection',
};
