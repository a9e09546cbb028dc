import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { Container } from '../../app/container.ts';
import { Layout, renderPage, type SiteInfo } from '../../app/ui/layout.tsx';
import { type BulkFormat, bulkDirectory, csvColumns, datasetKey, writeBulkFile } from './bulk-data.export.ts';

const mediaTypes: Record<BulkFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

const DataPage: FC<{ site: SiteInfo }> = ({ site }) => (
  <Layout
    site={site}
    title="Bulk data"
    description={`Every published record of ${site.archiveName}, as JSON Lines and CSV.`}
    canonicalPath="/data"
  >
    <article class="prose data-page">
      <h1>Bulk data</h1>
      <p>
        The metadata of every published record, in one file, regenerated after every change to the archive.
        Records are in record ID order; unpublished and withdrawn records are never included. Files of scans,
        transcripts and translations are linked, not included.
      </p>
      <ul>
        <li>
          <a href="/data/documents.jsonl">documents.jsonl</a>: one JSON object per line, exactly the record of{' '}
          <a href="/api">the API</a> (<code>/api/v1/documents/{'{id}'}</code>) without the text of
          transcripts.
        </li>
        <li>
          <a href="/data/documents.csv">documents.csv</a>: one row per record, UTF-8, comma-separated, quoted
          where needed (RFC 4180). Lists in one cell are separated by <code> | </code>.
        </li>
      </ul>
      <h2>CSV columns</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {csvColumns.map((column) => (
            <tr>
              <td>
                <code>{column.name}</code>
              </td>
              <td>{column.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Spreadsheet users: a cell that starts with <code>=</code>, <code>+</code>, <code>-</code> or{' '}
        <code>@</code> is data, not a formula; import the file as text.
      </p>
    </article>
  </Layout>
);

/**
 * `/data` and its files. A file is generated on the first request after a change (keyed by the content
 * version) into the data directory, then streamed from disk; concurrent requests share one generation.
 */
export function bulkDataRoutes({ database, config }: Pick<Container, 'database' | 'config'>) {
  const directory = bulkDirectory(config.dataDir);
  const inFlight = new Map<string, Promise<string>>();

  async function currentFile(format: BulkFormat): Promise<{ file: string; key: string }> {
    const key = await datasetKey(database);
    const file = path.join(directory, `documents-${key}.${format}`);
    if (fs.existsSync(file)) return { file, key };
    let pending = inFlight.get(file);
    if (!pending) {
      pending = (async () => {
        fs.mkdirSync(directory, { recursive: true });
        await writeBulkFile(database, config.baseUrl, format, file);
        // Older generations are no longer served; a reader still streaming one keeps its open handle.
        for (const name of fs.readdirSync(directory)) {
          if (name.endsWith(`.${format}`) && name !== path.basename(file))
            fs.rmSync(path.join(directory, name), { force: true });
        }
        return file;
      })().finally(() => inFlight.delete(file));
      inFlight.set(file, pending);
    }
    return { file: await pending, key };
  }

  const app = new Hono();
  app.get('/data', (c) => c.html(renderPage(DataPage({ site: config }))));
  app.get('/data/:name', async (c) => {
    const match = /^documents\.(jsonl|csv)$/.exec(c.req.param('name'));
    if (!match) return c.notFound();
    const format = match[1] as BulkFormat;
    const { file, key } = await currentFile(format);
    const etag = `"${key}-${format}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    c.header('Content-Type', mediaTypes[format]);
    c.header('Content-Disposition', `attachment; filename="documents.${format}"`);
    c.header('Content-Length', String(fs.statSync(file).size));
    return c.body(Readable.toWeb(fs.createReadStream(file)) as ReadableStream);
  });
  return app;
}
