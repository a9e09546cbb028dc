import type { FC } from 'hono/jsx';
import type { Kysely } from 'kysely';
import type { Database } from '../../../database/tables.ts';
import { paths } from '../documents.presenters.ts';
import { createDocumentsRepository, type DocumentStub } from '../documents.repository.ts';
import { DocumentDate } from '../page/document-metadata.tsx';
import { findSimilarDocuments, type SimilarDeps, type SimilarDocument } from './similar-documents.ts';

/** Which way an editor made a link: from this record to the other, or from the other to this one. */
export type LinkDirection = 'from-here' | 'to-here';

export type RelatedDocuments = {
  curated: (DocumentStub & { direction: LinkDirection })[];
  similar: SimilarDocument[];
};

/**
 * Editors' related links, whichever record they were made on, and similar documents found through
 * the search index (leaving out those the editors already linked). Published documents only.
 */
export async function loadRelatedDocuments(
  deps: SimilarDeps,
  documentId: number,
  { similarLimit = 5 }: { similarLimit?: number } = {},
): Promise<RelatedDocuments> {
  const links = await relatedLinks(deps.db, documentId);
  const stubs = new Map(
    (await createDocumentsRepository(deps).listPublishedSummaries(links.map((l) => l.id))).map((s) => [
      s.id,
      s,
    ]),
  );
  const curated = links.flatMap((l) => {
    const stub = stubs.get(l.id);
    return stub ? [{ ...stub, direction: l.direction }] : [];
  });
  const linked = new Set(curated.map((c) => c.id));
  const similar = (
    await findSimilarDocuments(deps, documentId, { limit: similarLimit + linked.size })
  ).filter((s) => !linked.has(s.id));
  return { curated, similar: similar.slice(0, similarLimit) };
}

async function relatedLinks(db: Kysely<Database>, documentId: number) {
  const rows = await db
    .selectFrom('document_links')
    .select(['document_id', 'target_id'])
    .where('kind', '=', 'related')
    .where((eb) => eb.or([eb('document_id', '=', documentId), eb('target_id', '=', documentId)]))
    .orderBy('position')
    .orderBy('document_id')
    .execute();
  const seen = new Set<number>();
  return rows.flatMap((r) => {
    const fromHere = r.document_id === documentId;
    const id = fromHere ? r.target_id : r.document_id;
    if (id === documentId || seen.has(id)) return [];
    seen.add(id);
    return [{ id, direction: (fromHere ? 'from-here' : 'to-here') as LinkDirection }];
  });
}

const directionLabels: Record<LinkDirection, string> = {
  'from-here': 'Linked from this record by the editors',
  'to-here': 'Links to this record (made on the other document)',
};

const Item: FC<{ stub: DocumentStub; note?: string }> = ({ stub, note }) => (
  <li class="related-documents__item">
    <a href={paths.document(stub.id)}>{stub.title}</a>
    <span class="related-documents__meta">
      {stub.date ? (
        <>
          {' '}
          (<DocumentDate date={stub.date} />)
        </>
      ) : null}
      {note ? ` · ${note}` : null}
    </span>
  </li>
);

/** The section under a document: what the editors linked, then what the index finds similar. */
export const RelatedDocumentsSection: FC<{ related: RelatedDocuments }> = ({ related }) =>
  related.curated.length === 0 && related.similar.length === 0 ? null : (
    <section class="related-documents" aria-labelledby="related-documents-heading">
      <h2 id="related-documents-heading">Related documents</h2>
      {related.curated.length > 0 ? (
        <>
          <h3 id="curated-heading">Linked by the editors</h3>
          <ul aria-labelledby="curated-heading">
            {related.curated.map((d) => (
              <Item stub={d} note={directionLabels[d.direction]} />
            ))}
          </ul>
        </>
      ) : null}
      {related.similar.length > 0 ? (
        <>
          <h3 id="similar-heading">Similar documents</h3>
          <p class="related-documents__note">
            Found by comparing words, people, places and subjects with the rest of the archive.
          </p>
          <ol aria-labelledby="similar-heading">
            {related.similar.map((d) => (
              <Item stub={d} />
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
