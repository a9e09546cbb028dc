import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from '../../../test/browser/browser.ts';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { buildIiifFixture, type IiifFixture } from './iiif.test-support.ts';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/**
 * A page on another origin, as a reader's or a project's own site would be, that opens one of our
 * manifests in Mirador: the npm package's bundled build, served by this test only.
 */
function miradorSite(manifestUrl: string): Server {
  const bundle = path.join(path.dirname(createRequire(import.meta.url).resolve('mirador')), 'mirador.min.js');
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mirador</title></head>
<body><div id="viewer" style="position:absolute;inset:0"></div>
<script src="/mirador.min.js"></script>
<script>Mirador.viewer({ id: 'viewer', windows: [{ manifestId: ${JSON.stringify(manifestUrl)} }] });</script>
</body></html>`;
  return createServer((request, response) => {
    if (request.url === '/mirador.min.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      fs.createReadStream(bundle).pipe(response);
    } else if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
    } else {
      response.writeHead(404).end();
    }
  });
}

/** OpenSeadragon on the document page and Mirador on another site, both reading our IIIF in Chromium. */
describe.skipIf(!hasChromium)('IIIF in a browser', () => {
  let context: TestContext;
  let fixture: IiifFixture;
  let server: ServerType;
  let mirador: Server;
  let miradorUrl: string;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    // The manifest's ids are absolute: the archive must know the address it is served at.
    context = await createTestContext('sqlite', { CHANCERY_BASE_URL: baseUrl });
    fixture = await buildIiifFixture(context.container);
    await new Promise<void>((resolve) => {
      server = serve({ fetch: context.app.fetch, port, hostname: '127.0.0.1' }, () => resolve());
    });
    mirador = miradorSite(`${baseUrl}/iiif/${fixture.publishedId}/manifest`);
    const miradorPort = await new Promise<number>((resolve) =>
      mirador.listen(0, '127.0.0.1', () => resolve((mirador.address() as net.AddressInfo).port)),
    );
    miradorUrl = `http://127.0.0.1:${miradorPort}/`;
    ({ browser, close: closeBrowser } = await launchBrowser());
  }, 120_000);
  afterAll(async () => {
    await closeBrowser?.();
    await new Promise((resolve) => server?.close(resolve));
    await new Promise((resolve) => mirador?.close(resolve));
    await context?.dispose();
  });

  /** A page that records console errors and the IIIF tiles it received. */
  async function open(url: string): Promise<{ page: Page; errors: string[]; tiles: string[] }> {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    const tiles: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (/\/iiif\/[\d-]+\/.+\/default\.jpg$/.test(response.url()) && response.status() === 200) {
        tiles.push(response.url());
      }
    });
    await page.goto(url);
    return { page, errors, tiles };
  }

  it('zooms the scan page on the document page with OpenSeadragon over our tiles, under our CSP', async () => {
    const { page, errors, tiles } = await open(
      `${baseUrl}/documents/${fixture.publishedId}?view=scan&page=2`,
    );
    const viewer = page.locator('#version-scan [data-scan-viewer]');
    await expect.poll(() => viewer.getAttribute('data-scan-opened'), { timeout: 60_000 }).toBe('2');
    await expect.poll(() => tiles.length, { timeout: 60_000 }).toBeGreaterThan(0);
    expect(tiles.every((t) => t.includes(`/iiif/${fixture.publishedId}-${fixture.pdfAssetId}-2/`))).toBe(
      true,
    );
    expect(await page.locator('#version-scan .openseadragon-canvas canvas').count()).toBeGreaterThan(0);
    // The plain image gives way to the viewer.
    expect(await page.locator('#version-scan img[data-scan-image]').isVisible()).toBe(false);

    // Zooming in asks for tiles at full scale.
    const before = tiles.length;
    await page.getByRole('button', { name: 'Zoom in' }).first().click();
    await page.getByRole('button', { name: 'Zoom in' }).first().click();
    await expect.poll(() => tiles.length, { timeout: 60_000 }).toBeGreaterThan(before);

    // Page links turn the page in place, and the address follows.
    await page.getByRole('link', { name: '← Previous page' }).click();
    await expect.poll(() => viewer.getAttribute('data-scan-opened'), { timeout: 60_000 }).toBe('1');
    expect(new URL(page.url()).searchParams.get('page')).toBe('1');
    expect(await page.locator('#version-scan [data-scan-caption]').textContent()).toBe('Page 1 of 2');
    // A scan in a version tab not shown at first gets its viewer when the tab is opened.
    await page.getByRole('tab', { name: 'Photograph' }).click();
    await expect
      .poll(() => page.locator('#version-scan-2 [data-scan-viewer]').getAttribute('data-scan-opened'), {
        timeout: 60_000,
      })
      .toBe('1');
    // The viewer says it opened once the image's info.json is read; its tiles follow a moment later.
    await expect
      .poll(() => tiles.some((t) => t.includes(`/iiif/${fixture.publishedId}-${fixture.imageAssetId}-1/`)), {
        timeout: 60_000,
      })
      .toBe(true);
    expect(errors, 'console errors (CSP reports among them)').toEqual([]);

    const axe = await new AxeBuilder({ page }).include('.reader').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.context().close();
  });

  it('shows the page image and page links without JavaScript', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${baseUrl}/documents/${fixture.publishedId}?page=2`);
    const image = page.locator('#version-scan img[data-scan-image]');
    expect(await image.isVisible()).toBe(true);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await page.getByRole('link', { name: '← Previous page' }).click();
    expect(new URL(page.url()).searchParams.get('page')).toBe('1');
    await page.context().close();
  });

  it('opens our manifest in Mirador on another site and paints its first canvas from our tiles', async () => {
    const { page, errors, tiles } = await open(miradorUrl);
    // The window is titled with the manifest's label, and its viewer draws the first page's tiles.
    await expect
      .poll(() => page.getByText('Record of a conversation with Mao Zedong on the joint fleet').count(), {
        timeout: 90_000,
      })
      .toBeGreaterThan(0);
    await expect.poll(() => tiles.length, { timeout: 90_000 }).toBeGreaterThan(0);
    expect(tiles[0]).toContain(`/iiif/${fixture.publishedId}-${fixture.pdfAssetId}-1/`);
    expect(await page.locator('.openseadragon-canvas canvas').count()).toBeGreaterThan(0);
    const manifestErrors = errors.filter((e) => /manifest|iiif|cors|fetch/i.test(e));
    expect(manifestErrors).toEqual([]);
    await page.context().close();
  });
});
