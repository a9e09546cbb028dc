import fs from 'node:fs';
import net from 'node:net';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, which CI installs; Playwright cannot download its own browsers here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(chromiumPath);

/**
 * Launches headless Chromium with no background networking, so the browser makes no connections of its
 * own (the machines running tests have no outside network). Playwright gives every launch a fresh
 * temporary profile.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/**
 * A free port of the loopback interface, for tests that must know their base URL (and with it the
 * Origin the CSRF check expects) before the app is built.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Serves an app on a free port of the loopback interface, for a browser to load; `close` stops it.
 * Browser tests of every page family share it with `axeViolations`.
 */
export async function serveForBrowser(app: {
  fetch: (request: Request) => Response | Promise<Response>;
}): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const { serve } = await import('@hono/node-server');
  let server: ReturnType<typeof serve> | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

/**
 * The axe violations of a page, one line each (`rule: targets`). axe runs as a script in the page, so
 * the browser context has JavaScript on; the page must answer 200.
 */
export async function axeViolations(browser: Browser, url: string): Promise<string[]> {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const page = await (await browser.newContext()).newPage();
  const response = await page.goto(url);
  if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
  const result = await new AxeBuilder({ page }).analyze();
  await page.context().close();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}
