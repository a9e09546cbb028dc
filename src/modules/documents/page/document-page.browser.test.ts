import { AxeBuilder } from '@axe-core/playwright';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from '../../../../test/browser/browser.ts';
import { createTestContext, type TestContext } from '../../../../test/support/databases.ts';
import { huangZhenRecord, saveFixture, tinyPdf } from '../documents.pages.fixtures.ts';

/** The document page in a real Chromium: what app.js adds, and that nothing needs it. */
describe.skipIf(!hasChromium)('the document page in a browser', () => {
  let context: TestContext;
  let server: ServerType;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let baseUrl: string;
  let documentUrl: string;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    const id = await saveFixture(context, huangZhenRecord(), [
      { kind: 'scan', bytes: tinyPdf(), fileName: 'scan.pdf', mediaType: 'application/pdf', pageCount: 1 },
    ]);
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: context.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve(info.port),
      );
    });
    baseUrl = `http://127.0.0.1:${port}`;
    documentUrl = `${baseUrl}/documents/${id}`;
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await new Promise((resolve) => server?.close(resolve));
    await context?.dispose();
  });

  async function openPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const browserContext = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
    await browserContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const page = await browserContext.newPage();
    await page.goto(documentUrl);
    return page;
  }

  it('switches versions without reloading and keeps the address of the version shown', async () => {
    const page = await openPage();
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });
    await page.getByRole('tab', { name: 'Chinese original' }).click();
    expect(new URL(page.url()).searchParams.get('view')).toBe('original-zh');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await expect.poll(() => page.locator('#version-original-zh').isVisible()).toBe(true);
    expect(await page.locator('#version-translation-en').isVisible()).toBe(false);
    expect(await page.getByRole('tab', { name: 'Chinese original' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await page.context().close();
  });

  it('moves between versions with the arrow keys and loads the PDF only when its version opens', async () => {
    const page = await openPage();
    expect(await page.locator('object').count()).toBe(0);
    await page.getByRole('tab', { name: 'English translation' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Chinese original');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Original scan');
    expect(await page.locator('object[type="application/pdf"]').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('view')).toBe('scan');
    await page.keyboard.press('Home');
    expect(await page.getByRole('tab', { name: 'English translation' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await page.context().close();
  });

  it('copies the citation and the permanent link to the clipboard', async () => {
    const page = await openPage();
    await page.getByText('Get citation').click();
    await page.getByRole('button', { name: 'Copy note' }).click();
    const note = await page.evaluate(() => navigator.clipboard.readText());
    expect(note).toMatch(
      /^“Minutes of Vice Minister Huang Zhen's Talk .*, trans\. Example Translation Agency, http:\/\/archive\.test\/documents\/\d+\.$/,
    );
    expect(await page.getByRole('button', { name: 'Copied' }).count()).toBe(1);

    await page.keyboard.press('Escape');
    expect(await page.locator('#cite').getAttribute('open')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Get citation');

    await page.getByText('Share', { exact: true }).click();
    await page.locator('#share').getByRole('button', { name: 'Copy link' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /^http:\/\/archive\.test\/documents\/\d+$/,
    );
    await page.context().close();
  });

  it('works with JavaScript off: versions are links, the citation opens, no dead buttons', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    expect(await page.getByRole('button', { name: /Copy/ }).count()).toBe(0);
    await page.getByText('Get citation').click();
    expect(await page.locator('#citation-1').isVisible()).toBe(true);
    // Without scripts the open citation sits in the flow, so it covers nothing below it.
    await page.getByRole('link', { name: 'Chinese original', exact: true }).click();
    await page.waitForURL(/view=original-zh/);
    expect(await page.locator('#version-original-zh').isVisible()).toBe(true);
    expect(await page.locator('#version-original-zh .document-text').getAttribute('lang')).toBe('zh');
    await page.context().close();
  });

  it('passes the axe accessibility checks, with the citation open too', async () => {
    const page = await openPage();
    const closed = await new AxeBuilder({ page }).analyze();
    expect(closed.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    await page.getByText('Get citation').click();
    const open = await new AxeBuilder({ page }).analyze();
    expect(open.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    await page.context().close();
  });
});
