import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, launchBrowser, serveForBrowser } from '../../../test/browser/browser.ts';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { saveFixture } from '../documents/documents.pages.fixtures.ts';

/** Browse, authority and related-document pages in a real Chromium: accessible, and usable by keyboard. */
describe.skipIf(!hasChromium)('browse and authority pages in a browser', () => {
  let context: TestContext;
  let stopServer: () => Promise<void>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let baseUrl: string;
  let personPath: string;
  let documentPath: string;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    const ids: number[] = [];
    for (const [n, date] of ['1962-08-09', '1962', '1960s', '1961/1963', '1975-03', ''].entries()) {
      ids.push(
        await saveFixture(context, {
          externalId: `browser-browse/${n}`,
          title: `Telegram ${n} on the border crossings at Ili`,
          ...(date ? { date } : {}),
          summary: 'Residents crossing the border into the Soviet Union.',
          places: [{ name: n % 2 ? 'Ili' : 'Beijing', parent: n % 2 ? 'Xinjiang' : 'China' }],
          agents: [
            { name: 'Huang Zhen', role: 'author', variants: [{ name: '黄镇', language: 'zh' }] },
            { name: n % 2 ? 'Chen Yi' : 'Николай Месяцев', role: 'recipient' },
          ],
          subjects: ['Border crossings'],
          ...(n === 1 ? { related: [{ externalId: 'browser-browse/0' }] } : {}),
          assets: [
            {
              kind: 'translation',
              language: 'en',
              html: '<p>Residents of Ili crossed the border with their livestock; the consulate issued passports.</p>',
            },
          ],
        }),
      );
    }
    documentPath = `/documents/${ids[0]}`;
    const { db } = context.container.database;
    const huang = await db
      .selectFrom('authorities')
      .select('id')
      .where('name', '=', 'Huang Zhen')
      .executeTakeFirstOrThrow();
    personPath = `/people/${huang.id}`;
    ({ baseUrl, close: stopServer } = await serveForBrowser(context.app));
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await stopServer?.();
    await context?.dispose();
  });

  const violations = (path: string) => axeViolations(browser, `${baseUrl}${path}`);

  it.each([
    ['the decade chart', '/browse/dates'],
    ['the years of a decade', '/browse/dates?decade=1960'],
    ['the place tree', '/browse/places'],
    ['an A–Z index', '/browse/people?letter=H'],
    ['the CJK / other letter', '/browse/people?letter=other'],
  ])(
    'passes the axe checks: %s',
    async (_, path) => {
      expect(await violations(path)).toEqual([]);
    },
    120_000,
  );

  it('passes the axe checks: a person page with its timeline and the people appearing with them', async () => {
    const html = await (await context.app.request(personPath)).text();
    expect(html).toContain('Appears with');
    expect(html).toContain('<ol class="authority-timeline">');
    expect(await violations(personPath)).toEqual([]);
  }, 120_000);

  it('passes the axe checks: a document page with related and similar documents', async () => {
    const html = await (await context.app.request(documentPath)).text();
    expect(html).toContain('Links to this record');
    expect(html).toContain('Similar documents');
    expect(await violations(documentPath)).toEqual([]);
  }, 120_000);

  it('follows a bar of the chart by keyboard alone, without JavaScript', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${baseUrl}/browse/dates`);
    const bar = page.getByRole('link', { name: '1960s: 4 documents, 2 dated only to the decade' });
    await bar.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/decade=1960/);
    await page.getByRole('link', { name: '1962: 2 documents' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/year=1962/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Documents of 1962');
    expect(await page.locator('.document-list__item').count()).toBe(2);
    await page.context().close();
  }, 120_000);
});
