import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, launchBrowser, serveForBrowser } from '../../../test/browser/browser.ts';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { buildDiscoveryFixture, type DiscoveryFixture } from './discovery.test-support.ts';

/** Collections, a theme (map and timeline) and a reader in a real Chromium: accessible, usable without script, printable. */
describe.skipIf(!hasChromium)('collections, themes and readers in a browser', () => {
  let context: TestContext;
  let fixture: DiscoveryFixture;
  let stopServer: () => Promise<void>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let baseUrl: string;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    fixture = await buildDiscoveryFixture(context);
    ({ baseUrl, close: stopServer } = await serveForBrowser(context.app));
    ({ browser, close: closeBrowser } = await launchBrowser());
  }, 120_000);
  afterAll(async () => {
    await closeBrowser?.();
    await stopServer?.();
    await context?.dispose();
  });

  const violations = (path: string) => axeViolations(browser, `${baseUrl}${path}`);

  it.each([
    ['the collections tree', '/collections'],
    ['a collection with sub-collections and documents', '/collections/ili-crisis?sort=title'],
    ['a theme with its map and timeline', '/themes/border-crisis'],
    ['a theme filtered by year', '/themes/border-crisis?year=1962'],
    ['a reader', '/readers/teaching-the-border-crisis'],
  ])(
    'passes the axe checks: %s',
    async (_, path) => {
      expect(await violations(path)).toEqual([]);
    },
    120_000,
  );

  it('filters a theme from its map and its timeline by keyboard, without JavaScript', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${baseUrl}/themes/border-crisis`);
    // The SVG map is named by its title, and each place in it is a link.
    await expect(page.locator('svg.theme-map__svg title#theme-map-title').textContent()).resolves.toBe(
      'Map of the places of the documents',
    );
    const moscow = page.locator('svg.theme-map__svg a', { hasText: 'Moscow' });
    await moscow.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/themes/border-crisis?place=${fixture.places.moscow}#documents`);
    await expect(page.locator('#documents .document-list__title').allTextContents()).resolves.toEqual([
      'Mango report',
    ]);
    await page.getByRole('link', { name: 'Show everything' }).click();
    await page.getByRole('link', { name: '2 documents from 1962' }).click();
    await expect(page.locator('#documents .document-list__title').allTextContents()).resolves.toEqual([
      'Xylo minutes',
      'Bravo telegram',
    ]);
    await page.context().close();
  }, 120_000);

  it('prints a reader as a handout: introduction, titles, dates, citations and notes, without the site around it', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}/readers/teaching-the-border-crisis`);
    await page.emulateMedia({ media: 'print' });
    const visible = async (selector: string) => page.locator(selector).first().isVisible();
    expect(await visible('.reader-introduction')).toBe(true);
    expect(await visible('.reader-item__title')).toBe(true);
    expect(await visible('.reader-item__meta')).toBe(true);
    expect(await visible('.reader-item__citation')).toBe(true);
    expect(await visible('.reader-item__note')).toBe(true);
    expect(await visible('.reader-cite')).toBe(true);
    expect(await visible('.search-form')).toBe(false);
    expect(await visible('.reader-print-hint')).toBe(false);
    expect(await visible('.reader-item__links')).toBe(false);
    expect(await visible('.site-footer')).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  }, 120_000);

  it('sorts and pages a collection with its form, without JavaScript', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${baseUrl}/collections/trade`);
    await page.getByLabel('Sort by').selectOption('date-desc');
    await page.getByRole('button', { name: 'Sort' }).click();
    await expect(page.locator('#documents .document-list__title').first().textContent()).resolves.toBe(
      'Trade note 30',
    );
    await page.getByRole('link', { name: 'Page 2' }).click();
    await expect(page.locator('#documents .document-list__title').allTextContents()).resolves.toHaveLength(6);
    await page.getByLabel('Search within this collection').fill('memo');
    await page.getByRole('button', { name: 'Search', exact: true }).last().click();
    await expect(page.locator('#documents .document-list__title').allTextContents()).resolves.toEqual([
      'Echo memo',
    ]);
    await page.context().close();
  }, 120_000);
});
