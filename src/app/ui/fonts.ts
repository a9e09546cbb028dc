import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';

/**
 * Self-hosted reading fonts, so a transcript looks the same on every reader's machine and no request
 * leaves for a font CDN. The @font-face rules come from the fontsource packages at start-up, rewritten
 * to point here; each face is split by `unicode-range`, so a browser fetches only the slices a page
 * uses (a Chinese transcript loads a few of the hundred Noto Serif SC slices). Latin, Cyrillic, Greek
 * and Vietnamese come with every page; the Chinese sheet only with pages that show Chinese text.
 */
type FontSheet = { css: string; gzipped: Buffer; files: Map<string, string> };

const require = createRequire(import.meta.url);

function packageDir(name: string): string | undefined {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

function buildSheet(packageName: string, sheets: string[]): FontSheet {
  const dir = packageDir(packageName);
  const files = new Map<string, string>();
  const rules: string[] = [];
  for (const sheet of dir ? sheets : []) {
    const file = path.join(dir!, sheet);
    if (!fs.existsSync(file)) continue;
    const css = fs
      .readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      // Every browser we support reads WOFF2; the WOFF fallback only adds bytes.
      .replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, '')
      .replace(/url\(\.\/files\/([\w.-]+\.woff2)\)/g, (_whole, name: string) => {
        files.set(name, path.join(dir!, 'files', name));
        return `url(/fonts/${name})`;
      });
    rules.push(css.replace(/\n\s*\n/g, '\n').trim());
  }
  const css = `${rules.join('\n')}\n`;
  return { css, gzipped: gzipSync(css), files };
}

export const fontSheets = {
  reading: () =>
    buildSheet('@fontsource/noto-serif', ['400.css', '400-italic.css', '700.css', '700-italic.css']),
  chinese: () => buildSheet('@fontsource/noto-serif-sc', ['400.css', '700.css']),
};

/** Serves `/fonts/reading.css`, `/fonts/chinese.css` and the font files they name (and nothing else). */
export function fontRoutes() {
  const app = new Hono();
  const sheets = { 'reading.css': fontSheets.reading(), 'chinese.css': fontSheets.chinese() };
  const files = new Map<string, string>();
  for (const sheet of Object.values(sheets)) for (const [name, file] of sheet.files) files.set(name, file);

  app.get('/fonts/:file', async (c) => {
    const name = c.req.param('file');
    // A font file changes only with a new fontsource release; a day of caching costs nothing.
    c.header('Cache-Control', 'public, max-age=86400');
    const sheet = sheets[name as keyof typeof sheets];
    if (sheet) {
      c.header('Content-Type', 'text/css; charset=utf-8');
      if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
        c.header('Content-Encoding', 'gzip');
        c.header('Vary', 'Accept-Encoding');
        return c.body(new Uint8Array(sheet.gzipped));
      }
      return c.body(sheet.css);
    }
    const file = files.get(name);
    if (!file) return c.notFound();
    try {
      const bytes = await fs.promises.readFile(file);
      c.header('Content-Type', 'font/woff2');
      return c.body(new Uint8Array(bytes));
    } catch {
      return c.notFound();
    }
  });
  return app;
}
