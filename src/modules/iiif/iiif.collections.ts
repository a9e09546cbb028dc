import type { Kysely } from 'kysely';
import type { SiteInfo } from '../../app/ui/layout.tsx';
import type { Database } from '../../database/tables.ts';
import {
  loadCollectionForest,
  publicCollection,
  publishedDocumentsIn,
  subtreeIds,
} from '../collections/collections.queries.ts';
import { paths } from '../documents/documents.presenters.ts';
import { languageOfText, presentationContext } from './iiif.manifest.ts';
import { iiifPaths } from './iiif.scans.ts';

/**
 * A public collection as a IIIF Presentation 3.0 Collection: its sub-collections, then the manifests of
 * the published documents in it (and under it) that have scan pages, oldest first. A viewer or an
 * aggregator can walk the archive's scans from the top collection down.
 */

/** More than any collection a viewer lists comfortably; beyond it, the collection page lists the rest. */
const maxManifests = 1_000;

/** Collection names and titles are catalogue text: `en` in Latin script, else `none`. */
const label = (text: string) => ({ [languageOfText(text, [])]: [text] });
const inEnglish = (text: string) => ({ en: [text] });

export async function buildCollection(db: Kysely<Database>, slug: string, site: SiteInfo) {
  const forest = await loadCollectionForest(db);
  const node = publicCollection(forest, slug);
  const documents = await publishedDocumentsIn(db, subtreeIds(node), {
    sort: 'date',
    page: 1,
    perPage: maxManifests,
  });
  const ids = documents.items.map((d) => d.id);
  const withPages =
    ids.length === 0
      ? new Set<number>()
      : new Set(
          (
            await db
              .selectFrom('assets')
              .innerJoin('scan_pages', 'scan_pages.blob_sha256', 'assets.blob_sha256')
              .select('assets.document_id')
              .distinct()
              .where('assets.document_id', 'in', ids)
              .where('assets.kind', '=', 'scan')
              .where('scan_pages.image_sha256', 'is not', null)
              .execute()
          ).map((r) => Number(r.document_id)),
        );
  const base = site.baseUrl;
  return {
    '@context': presentationContext,
    id: `${base}${iiifPaths.collection(node.slug)}`,
    type: 'Collection',
    label: label(node.name),
    ...(node.description ? { summary: label(node.description) } : {}),
    homepage: [
      {
        id: `${base}${paths.authority({ id: node.id, kind: 'collection', slug: node.slug })}`,
        type: 'Text',
        label: label(node.name),
        format: 'text/html',
      },
    ],
    provider: [{ id: `${base}/`, type: 'Agent', label: inEnglish(site.archiveName) }],
    items: [
      ...node.children.map((child) => ({
        id: `${base}${iiifPaths.collection(child.slug)}`,
        type: 'Collection',
        label: label(child.name),
      })),
      ...documents.items
        .filter((d) => withPages.has(d.id))
        .map((d) => ({
          id: `${base}${iiifPaths.manifest(d.id)}`,
          type: 'Manifest',
          label: label(d.title),
          homepage: [
            {
              id: `${base}${paths.document(d.id)}`,
              type: 'Text',
              label: label(d.title),
              format: 'text/html',
            },
          ],
        })),
    ],
  };
}
