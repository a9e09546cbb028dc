import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';
import type { StoredDocument } from '../documents/documents.repository.ts';
import { type DocumentView, documentViews } from '../documents/page/document-views.ts';
import { createIiifRepository, type PageImage } from './iiif.repository.ts';

/** A scan version of a document with its page images, in the order readers see the versions. */
export type ScanWithPages = { view: DocumentView; pages: PageImage[] };

/**
 * The page images of a (published) document's scans. A scan still being processed has none yet;
 * it is left out, and shows as its file until its pages are in.
 */
export async function scansWithPages(
  db: Kysely<Database>,
  document: Pick<StoredDocument, 'assets'>,
): Promise<ScanWithPages[]> {
  const scans = documentViews(document.assets).filter((v) => v.kind === 'scan' && v.asset.blobSha256);
  if (scans.length === 0) return [];
  const pages = await createIiifRepository({ db }).pageImagesOf(scans.map((v) => v.asset.blobSha256!));
  return scans
    .map((view) => ({ view, pages: pages.get(view.asset.blobSha256!) ?? [] }))
    .filter((scan) => scan.pages.length > 0);
}

/** Addresses of IIIF resources, in one place so the manifest, routes and pages agree. */
export const iiifPaths = {
  manifest: (documentId: number) => `/iiif/${documentId}/manifest`,
  collection: (slug: string) => `/iiif/collections/${encodeURIComponent(slug)}`,
  /** An Image API identifier: document, scan asset and page, which the tile routes check again. */
  imageId: (documentId: number, assetId: number, page: number) => `${documentId}-${assetId}-${page}`,
  imageService: (documentId: number, assetId: number, page: number) =>
    `/iiif/${iiifPaths.imageId(documentId, assetId, page)}`,
  info: (documentId: number, assetId: number, page: number) =>
    `${iiifPaths.imageService(documentId, assetId, page)}/info.json`,
  /** The pipeline's reading image (WebP) and thumbnail, served by the scan pages routes. */
  pageImage: (documentId: number, assetId: number, page: number, rendition: 'image' | 'thumbnail') =>
    `/documents/${documentId}/files/${assetId}/pages/${page}/${rendition}.webp`,
};

/** Parses `{documentId}-{assetId}-{page}`; anything else is no image at all. */
export function parseImageId(
  value: string,
): { documentId: number; assetId: number; page: number } | undefined {
  const match = /^([1-9]\d{0,9})-([1-9]\d{0,9})-([1-9]\d{0,5})$/.exec(value);
  if (!match) return undefined;
  const [documentId, assetId, page] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (documentId > 2_147_483_647 || assetId > 2_147_483_647) return undefined;
  return { documentId, assetId, page };
}
