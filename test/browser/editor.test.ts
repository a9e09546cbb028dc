import { AxeBuilder } from '@axe-core/playwright';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../../src/modules/accounts/accounts.test-support.ts';
import { documentRecordSchema } from '../../src/modules/documents/documents.schemas.ts';
import { saveDocument } from '../../src/modules/documents/documents.usecases.ts';
import { makePdf } from '../../src/modules/import-export/import-export.fixtures.ts';
import { buildDocx } from '../../src/modules/uploads/uploads.test-support.ts';
import { createTestContext, type TestContext } from '../support/databases.ts';
import { freePort, hasChromium, launchBrowser } from './browser.ts';

describe.skipIf(!hasChromium)('publishing a document from the workspace in a real browser', () => {
  let context: TestContext;
  let server: ServerType;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    // No background worker: the test must not depend on OCR finishing.
    context = await createTestContext('sqlite', { CHANCERY_BASE_URL: baseUrl, CHANCERY_WORKER: 'off' });
    await createStaff(context, 'editor@example.org', 'editor', 'a phrase for the browser');
    // A person the archive already knows, known only from a draft.
    await saveDocument(
      context.container.database,
      documentRecordSchema.parse({
        title: 'Earlier draft',
        status: 'draft',
        agents: [{ name: 'Zhou Enlai', variants: ['周恩来'] }],
      }),
      [],
    );
    await new Promise<void>((resolve) => {
      server = serve({ fetch: context.app.fetch, port, hostname: '127.0.0.1' }, () => resolve());
    });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await new Promise((resolve) => server?.close(resolve));
    await context?.dispose();
  });

  async function signIn(page: Page) {
    await page.goto(`${baseUrl}/admin/documents/new`);
    await page.getByLabel('E-mail address').fill('editor@example.org');
    await page.getByLabel('Password').fill('a phrase for the browser');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/admin/documents/new`);
  }

  it('signs in, creates a document with a scan and a translation, publishes it and finds it on the public site', async () => {
    const browserContext = await browser.newContext();
    const page = await browserContext.newPage();
    await signIn(page);
    expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);

    await page.getByLabel('Title', { exact: true }).fill('Note on the Khorgos crossing Zebrafinch');
    await page.getByLabel('Date', { exact: true }).fill('1962-05-02');
    await page.getByLabel('Type of document').fill('memorandum');
    await page.getByLabel('Name 1', { exact: true }).first().fill('Zhou Enlai');
    await page.getByRole('button', { name: 'Create the document' }).click();
    await page.waitForURL(/\/admin\/documents\/\d+\/edit\?done=created$/);
    const id = Number(/documents\/(\d+)\/edit/.exec(page.url())![1]);
    expect(await page.getByRole('status').textContent()).toContain('created as a draft');

    const upload = page.locator('form#upload');
    await upload.getByLabel('This file is').selectOption('scan');
    await upload.getByLabel('Language', { exact: true }).fill('zh');
    await upload.getByLabel('File', { exact: true }).setInputFiles({
      name: '备忘录.pdf',
      mimeType: 'application/pdf',
      buffer: await makePdf(1, 'memorandum'),
    });
    await upload.getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(/done=file-added$/);

    await upload.getByLabel('This file is').selectOption('translation');
    await upload.getByLabel('Language', { exact: true }).fill('en');
    await upload.getByLabel('File', { exact: true }).setInputFiles({
      name: 'translation.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: buildDocx(['Memorandum', 'The crossing at Khorgos remains closed to Zebrafinch traffic.']),
    });
    await upload.getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(/done=file-added$/);
    expect(await page.locator('#section-assets').textContent()).toContain('备忘录.pdf');
    expect(await page.locator('#assets-1-html').inputValue()).toContain('Zebrafinch traffic');

    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.waitForURL(/done=published$/);
    expect(await page.locator('#workflow').textContent()).toContain('Published');
    // The full editor, with files, a status panel and the withdrawal form, passes axe too.
    expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);

    // The public site: the home page's recent list, the document itself, and search.
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: 'Note on the Khorgos crossing Zebrafinch' }).first().click();
    await page.waitForURL(`${baseUrl}/documents/${id}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      'Note on the Khorgos crossing',
    );
    expect(await page.content()).toContain('Zebrafinch traffic');

    const search = await page.goto(`${baseUrl}/search?q=Zebrafinch`);
    expect(search?.status()).toBe(200);
    expect(await page.getByRole('link', { name: /Note on the Khorgos crossing/ }).count()).toBeGreaterThan(0);
    await browserContext.close();
  });

  it('suggests names already in the archive as one types, and adds rows without leaving the page', async () => {
    const browserContext = await browser.newContext();
    const page = await browserContext.newPage();
    await signIn(page);
    const name = page.getByLabel('Name 1', { exact: true }).first();
    await name.pressSequentially('周恩', { delay: 30 });
    // editor.js fills the field's own list from /admin/api/authorities.
    await page.waitForFunction(() => {
      const input = document.getElementById('agents-0-name') as HTMLInputElement | null;
      const list = input?.list;
      return !!list && [...list.options].some((o) => o.value === 'Zhou Enlai');
    });
    const rowsBefore = await page.locator('ol[data-row-group="agents"] > li').count();
    await page.getByRole('button', { name: 'More rows for people and organizations' }).click();
    expect(await page.locator('ol[data-row-group="agents"] > li').count()).toBe(rowsBefore + 1);
    expect(new URL(page.url()).pathname).toBe('/admin/documents/new');
    await browserContext.close();
  });
});
