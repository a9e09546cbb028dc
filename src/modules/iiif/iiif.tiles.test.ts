import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { enqueueAllScans } from '../ingest/pipeline/scan-jobs.ts';
import { createArchiveWorker } from '../jobs/jobs.runtime.ts';
import { createIiifRepository } from './iiif.repository.ts';
import { buildIiifFixture, type IiifFixture } from './iiif.test-support.ts';
import { createTileStore, tilesRootOf } from './iiif.tiles.ts';

// biome-ignore lint/suspicious/noExplicitAny: info.json is JSON, checked field by field below
type Json = Record<string, any>;

/** A page-like image with detail everywhere, so that every tile is a real, distinct JPEG. */
async function pageImage(width: number, height: number): Promise<Buffer> {
  const stripes = Buffer.alloc(width * height * 3);
  for (let i = 0; i < stripes.length; i++) stripes[i] = (i * 7 + Math.floor(i / (width * 3)) * 13) % 256;
  return sharp(stripes, { raw: { width, height, channels: 3 } })
    .webp({ quality: 80 })
    .toBuffer();
}

describe('static IIIF tiles made with sharp', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-tiles-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const sha = (n: number) => n.toString(16).padStart(64, '0');

  it('writes an Image API 3 level-0 info.json with tiles, scale factors and whole-image sizes', async () => {
    const store = createTileStore(root);
    const bytes = await pageImage(1545, 2000);
    await store.ensure(sha(1), async () => bytes);
    expect(store.has(sha(1))).toBe(true);
    const info = (await store.info(sha(1)))!;
    expect(info).toMatchObject({
      '@context': 'http://iiif.io/api/image/3/context.json',
      type: 'ImageService3',
      profile: 'level0',
      width: 1545,
      height: 2000,
    });
    expect(info.tiles).toEqual([{ width: 512, scaleFactors: [1, 2, 4] }]);
    const sizes = info.sizes as { width: number; height: number }[];
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) {
      const file = store.tilePath(sha(1), ['full', `${size.width},${size.height}`, '0', 'default.jpg']);
      expect((await sharp(file).metadata()).width).toBe(size.width);
    }
    // The bottom-right tile at full scale is cut to the image's edge.
    const corner = store.tilePath(sha(1), ['1536,1536,9,464', '9,464', '0', 'default.jpg']);
    expect(await sharp(corner).metadata()).toMatchObject({ format: 'jpeg', width: 9, height: 464 });
    // Nothing is left beside the tile sets: no temporary folder, no libvips properties file.
    expect(fs.readdirSync(path.join(root, '.incoming'))).toEqual([]);
  });

  it('makes each tile set once, even when asked twice at the same time', async () => {
    const store = createTileStore(root);
    const bytes = await pageImage(800, 600);
    let reads = 0;
    const read = async () => {
      reads++;
      return bytes;
    };
    await Promise.all([store.ensure(sha(2), read), store.ensure(sha(2), read)]);
    await store.ensure(sha(2), read);
    expect(reads).toBe(1);
    // Another process (a second store on the same folder) finds them made.
    await createTileStore(root).ensure(sha(2), read);
    expect(reads).toBe(1);
  });

  it('fails on a broken image without leaving a half-made tile set', async () => {
    const store = createTileStore(root);
    await expect(store.ensure(sha(3), async () => Buffer.from('not an image at all'))).rejects.toThrow();
    expect(store.has(sha(3))).toBe(false);
    expect(fs.existsSync(path.join(root, sha(3).slice(0, 2), sha(3)))).toBe(false);
    expect(fs.readdirSync(path.join(root, '.incoming'))).toEqual([]);
  });
});

describe.each(databaseKinds())('IIIF Image API routes on %s', (kind) => {
  let context: TestContext;
  let fixture: IiifFixture;
  let imageId: string;
  const base = 'http://archive.test';

  beforeAll(async () => {
    context = await createTestContext(kind);
    fixture = await buildIiifFixture(context.container);
    imageId = `${fixture.publishedId}-${fixture.pdfAssetId}-1`;
  }, 120_000);
  afterAll(async () => {
    await context?.dispose();
  });

  const get = (url: string, headers: Record<string, string> = {}) => context.app.request(url, { headers });
  const imageShas = async () =>
    (
      await context.container.database.db
        .selectFrom('scan_pages')
        .select('image_sha256')
        .where('image_sha256', 'is not', null)
        .execute()
    ).map((r) => r.image_sha256!);

  it('has tiles for every page image as soon as the scan job is done, before anyone asks', async () => {
    const store = createTileStore(tilesRootOf(context.dataDir));
    const shas = await imageShas();
    expect(shas.length).toBe(5); // three published pages, a draft's and a withdrawn one's
    for (const sha of shas) expect(store.has(sha), sha).toBe(true);
  });

  it('serves info.json with its id at our base URL, CORS and caching headers', async () => {
    const response = await get(`/iiif/${imageId}/info.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toContain('max-age=');
    const info = (await response.json()) as Json;
    expect(info.id).toBe(`${base}/iiif/${imageId}`);
    expect(info).toMatchObject({
      type: 'ImageService3',
      profile: 'level0',
      protocol: 'http://iiif.io/api/image',
    });
    const page = await createIiifRepository({ db: context.container.database.db }).publishedPageImage({
      documentId: fixture.publishedId,
      assetId: fixture.pdfAssetId,
      page: 1,
    });
    expect([info.width, info.height]).toEqual([page!.width, page!.height]);
    const ld = await get(`/iiif/${imageId}/info.json`, { Accept: 'application/ld+json' });
    expect(ld.headers.get('content-type')).toBe(
      'application/ld+json;profile="http://iiif.io/api/image/3/context.json"',
    );
    const redirect = await get(`/iiif/${imageId}`);
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe(`${base}/iiif/${imageId}/info.json`);
  });

  it('serves the tiles and whole-image sizes info.json lists, as JPEG', async () => {
    const info = (await (await get(`/iiif/${imageId}/info.json`)).json()) as Json;
    const edge = info.tiles[0].width as number;
    const w = Math.min(edge, info.width);
    const h = Math.min(edge, info.height);
    const tile = await get(`/iiif/${imageId}/0,0,${w},${h}/${w},${h}/0/default.jpg`);
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('image/jpeg');
    expect(tile.headers.get('access-control-allow-origin')).toBe('*');
    const bytes = Buffer.from(await tile.arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: w, height: h });
    const again = await get(`/iiif/${imageId}/0,0,${w},${h}/${w},${h}/0/default.jpg`, {
      'If-None-Match': tile.headers.get('etag')!,
    });
    expect(again.status).toBe(304);
    const [smallest] = info.sizes as { width: number; height: number }[];
    const full = await get(`/iiif/${imageId}/full/${smallest!.width},${smallest!.height}/0/default.jpg`);
    expect(full.status).toBe(200);
  });

  it('answers malformed requests with 400 and absent or hostile ones with 404, never a file outside the tiles', async () => {
    const cases: [string, number][] = [
      [`/iiif/${imageId}/full/max/0/default.jpg`, 404],
      [`/iiif/${imageId}/0,0,512,512/512,512/90/default.jpg`, 404],
      [`/iiif/${imageId}/0,0,512,512/512,512/0/gray.jpg`, 404],
      [`/iiif/${imageId}/0,0,512,512/512,512/0/default.png`, 404],
      [`/iiif/${imageId}/99999,0,512,512/512,512/0/default.jpg`, 404],
      [`/iiif/${imageId}/0,0,512,512/512,512/0/default.exe`, 400],
      [`/iiif/${imageId}/banana/512,512/0/default.jpg`, 400],
      [`/iiif/${imageId}/full/huge/0/default.jpg`, 400],
      [`/iiif/${imageId}/full/max/sideways/default.jpg`, 400],
      [`/iiif/${imageId}/..%2F..%2F..%2F..%2Fetc/passwd/0/default.jpg`, 400],
      [`/iiif/${imageId}/%2e%2e%2f%2e%2e/max/0/default.jpg`, 400],
      [`/iiif/${imageId}/full/max/0/..%2F..%2F..%2Finfo.json`, 400],
      [`/iiif/${imageId}/full/max/0/default.jpg%00.png`, 400],
      ['/iiif/..%2F..%2F..%2Fetc%2Fpasswd/info.json', 404],
      ['/iiif/%2e%2e%2f%2e%2e/info.json', 404],
      [`/iiif/${fixture.publishedId}-${fixture.pdfAssetId}-99/info.json`, 404],
      [`/iiif/${fixture.publishedId}-${fixture.draftAssetId}-1/info.json`, 404],
      [`/iiif/99999999999-1-1/info.json`, 404],
      ['/iiif/1-2/info.json', 404],
      ['/iiif/abc', 404],
    ];
    for (const [url, status] of cases) {
      const response = await get(url);
      expect(response.status, url).toBe(status);
      expect(response.headers.get('content-type'), url).toContain('application/json');
      expect(await response.text(), url).not.toMatch(/root:|"tiles"/);
    }
  });

  it('serves no tile of a draft or withdrawn document, though the tiles exist on disk', async () => {
    for (const [documentId, assetId] of [
      [fixture.draftId, fixture.draftAssetId],
      [fixture.withdrawnId, fixture.withdrawnAssetId],
    ]) {
      const id = `${documentId}-${assetId}-1`;
      expect((await get(`/iiif/${id}/info.json`)).status, id).toBe(404);
      expect((await get(`/iiif/${id}/0,0,512,512/512,512/0/default.jpg`)).status, id).toBe(404);
      expect((await get(`/iiif/${id}/full/max/0/default.jpg`)).status, id).toBe(404);
    }
  });

  it('makes missing tiles on request, and `jobs rescan` makes them for scans processed before tiles existed', async () => {
    const root = tilesRootOf(context.dataDir);
    const store = createTileStore(root);
    const removeAll = async () => {
      for (const sha of await imageShas())
        fs.rmSync(path.dirname(store.tilePath(sha, ['info.json'])), { recursive: true, force: true });
    };
    await removeAll();
    expect((await get(`/iiif/${imageId}/info.json`)).status).toBe(200);
    await removeAll();
    // The backfill: every scan queued again; the pages are up to date, so only tiles are made.
    await enqueueAllScans(context.container.database);
    const worker = createArchiveWorker(context.container, { pollMs: 20 });
    await worker.runUntilIdle();
    await worker.close();
    for (const sha of await imageShas()) expect(store.has(sha), sha).toBe(true);
  });
});
