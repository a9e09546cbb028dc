import { AxeBuilder } from '@axe-core/playwright';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from '../../../../test/browser/browser.ts';
import { createTestContext, type TestContext } from '../../../../test/support/databases.ts';
import { saveFixture, tinyPdf } from '../documents.pages.fixtures.ts';
import { hitsRecord } from './document-hits.fixtures.ts';

/** Hits of a search in a real Chromium: the marks, the counts, moving between hits with and without scripts. */
describe.skipIf(!hasChromium)('search hits on the document page in a browser', () => {
  let context: TestContext;
  let server: ServerType;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let baseUrl: string;
  let documentPath: string;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    const id = await saveFixture(context, hitsRecord(), [
      { kind: 'scan', bytes: tinyPdf(), fileName: 'scan.pdf', mediaType: 'application/pdf', pageCount: 1 },
    ]);
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: context.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve(info.port),
      );
    });
    baseUrl = `http://127.0.0.1:${port}`;
    documentPath = `/documents/${id}`;
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await new Promise((resolve) => server?.close(resolve));
    await context?.dispose();
  });

  async function openPage(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const browserContext = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
    const page = await browserContext.newPage();
    await page.goto(`${baseUrl}${path}`);
    return page;
  }

  const position = (page: Page) => page.locator('#version-translation-en [data-hit-position]').textContent();
  const currentHits = (page: Page) =>
    page.locator('mark.hit--current').evaluateAll((marks) => marks.map((m) => m.getAttribute('data-hit')));
  const axeViolations = async (page: Page) =>
    (await new AxeBuilder({ page }).analyze()).violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`,
    );

  it('marks the hits and counts them on every tab', async () => {
    const page = await openPage(`${documentPath}?q=statement`);
    expect(await page.locator('#version-translation-en mark.hit').allTextContents()).toEqual([
      'statement',
      'statements',
      'statement',
    ]);
    expect(await page.getByRole('tab', { name: 'English translation (3 hits)' }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'Chinese original (no hits)' }).count()).toBe(1);
    expect(await position(page)).toBe('3 hits');
    expect(await page.locator('[data-hit-keys]').first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('moves between hits with n and p, outlining the current one, and not while typing in a field', async () => {
    const page = await openPage(`${documentPath}?q=statement`);
    await page.locator('body').press('n');
    expect(await position(page)).toBe('Hit 1 of 3');
    expect(await currentHits(page)).toEqual(['1']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('hit-1');
    expect(new URL(page.url()).hash).toBe('#hit-1');
    const outline = await page.locator('#hit-1').evaluate((mark) => getComputedStyle(mark).outlineStyle);
    expect(outline).toBe('solid');

    await page.keyboard.press('n');
    await page.keyboard.press('n');
    expect(await position(page)).toBe('Hit 3 of 3');
    await page.keyboard.press('n');
    expect(await position(page)).toBe('Hit 1 of 3');
    await page.keyboard.press('p');
    expect(await position(page)).toBe('Hit 3 of 3');
    expect(await currentHits(page)).toEqual(['3']);

    await page.locator('#site-search-q').focus();
    await page.keyboard.press('n');
    expect(await position(page)).toBe('Hit 3 of 3');
    // The key went into the field instead.
    expect(await page.locator('#site-search-q').inputValue()).toHaveLength('statement'.length + 1);

    // The keys can be turned off (a speech-input user may say "n"), and on again.
    const toggle = page.getByRole('checkbox', { name: /Keys n and p move/ });
    expect(await toggle.isChecked()).toBe(true);
    // Focus leaves the checkbox each time: keys typed in a form control never move.
    const blur = () => toggle.evaluate((box) => (box as HTMLElement).blur());
    await toggle.uncheck();
    await blur();
    await page.keyboard.press('n');
    expect(await position(page)).toBe('Hit 3 of 3');
    await toggle.check();
    await blur();
    await page.keyboard.press('n');
    expect(await position(page)).toBe('Hit 1 of 3');
    await page.context().close();
  });

  it('follows the reader with the bar links, keeping focus on them', async () => {
    const page = await openPage(`${documentPath}?q=statement`);
    const next = page.locator('#version-translation-en [data-hit-step="next"]');
    await next.click();
    await next.click();
    expect(await position(page)).toBe('Hit 2 of 3');
    expect(await currentHits(page)).toEqual(['2']);
    expect(await next.getAttribute('href')).toBe('#hit-3');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-hit-step'))).toBe('next');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('opens at the hit named in the address, and moves in the version switched to', async () => {
    const page = await openPage(`${documentPath}?q=${encodeURIComponent('声明')}`);
    expect(await page.getByRole('tab', { name: 'Chinese original (2 hits)' }).count()).toBe(1);
    expect(await page.locator('#version-translation-en').getByText('No hits for').isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'Chinese original (2 hits)' }).click();
    await page.locator('body').press('n');
    const zhPosition = page.locator('#version-original-zh [data-hit-position]');
    expect(await zhPosition.textContent()).toBe('Hit 1 of 2');
    expect(await currentHits(page)).toEqual(['1']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('original-zh-hit-1');
    await page.context().close();

    const reloaded = await openPage(`${documentPath}?q=statement#hit-2`);
    expect(await position(reloaded)).toBe('Hit 2 of 3');
    expect(await currentHits(reloaded)).toEqual(['2']);
    await reloaded.context().close();
  });

  it('moves from hit to hit without JavaScript, with links shown beside the hit in view', async () => {
    const page = await openPage(`${documentPath}?q=statement`, { javaScriptEnabled: false });
    expect(await page.locator('.hit-step').first().isVisible()).toBe(false);
    expect(await page.locator('[data-hit-keys]').first().isVisible()).toBe(false);
    await page.locator('#version-translation-en').getByRole('link', { name: 'Next hit' }).click();
    expect(new URL(page.url()).hash).toBe('#hit-1');
    const steps = page.locator('#hit-1 + .hit-step');
    expect(await steps.isVisible()).toBe(true);
    expect(await steps.textContent()).toContain('Hit 1 of 3');
    await steps.getByRole('link', { name: 'next hit' }).click();
    expect(new URL(page.url()).hash).toBe('#hit-2');
    expect(await page.locator('#hit-2 + .hit-step').isVisible()).toBe(true);
    expect(await page.locator('#hit-1 + .hit-step').isVisible()).toBe(false);

    await page.getByRole('link', { name: 'Clear highlighting' }).click();
    await page.waitForURL((url) => url.search === '');
    expect(await page.locator('mark.hit').count()).toBe(0);
    await page.context().close();
  });

  it('passes the axe checks with hits, with none in the version shown, and on a version switched to', async () => {
    // axe runs as a script in the page, so the links beside a targeted hit, which only show without
    // hit-navigation.js, are checked by taking away what the script added.
    const bare = await openPage(`${documentPath}?q=statement`);
    await bare.evaluate(() => {
      document.documentElement.classList.remove('hits-enhanced');
      window.location.hash = '#hit-2';
    });
    expect(await bare.locator('#hit-2 + .hit-step').isVisible()).toBe(true);
    expect(await axeViolations(bare)).toEqual([]);
    await bare.context().close();

    const page = await openPage(`${documentPath}?q=${encodeURIComponent('声明')}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Chinese original (2 hits)' }).click();
    await page.locator('body').press('n');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
