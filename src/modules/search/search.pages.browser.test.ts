import { AxeBuilder } from '@axe-core/playwright';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from '../../../test/browser/browser.ts';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { asset } from './search.fixtures.ts';

/** The search page in a real Chromium without JavaScript: accessible, and usable by keyboard. */
describe.skipIf(!hasChromium)('the search page in a browser', () => {
  let context: TestContext;
  let server: ServerType;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let baseUrl: string;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    const deps = { db: context.container.database.db, dialect: context.container.database.dialect };
    for (let n = 1; n <= 25; n++) {
      await saveDocument(
        deps,
        documentRecordSchema.parse({
          externalId: `browser/${n}`,
          title: `Cable number ${n} on the border talks`,
          date: `196${n % 3}-05`,
          type: n % 2 === 0 ? 'cable' : 'memorandum',
          languages: ['zh'],
          places: n % 5 === 0 ? [{ name: 'Ili', parent: 'Xinjiang' }] : ['Xinjiang'],
        }),
        [
          asset('transcript', 'zh', '<p>关于边界谈判的问题。</p>'),
          asset('translation', 'en', '<p>On the question of the border talks and the Khorgos crossing.</p>'),
        ],
      );
    }
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: context.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve(info.port),
      );
    });
    baseUrl = `http://127.0.0.1:${port}`;
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await new Promise((resolve) => server?.close(resolve));
    await context?.dispose();
  });

  // axe runs as a script in the page, so this one context has JavaScript on.
  const violations = async (path: string) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}${path}`);
    const result = await new AxeBuilder({ page }).analyze();
    await page.context().close();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
  };

  // axe takes several seconds a page on a busy machine: one page per test, with room to run.
  it.each([
    ['results with passages', '/search?q=border+Khorgos'],
    ['filters applied', '/search?q=border&type=cable&from=1961&to=1961'],
    ['nothing found', '/search?q=zzzzqqq'],
    ['collections and documents', '/search?q=Xin&scope=all&sort=x'],
  ])(
    'passes the axe checks: %s',
    async (_, path) => {
      expect(await violations(path)).toEqual([]);
    },
    90_000,
  );

  it('applies a facet by ticking its box and submitting, without JavaScript', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${baseUrl}/search?q=border`);
    await page.getByRole('checkbox', { name: /^cable/ }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('border');
    expect(url.searchParams.getAll('type')).toEqual(['cable']);
    expect(await page.locator('#search-results-heading').textContent()).toBe('1–12 of 12 documents');
    await page.context().close();
  });
});
