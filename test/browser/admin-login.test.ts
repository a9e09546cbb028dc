import { AxeBuilder } from '@axe-core/playwright';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../../src/modules/accounts/accounts.test-support.ts';
import { createTestContext, type TestContext } from '../support/databases.ts';
import { freePort, hasChromium, launchBrowser } from './browser.ts';

describe.skipIf(!hasChromium)('signing in to the workspace in a real browser', () => {
  let context: TestContext;
  let server: ServerType;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    context = await createTestContext('sqlite', { CHANCERY_BASE_URL: baseUrl });
    await createStaff(context, 'editor@example.org', 'editor', 'a phrase for the browser');
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

  it('goes from a workspace page to the sign-in form and back once signed in', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/admin/account`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await page.getByLabel('E-mail address').fill('editor@example.org');
    await page.getByLabel('Password').fill('a phrase for the browser');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/admin/account`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My account');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(/\/admin\/login\?done=signed-out$/);
    expect(await page.getByRole('status').textContent()).toContain('You have signed out.');
    await page.close();
  });

  it('puts focus on the error summary after a wrong password, and the form passes axe', async () => {
    // axe needs a page from an explicit browser context.
    const browserContext = await browser.newContext();
    const page = await browserContext.newPage();
    await page.goto(`${baseUrl}/admin/login`);
    const empty = await new AxeBuilder({ page }).analyze();
    expect(empty.violations.map((v) => v.id)).toEqual([]);

    await page.getByLabel('E-mail address').fill('editor@example.org');
    await page.getByLabel('Password').fill('not the phrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector('.error-summary');
    const focused = await page.evaluate(() => document.activeElement?.className);
    expect(focused).toBe('error-summary');
    expect(await page.getByRole('alert').textContent()).toContain(
      'The e-mail address or the password is not right.',
    );
    const withErrors = await new AxeBuilder({ page }).analyze();
    expect(withErrors.violations.map((v) => v.id)).toEqual([]);
    await browserContext.close();
  });
});
