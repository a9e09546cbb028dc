import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { type Context, Hono } from 'hono';
import type { Container } from '../../app/container.ts';
import { AppError, badRequest, notFound } from '../../app/errors.ts';
import { parseRecordId } from '../../app/route-params.ts';
import { getPublicDocument } from '../documents/documents.queries.ts';
import { buildCollection } from './iiif.collections.ts';
import { buildManifest, presentationMediaType } from './iiif.manifest.ts';
import { createIiifRepository, type PageImage } from './iiif.repository.ts';
import { parseImageId, scansWithPages } from './iiif.scans.ts';
import { readBlob } from './iiif.tasks.ts';
import { createTileStore, tilesRootOf } from './iiif.tiles.ts';

type Deps = Pick<Container, 'database' | 'storage' | 'config' | 'logger'>;

const imageContext = 'http://iiif.io/api/image/3/context.json';

/*
 * Image API 3 request syntax ({region}/{size}/{rotation}/{quality}.{format}). A request that breaks it
 * is a 400, as the Image API asks; one that follows it but names an image we did not pre-render is
 * a 404, which is what a level-0 (static file) service answers.
 */
const number = String.raw`\d+(?:\.\d+)?`;
const requestSyntax = {
  region: new RegExp(`^(?:full|square|\\d+,\\d+,\\d+,\\d+|pct:${number},${number},${number},${number})$`),
  size: new RegExp(`^\\^?(?:max|\\d+,|,\\d+|!?\\d+,\\d+|pct:${number})$`),
  rotation: new RegExp(`^!?${number}$`),
  file: /^(?:color|gray|bitonal|default)\.(?:jpg|tif|png|gif|jp2|pdf|webp)$/,
};
/** What the tile sets hold: whole-image renditions and tiles, at given pixel sizes, upright, JPEG. */
const stored = {
  region: /^(?:full|\d{1,6},\d{1,6},\d{1,6},\d{1,6})$/,
  size: /^\d{1,6},\d{1,6}$/,
  rotation: /^0$/,
  file: /^default\.jpg$/,
};

const openSeadragonScript = path.join(
  path.dirname(createRequire(import.meta.url).resolve('openseadragon')),
  'openseadragon.min.js',
);

/** IIIF resources are for any site's viewer: every answer, errors included, may be read cross-origin. */
const allowAnyOrigin = (c: Context) => c.header('Access-Control-Allow-Origin', '*');

/**
 * `/iiif/{documentId}/manifest` (Presentation API 3.0), `/iiif/{imageId}/info.json` and the tiles
 * under it (Image API 3, level 0), for published documents only, and OpenSeadragon for the page viewer.
 */
export function iiifRoutes(deps: Deps) {
  const app = new Hono();
  const tiles = createTileStore(tilesRootOf(deps.config.dataDir));
  const images = createIiifRepository({ db: deps.database.db });
  const base = deps.config.baseUrl;

  app.onError((error, c) => {
    allowAnyOrigin(c);
    if (error instanceof AppError) {
      return c.json({ error: { code: error.code, message: error.message } }, error.status);
    }
    deps.logger.error('unhandled error', { path: c.req.path, error: error.stack ?? String(error) });
    return c.json(
      { error: { code: 'internal', message: 'The archive could not answer this request.' } },
      500,
    );
  });

  // Before the manifest and image routes: a collection slug may be any word, `manifest` included.
  app.get('/iiif/collections/:slug', async (c) => {
    allowAnyOrigin(c);
    const collection = await buildCollection(deps.database.db, c.req.param('slug'), deps.config);
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Content-Type', presentationMediaType);
    return c.body(JSON.stringify(collection));
  });

  app.get('/iiif/:id/manifest', async (c) => {
    allowAnyOrigin(c);
    const id = parseRecordId(c.req.param('id'));
    if (id === undefined) throw notFound('iiif.not_found', 'There is no such manifest.');
    const document = await getPublicDocument(deps.database, id);
    const scans = await scansWithPages(deps.database.db, document);
    if (scans.length === 0) {
      throw notFound('iiif.no_pages', `Record ${id} has no scan pages to show yet.`);
    }
    const body = JSON.stringify(buildManifest(document, scans, deps.config));
    const etag = `W/"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;
    c.header('Cache-Control', 'public, max-age=300');
    c.header('ETag', etag);
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    c.header('Content-Type', presentationMediaType);
    return c.body(body);
  });

  /** The page image behind an identifier, with its tiles made if they are not yet. */
  async function tiledImage(imageParam: string): Promise<PageImage> {
    const missing = notFound('iiif.image_not_found', 'There is no such image.');
    const key = parseImageId(imageParam);
    const image = key ? await images.publishedPageImage(key) : undefined;
    if (!image) throw missing;
    try {
      await tiles.ensure(image.imageSha256, () => readBlob(deps.storage, image.imageSha256));
    } catch (error) {
      deps.logger.warn('IIIF tiles could not be made', { image: imageParam, error: String(error) });
      throw notFound('iiif.image_unavailable', 'The tiles of this image are not available.');
    }
    return image;
  }

  // The service's base URI leads to its description, for published images only.
  app.get('/iiif/:image', async (c) => {
    allowAnyOrigin(c);
    const key = parseImageId(c.req.param('image'));
    if (!key || !(await images.publishedPageImage(key))) {
      throw notFound('iiif.image_not_found', 'There is no such image.');
    }
    return c.redirect(`${base}/iiif/${c.req.param('image')}/info.json`, 303);
  });

  app.get('/iiif/:image/info.json', async (c) => {
    allowAnyOrigin(c);
    const imageParam = c.req.param('image');
    const image = await tiledImage(imageParam);
    const info = await tiles.info(image.imageSha256);
    if (!info) throw notFound('iiif.image_unavailable', 'The tiles of this image are not available.');
    const { '@context': _context, id: _id, ...rest } = info;
    const wantsJsonLd = (c.req.header('Accept') ?? '').includes('application/ld+json');
    c.header(
      'Content-Type',
      wantsJsonLd ? `application/ld+json;profile="${imageContext}"` : 'application/json; charset=utf-8',
    );
    c.header('Vary', 'Accept');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(JSON.stringify({ '@context': imageContext, id: `${base}/iiif/${imageParam}`, ...rest }));
  });

  app.get('/iiif/:image/:region/:size/:rotation/:file', async (c) => {
    allowAnyOrigin(c);
    const { region, size, rotation, file } = c.req.param();
    const segments = { region, size, rotation, file };
    for (const part of ['region', 'size', 'rotation', 'file'] as const) {
      if (!requestSyntax[part].test(segments[part])) {
        throw badRequest(
          'iiif.bad_request',
          `The ${part} of this image request is not valid Image API 3 syntax.`,
        );
      }
    }
    const absent = notFound('iiif.tile_not_found', 'This image service has no such tile (level 0).');
    if (
      !(['region', 'size', 'rotation', 'file'] as const).every((part) => stored[part].test(segments[part]))
    ) {
      throw absent;
    }
    const image = await tiledImage(c.req.param('image'));
    const tile = tiles.tilePath(image.imageSha256, [region, size, rotation, file]);
    const stat = await fsp.stat(tile).catch(() => undefined);
    if (!stat?.isFile()) throw absent;
    const etag = `"${image.imageSha256.slice(0, 24)}-${region}-${size}"`;
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('ETag', etag);
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    c.header('Content-Type', 'image/jpeg');
    c.header('Content-Length', String(stat.size));
    return c.body(Readable.toWeb(fs.createReadStream(tile)) as ReadableStream);
  });

  // The viewer's library, from node_modules: no copy in the repository, no CDN.
  app.get('/static/vendor/openseadragon.min.js', async (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(await fsp.readFile(openSeadragonScript));
  });

  return app;
}
