import { AxeBuilder } from '@axe-core/playwright';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from '../../../../../test/browser/browser.ts';
import { createTestContext, type TestContext } from '../../../../../test/support/databases.ts';
import { clientWithSession, createStaff } from '../../../accounts/accounts.test-support.ts';
import { huangZhenRecord, saveFixture } from '../../documents.pages.fixtures.ts';
import { createDocumentsRepository } from '../../documents.repository.ts';

/** Forty turns: short in the original, long in the translation, so the two columns differ in height. */
const turns = 40;
const originalHtml = Array.from({ length: turns }, (_, i) => `<p>第${i + 1}段。黄：好。</p>`).join('');
const translationHtml = Array.from(
  { length: turns + 1 },
  (_, i) =>
    `<p>Paragraph ${i + 1}. ${'Huang said that the border had to stay calm, and that both sides should keep to what had been agreed. '.repeat(i % 3 === 0 ? 4 : 2)}</p>`,
).join('');

describe.skipIf(!hasChromium)('the side-by-side reader in a browser', () => {
  let context: TestContext;
  let server: ServerType;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let readerUrl: string;
  let alignmentUrl: string;
  let sessionCookie: { name: string; value: string; url: string };

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    const id = await saveFixture(
      context,
      huangZhenRecord({
        assets: [
          { kind: 'transcript', language: 'zh', html: originalHtml },
          {
            kind: 'translation',
            language: 'en',
            html: translationHtml,
            // The translator split paragraph 5 in two: from there on the numbers differ by one.
            alignment: { pairs: [{ original: [5], translation: [5, 6] }] },
          },
        ],
      }),
    );
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: context.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve(info.port),
      );
    });
    readerUrl = `http://127.0.0.1:${port}/documents/${id}?view=side-by-side`;
    const document = await createDocumentsRepository({ db: context.container.database.db }).findById(id);
    const translation = document!.assets.find((a) => a.kind === 'translation')!;
    alignmentUrl = `http://127.0.0.1:${port}/admin/documents/${id}/alignment/${translation.id}`;
    const staff = await createStaff(context, 'editor@example.org', 'editor');
    const client = await clientWithSession(context, staff.id);
    const [name, value] = [...client.cookies][0]!;
    sessionCookie = { name, value, url: `http://127.0.0.1:${port}` };
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await new Promise((resolve) => server?.close(resolve));
    await context?.dispose();
  });

  async function open(width: number, height = 900): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
    await page.goto(readerUrl);
    return page;
  }

  /** Whether an element is inside the visible part of the column that scrolls it. */
  const inViewOfColumn = (page: Page, selector: string) =>
    page.evaluate((sel) => {
      const element = document.querySelector(sel)!;
      const column = element.closest('.parallel__column')!;
      const box = element.getBoundingClientRect();
      const view = column.getBoundingClientRect();
      return box.top < view.bottom && box.bottom > view.top + 30;
    }, selector);

  const scrollTopOf = (page: Page, side: string) =>
    page.evaluate((s) => document.querySelector(`.parallel__column--${s}`)!.scrollTop, side);

  it('scrolls the translation with the original on a wide screen, keeping the aligned paragraph in view', async () => {
    const page = await open(1400);
    await page.waitForSelector('.parallel--split .parallel__column--translation');
    expect(await scrollTopOf(page, 'translation')).toBe(0);
    // The two columns stand next to each other, the original on the left, right under the headings.
    const columns = await page.evaluate(() =>
      ['original', 'translation'].map((side) => {
        const box = document.querySelector(`.parallel__column--${side}`)!.getBoundingClientRect();
        return { left: box.left, right: box.right, top: box.top };
      }),
    );
    expect(columns[0]!.right).toBeLessThanOrEqual(columns[1]!.left);
    expect(Math.abs(columns[0]!.top - columns[1]!.top)).toBeLessThan(2);
    const aboveColumns = await page.evaluate(
      () => document.querySelector('.parallel')!.getBoundingClientRect().top,
    );
    expect(columns[0]!.top - aboveColumns).toBeLessThan(40);
    // Original paragraph 30 faces translation paragraph 31 (after the split pair).
    expect(await inViewOfColumn(page, '#translation-en-p-31')).toBe(false);
    await page.evaluate(() => {
      const column = document.querySelector<HTMLElement>('.parallel__column--original')!;
      const target = document.getElementById('original-zh-p-30')!;
      column.scrollTop = target.closest<HTMLElement>('.parallel__cell')!.offsetTop - 40;
    });
    await expect.poll(() => inViewOfColumn(page, '#translation-en-p-31'), { timeout: 10_000 }).toBe(true);
    expect(await inViewOfColumn(page, '#original-zh-p-30')).toBe(true);

    // And the other way round, from the keyboard: the translation column is focusable and scrolls.
    await page.focus('.parallel__column--translation');
    await page.keyboard.press('Home');
    await expect.poll(() => scrollTopOf(page, 'original'), { timeout: 10_000 }).toBeLessThan(5);
    await page.keyboard.press('End');
    await expect.poll(() => inViewOfColumn(page, '#original-zh-p-40'), { timeout: 10_000 }).toBe(true);
    await page.context().close();
  });

  it('passes axe with the two columns and on a phone', async () => {
    for (const width of [1400, 390]) {
      const page = await open(width);
      if (width === 1400) await page.waitForSelector('.parallel--split');
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `width ${width}`,
      ).toEqual([]);
      await page.context().close();
    }
  });

  it('passes axe on the workspace form that edits the alignment', async () => {
    const browserContext = await browser.newContext();
    await browserContext.addCookies([sessionCookie]);
    const page = await browserContext.newPage();
    const response = await page.goto(alignmentUrl);
    expect(response?.status()).toBe(200);
    expect(await page.getByLabel('Translation paragraphs of pair 5').inputValue()).toBe('5–6');
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await browserContext.close();
  });

  it('stacks each pair on a phone, the original first', async () => {
    const page = await open(390, 800);
    expect(await page.locator('.parallel--split').count()).toBe(0);
    const boxes = await page.evaluate(() => {
      const row = document.querySelectorAll('.parallel__row')[1]!;
      const [original, translation] = [...row.querySelectorAll<HTMLElement>('.parallel__cell')].map((c) =>
        c.getBoundingClientRect(),
      );
      return { original: original!, translation: translation!, page: document.documentElement.scrollWidth };
    });
    expect(boxes.translation.top).toBeGreaterThanOrEqual(boxes.original.bottom - 1);
    expect(Math.abs(boxes.translation.left - boxes.original.left)).toBeLessThan(40);
    expect(boxes.page).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it('prints both texts in full, in rows, with no scroll boxes', async () => {
    const page = await open(1400);
    await page.waitForSelector('.parallel--split');
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.parallel--split').count(), { timeout: 10_000 }).toBe(0);
    const layout = await page.evaluate(() => {
      const scrollers = [...document.querySelectorAll('.reader--side-by-side *')].filter((e) =>
        ['auto', 'scroll'].includes(getComputedStyle(e).overflowY),
      );
      const row = document.querySelectorAll('.parallel__row')[30]!;
      const [original, translation] = [...row.querySelectorAll('.parallel__cell')].map((c) =>
        c.getBoundingClientRect(),
      );
      const visible = (sel: string) => getComputedStyle(document.querySelector(sel)!).display !== 'none';
      return {
        scrollers: scrollers.length,
        sideBySide: translation!.left > original!.right - 1 && Math.abs(translation!.top - original!.top) < 2,
        both: visible('#original-zh-p-40') && visible('#translation-en-p-41'),
      };
    });
    expect(layout).toEqual({ scrollers: 0, sideBySide: true, both: true });
    await page.context().close();
  });
});
