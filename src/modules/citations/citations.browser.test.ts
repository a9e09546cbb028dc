import { type ServerType, serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from '../../../test/browser/browser.ts';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { huangZhenRecord, saveFixture } from '../documents/documents.pages.fixtures.ts';

/** The citation style chooser in a real Chromium: links without scripts, a select with them. */
describe.skipIf(!hasChromium)('the citation style chooser in a browser', () => {
  let context: TestContext;
  let server: ServerType;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let documentUrl: string;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    const id = await saveFixture(context, huangZhenRecord());
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: context.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve(info.port),
      );
    });
    documentUrl = `http://127.0.0.1:${port}/documents/${id}`;
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await new Promise((resolve) => server?.close(resolve));
    await context?.dispose();
  });

  it('follows a style link with JavaScript off and lands on the open citation box', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(documentUrl);
    await page.getByText('Get citation').click();
    await page.getByRole('link', { name: 'MLA (9th edition)' }).click();
    expect(page.url()).toMatch(/\?cite=mla#cite$/);
    expect(await page.locator('#cite').getAttribute('open')).not.toBeNull();
    expect(await page.locator('#citation-1').textContent()).toContain('9 Aug. 1962');
    await page.context().close();
  });

  it('turns the links into a select that switches the style', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(documentUrl);
    await page.getByText('Get citation').click();
    const select = page.getByRole('combobox', { name: 'Citation style' });
    expect(await select.count()).toBe(1);
    await Promise.all([page.waitForURL(/cite=apa/), select.selectOption({ label: 'APA (7th edition)' })]);
    expect(await page.locator('#citation-1').textContent()).toContain('(1962, August 9)');
    await page.context().close();
  });
});
