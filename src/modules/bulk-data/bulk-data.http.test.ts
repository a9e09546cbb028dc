import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { bulkDirectory, csvColumns, csvField } from './bulk-data.export.ts';

describe.each(databaseKinds())('bulk data downloads (%s)', (kind) => {
  let context: TestContext;
  const save = (record: Record<string, unknown>) =>
    saveDocument(context.container.database, documentRecordSchema.parse(record), []);

  beforeAll(async () => {
    context = await createTestContext(kind);
    await save({
      externalId: 'bulk/1',
      title: 'Minutes, "secret", of the meeting',
      summary: 'Line one\nline two, with a comma',
      date: '1962-08-09',
      languages: ['zh', 'ru'],
      agents: [{ name: 'Zhou Enlai', role: 'author' }],
    });
    await save({ externalId: 'bulk/2', title: 'Second record' });
    await save({ externalId: 'bulk/draft', title: 'Draft kept back', status: 'draft' });
    await save({ externalId: 'bulk/gone', title: 'Withdrawn record', status: 'withdrawn' });
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('serves every published record as JSON Lines, and nothing unpublished', async () => {
    const response = await context.app.request('/data/documents.jsonl');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text()).trim().split('\n');
    const records = lines.map((line) => JSON.parse(line) as { title: string; agents: { name: string }[] });
    expect(records.map((r) => r.title)).toEqual(['Minutes, "secret", of the meeting', 'Second record']);
    expect(records[0]?.agents[0]?.name).toBe('Zhou Enlai');
  });

  it('serves the same records as RFC 4180 CSV with the documented columns', async () => {
    const response = await context.app.request('/data/documents.csv');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(csvColumns.map((c) => c.name).join(','));
    expect(text).toContain('"Minutes, ""secret"", of the meeting"');
    expect(text).toContain('"Line one\nline two, with a comma"');
    expect(text).toContain('zh | ru');
    expect(text).not.toContain('Draft kept back');
    expect(text).not.toContain('Withdrawn record');
    expect(csvField(null)).toBe('');
  });

  it('regenerates after a change and answers 304 to a current ETag', async () => {
    const first = await context.app.request('/data/documents.jsonl');
    const tag = first.headers.get('etag')!;
    await first.text();
    expect(
      (await context.app.request('/data/documents.jsonl', { headers: { 'If-None-Match': tag } })).status,
    ).toBe(304);
    await save({ externalId: 'bulk/3', title: 'Third record' });
    const after = await context.app.request('/data/documents.jsonl');
    expect(after.headers.get('etag')).not.toBe(tag);
    expect((await after.text()).trim().split('\n')).toHaveLength(3);
    // Only the current generation stays on disk.
    expect(fs.readdirSync(bulkDirectory(context.dataDir)).filter((n) => n.endsWith('.jsonl'))).toHaveLength(
      1,
    );
  });

  it('describes every column on the /data page and refuses other file names', async () => {
    const html = await (await context.app.request('/data')).text();
    for (const column of csvColumns) expect(html).toContain(`<code>${column.name}</code>`);
    expect((await context.app.request('/data/../../etc/passwd')).status).toBe(404);
    expect((await context.app.request('/data/documents.xml')).status).toBe(404);
  });
});
