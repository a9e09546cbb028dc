import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoArchive } from '../../src/modules/demo/demo.loader.ts';
import { createTestContext, type TestContext } from '../support/databases.ts';
import { hasChromium, launchBrowser } from './browser.ts';

const screenshotDir = path.resolve(import.meta.dirname, '../../test-results');

/**
 * What a newcomer sees after `npm start`: the demo archive in a real Chromium, read the way the
 * reference archive's page is read, top to bottom.
 */
describe.skipIf(!hasChromium && !process.env.CI)('the demo archive in Chromium', () => {
  let context: TestContext;
  let server: ServerType;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let baseUrl: string;
  let recordPath: string;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    await loadDemoArchive(context.container);
    const row = await context.container.database.db
      .selectFrom('documents')
      .select('id')
      .where('external_id', '=', 'demo/1962-08-09-huang-mesyatsev')
      .executeTakeFirstOrThrow();
    recordPath = `/documents/${row.id}`;
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: context.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
        resolve(info.port),
      );
    });
    baseUrl = `http://127.0.0.1:${port}`;
    ({ browser, close: closeBrowser } = await launchBrowser());
  }, 180_000);

  afterAll(async () => {
    await closeBrowser?.();
    await new Promise((resolve) => server?.close(resolve));
    await context?.dispose();
  });

  async function open(url: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${baseUrl}${url}`);
    return page;
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    const { violations } = await new AxeBuilder({ page }).analyze();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('shows the 1962 record with every element of the reference page, in order', async () => {
    const page = await open(recordPath);
    const main = page.locator('main');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Huang Zhen');
    // innerText applies the stylesheet's small capitals (text-transform), so compare case-insensitively.
    // biome-ignore lint/performance/useDomNodeTextContent: the test is about the text a reader sees, so rendered text
    const text = (await main.innerText()).replace(/\s+/g, ' ').toLowerCase();
    const landmarks = [
      'August 09, 1962',
      'This document was made possible with support from',
      'Get citation',
      'Share',
      'PRC FMA 118-01767-01',
      'English translation',
      'Chinese original',
      'Original scan',
      'Record ID',
    ];
    const positions = landmarks.map((landmark) => text.indexOf(landmark.toLowerCase()));
    for (const [index, position] of positions.entries()) {
      expect(position, `"${landmarks[index]}" is on the page`).toBeGreaterThanOrEqual(0);
    }
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('macarthur foundation');
    expect(text).toContain('henry luce foundation');
    expect(text).toContain('translated by');
    await page.context().close();
  });

  it('switches between the translation, the Chinese original and the scan, and saves a screenshot', async () => {
    const page = await open(recordPath);
    await page.getByRole('tab', { name: 'Chinese original' }).click();
    const original = page.locator('[lang="zh"].document-text, .document-text[lang="zh"]').first();
    await expect.poll(() => original.isVisible()).toBe(true);
    // biome-ignore lint/performance/useDomNodeTextContent: what is visible, not hidden markup
    expect(await original.innerText()).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(new URL(page.url()).searchParams.get('view')).toBe('original-zh');

    await page.getByRole('tab', { name: 'Original scan' }).click();
    await expect.poll(() => page.locator('object[type="application/pdf"]').count()).toBe(1);
    expect(await page.getByRole('link', { name: /download/i }).count()).toBeGreaterThan(0);

    await page.getByRole('tab', { name: 'English translation' }).click();
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, 'demo-1962-record.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(50_000);
    await page.context().close();
  });

  it('serves the scan the PDF viewer embeds, as a PDF', async () => {
    const page = await open(`${recordPath}?view=scan`);
    const data = await page.locator('object[type="application/pdf"]').getAttribute('data');
    const response = await page.request.get(new URL(data!, baseUrl).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });

  it.each(['/', 'record', 'authority'])(
    'has no serious or critical axe violations on the %s page',
    async (which) => {
      let url = which === 'record' ? recordPath : which;
      if (which === 'authority') {
        const page = await open(recordPath);
        url = (await page.getByRole('link', { name: 'Huang Zhen' }).first().getAttribute('href'))!;
        await page.context().close();
      }
      const page = await open(url);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    },
  );
});
