import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { Container } from '../../../app/container.ts';
import { notFound } from '../../../app/errors.ts';
import { parseRecordId } from '../../../app/route-params.ts';
import { getPublicDocument } from '../../documents/documents.queries.ts';
import type { StoredAsset } from '../../documents/documents.repository.ts';
import { createScanPagesRepository, type ScanPageRow } from './scan-pages.repository.ts';
import { describeProgress } from './scan-processing.presenters.ts';

type Deps = Pick<Container, 'database' | 'storage' | 'config'>;

const pageImagePath = (documentId: number, assetId: number, page: number, rendition: 'image' | 'thumbnail') =>
  `/documents/${documentId}/files/${assetId}/pages/${page}/${rendition}.webp`;

/** A published document's scan asset, or 404 exactly like a missing one. */
async function publicScan(
  deps: Deps,
  documentParam: string,
  assetParam: string,
): Promise<{ documentId: number; asset: StoredAsset }> {
  const documentId = parseRecordId(documentParam);
  const assetId = parseRecordId(assetParam);
  const missing = notFound('scans.not_found', 'There is no such scan.');
  if (documentId === undefined || assetId === undefined) throw missing;
  const document = await getPublicDocument(deps.database, documentId).catch(() => undefined);
  const asset = document?.assets.find((a) => a.id === assetId && a.kind === 'scan' && a.blobSha256);
  if (!asset) throw missing;
  return { documentId, asset };
}

/**
 * `GET /api/v1/documents/{id}/scans/{assetId}/pages`: the text of every page of a scan, marked as
 * machine-generated where OCR made it, with an editor's correction in place of the machine text when
 * there is one, and the page image URLs. `?words=1` adds word boxes for highlighting.
 */
export function scanPagesApiRoutes(deps: Deps) {
  const app = new Hono();
  app.get('/:id/scans/:assetId/pages', async (c) => {
    const { documentId, asset } = await publicScan(deps, c.req.param('id'), c.req.param('assetId'));
    const sha256 = asset.blobSha256!;
    const scans = createScanPagesRepository({ db: deps.database.db });
    const [file, pages, corrections] = await Promise.all([
      scans.findScanFile(sha256),
      scans.pages(sha256),
      scans.latestCorrections(sha256),
    ]);
    const withWords = c.req.query('words') === '1';
    const base = deps.config.baseUrl;
    const present = (row: ScanPageRow) => {
      const correction = corrections.get(row.page);
      return {
        page: row.page,
        width: row.width,
        height: row.height,
        text: correction?.text ?? row.text,
        textSource: row.text_source,
        machineGenerated: row.text_source === 'ocr' && !correction,
        corrected: correction ? { at: correction.createdAt, by: correction.correctedBy } : null,
        machineText: correction ? row.text : undefined,
        ocrConfidence: row.ocr_confidence,
        ocrLanguages: row.ocr_languages ? row.ocr_languages.split('+') : [],
        problem: row.problem,
        imageUrl: row.image_sha256
          ? `${base}${pageImagePath(documentId, asset.id, row.page, 'image')}`
          : null,
        thumbnailUrl: row.thumbnail_sha256
          ? `${base}${pageImagePath(documentId, asset.id, row.page, 'thumbnail')}`
          : null,
        ...(withWords ? { words: row.words ? JSON.parse(row.words) : [] } : {}),
      };
    };
    return c.json({
      assetId: asset.id,
      status: file?.status ?? 'pending',
      progress: file ? describeProgress(file) : 'Waiting to be processed',
      pageCount: file?.page_count ?? asset.pageCount,
      /** Word boxes are [left, top, width, height, text, confidence], in ten-thousandths of the page. */
      wordBoxUnits: 10_000,
      pages: pages.map(present),
    });
  });
  return app;
}

/** `GET /documents/{id}/files/{assetId}/pages/{n}/image.webp` (and `thumbnail.webp`). */
export function scanPageImageRoutes(deps: Deps) {
  const app = new Hono();
  app.get('/:id/files/:assetId/pages/:page/:rendition', async (c) => {
    const rendition = c.req.param('rendition');
    const page = parseRecordId(c.req.param('page'));
    const missing = notFound('scans.page_not_found', 'There is no such page image.');
    if ((rendition !== 'image.webp' && rendition !== 'thumbnail.webp') || page === undefined) throw missing;
    const { asset } = await publicScan(deps, c.req.param('id'), c.req.param('assetId'));
    const row = await createScanPagesRepository({ db: deps.database.db }).page(asset.blobSha256!, page);
    const sha256 = rendition === 'image.webp' ? row?.image_sha256 : row?.thumbnail_sha256;
    if (!sha256) throw missing;
    const etag = `"${sha256}"`;
    c.header('Content-Type', 'image/webp');
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('ETag', etag);
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    const stream = await deps.storage.open(sha256);
    if (!stream) throw missing;
    return c.body(Readable.toWeb(stream) as ReadableStream);
  });
  return app;
}
