import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { Container } from '../../app/container.ts';
import { notFound } from '../../app/errors.ts';
import { parseRecordId } from '../../app/route-params.ts';
import { getPublicDocument } from '../documents/documents.queries.ts';
import { safeFileName } from './asset-files.ts';
import { isInlineSafe } from './media-type.ts';

/**
 * Files of published documents: `/documents/{id}/files/{assetId}/{name}`. The name in the URL is only
 * for readers; the file is found by IDs and streamed from the blob store with its sniffed type.
 */
export function assetFileRoutes({ database, storage }: Pick<Container, 'database' | 'storage'>) {
  const app = new Hono();

  app.get('/:id/files/:assetId/:name?', async (c) => {
    const documentId = parseRecordId(c.req.param('id'));
    const assetId = parseRecordId(c.req.param('assetId'));
    const missing = notFound('files.not_found', 'There is no such file.');
    if (documentId === undefined || assetId === undefined) throw missing;
    const document = await getPublicDocument(database, documentId).catch(() => undefined);
    const asset = document?.assets.find((a) => a.id === assetId);
    if (!asset?.blobSha256 || !asset.mediaType) throw missing;
    const stream = await storage.open(asset.blobSha256);
    if (!stream) throw missing;

    const fileName = safeFileName(asset.fileName ?? 'file');
    const download = c.req.query('download') !== undefined || !isInlineSafe(asset.mediaType);
    // RFC 6266: an ASCII fallback plus the exact UTF-8 name for browsers that read it.
    const asciiName = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    c.header('Content-Type', asset.mediaType);
    c.header(
      'Content-Disposition',
      `${download ? 'attachment' : 'inline'}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    if (asset.byteSize !== null) c.header('Content-Length', String(asset.byteSize));
    // Content-addressed: the bytes behind this URL change only if the asset is replaced.
    c.header('Cache-Control', 'public, max-age=300');
    c.header('ETag', `"${asset.blobSha256}"`);
    if (c.req.header('If-None-Match') === `"${asset.blobSha256}"`) {
      stream.destroy();
      return c.body(null, 304);
    }
    return c.body(Readable.toWeb(stream) as ReadableStream);
  });

  return app;
}
