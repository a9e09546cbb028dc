import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

/**
 * The editor's stylesheet and script, served under /admin/assets/ before the session is loaded (they
 * hold nothing private). The script only enhances: every form works without it, and the CSP allows
 * no inline script, so this file is the only one.
 */
const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');
const files: Record<string, { type: string; body: Buffer }> = {
  'editor.css': { type: 'text/css; charset=utf-8', body: fs.readFileSync(path.join(folder, 'editor.css')) },
  'editor.js': {
    type: 'text/javascript; charset=utf-8',
    body: fs.readFileSync(path.join(folder, 'editor.js')),
  },
};

export const editorStylesheet = '/admin/assets/editor.css';
export const editorScript = '/admin/assets/editor.js';

export function editorAssetRoutes() {
  const app = new Hono();
  for (const [name, file] of Object.entries(files)) {
    app.get(`/${name}`, (c) => {
      c.header('Content-Type', file.type);
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(new Uint8Array(file.body));
    });
  }
  return app;
}
