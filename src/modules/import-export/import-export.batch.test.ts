import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { createDocumentsRepository, type StoredDocument } from '../documents/documents.repository.ts';
import { documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { createRevisionsRepository } from '../revisions/revisions.repository.ts';
import { prepareAssets } from './import-export.assets.ts';
import type { RecordProblem } from './import-export.errors.ts';
import { type ImportOptions, importExportDeps, importRecords } from './import-export.usecases.ts';

/*
 * The importer writes documents in batches (many records per transaction, a savepoint per record,
 * the search index, revisions and content version written once per batch). These tests hold it to
 * what importing one record at a time guaranteed, with batches of a few records so that every file
 * here spans several of them on both databases.
 */

const paragraphs = (key: string, count: number) =>
  Array.from({ length: count }, (_, n) => `<p>Paragraph ${n + 1} of ${key} about the frontier.</p>`).join('');

const record = (key: string, extra: Record<string, unknown> = {}) => ({
  externalId: `batch/${key}`,
  title: `Telegram ${key} on grain deliveries`,
  date: '1962-08-09',
  languages: ['en'],
  agents: [
    { name: 'Huang Zhen', role: 'author' },
    { name: 'Soviet Embassy in Beijing', kind: 'organization', role: 'recipient' },
  ],
  subjects: ['Trade', 'Border crossings'],
  places: ['Xinjiang'],
  assets: [{ kind: 'transcript', language: 'en', html: paragraphs(key, 3) }],
  ...extra,
});

describe.each(databaseKinds())('importing in batches on %s', (kind) => {
  let context: TestContext;
  let folder: string;
  const deps = () => importExportDeps(context.container);
  const db = () => context.container.database.db;
  const documents = () => createDocumentsRepository({ db: db() });

  beforeAll(async () => {
    context = await createTestContext(kind);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-batch-'));
  }, 60_000);
  afterAll(async () => {
    await context.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function run(name: string, records: unknown[], options: Partial<ImportOptions> = {}) {
    const file = path.join(folder, name);
    fs.writeFileSync(file, records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n'));
    const problems: RecordProblem[] = [];
    const summary = await importRecords(deps(), {
      file,
      batchSize: 3,
      onProblem: (p) => problems.push(p),
      ...options,
    });
    return { summary, problems };
  }

  const byExternalId = async (externalId: string) => {
    const id = await documents().findIdByExternalId(externalId);
    return id === undefined ? undefined : documents().findById(id);
  };
  const search = async (q: string) => {
    const response = await context.app.request(`/api/v1/search?q=${encodeURIComponent(q)}&per_page=50`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { hits: { externalId: string }[] }).hits.map((h) => h.externalId);
  };
  const countRows = async (
    table: 'authorities' | 'document_revisions' | 'assets',
    where?: [string, number],
  ) => {
    let query = db()
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'));
    if (where) query = query.where(where[0] as never, '=', where[1] as never);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };

  it('saves the records around a broken one, which leaves nothing behind, and names its line and field', async () => {
    const authoritiesBefore = await countRows('authorities');
    const broken = record('broken', {
      agents: [{ name: 'Only In The Broken Record', role: 'author' }],
      subjects: ['A subject only the broken record names'],
      assets: [
        { kind: 'transcript', language: 'zh', html: '<p>一</p><p>二</p>' },
        // Paragraph 9 does not exist: found only when the texts are stored, after the record's
        // document row, authorities and assets were written.
        {
          kind: 'translation',
          language: 'en',
          html: '<p>One</p><p>Two</p>',
          alignment: { pairs: [{ original: [9], translation: [1] }] },
        },
      ],
    });
    const { summary, problems } = await run('broken.jsonl', [
      record('b1'),
      broken,
      // In the same batch, names the authority the broken record created and lost: it must be made
      // again, for real.
      record('b4', { agents: [{ name: 'Only In The Broken Record', role: 'author' }] }),
      record('b2'),
      record('b5', { date: '00/00/1963' }),
      record('b6'),
    ]);

    expect(summary).toMatchObject({ processed: 6, failed: 2, documents: { created: 4, updated: 0 } });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ location: 'line 2', record: 'externalId "batch/broken"' });
    expect(errors[0]!.field).toMatch(/^assets\[1\]\.alignment/);
    expect(errors[1]).toMatchObject({ location: 'line 5', record: 'externalId "batch/b5"', field: 'date' });

    expect(await documents().findIdByExternalId('batch/broken')).toBeUndefined();
    expect(await documents().findIdByExternalId('batch/b5')).toBeUndefined();
    for (const key of ['b1', 'b2', 'b4', 'b6']) expect(await byExternalId(`batch/${key}`)).toBeDefined();
    const b4 = (await byExternalId('batch/b4'))!;
    expect(b4.agents.map((a) => a.name)).toEqual(['Only In The Broken Record']);
    // Huang Zhen, the embassy, two subjects, Xinjiang and the author b4 brought: nothing of the
    // broken record's own subject.
    expect(await countRows('authorities')).toBe(authoritiesBefore + 6);
    const orphanAssets = await db()
      .selectFrom('assets')
      .leftJoin('documents', 'documents.id', 'assets.document_id')
      .select('assets.id')
      .where('documents.id', 'is', null)
      .execute();
    expect(orphanAssets).toEqual([]);
    expect(await search('"Only In The Broken Record"')).toEqual(['batch/b4']);
    expect(await search('"subject only the broken record"')).toEqual([]);
  });

  it('updates on a second import by external ID, keeping the record IDs, with a revision and a fresh index', async () => {
    const records = ['u1', 'u2', 'u3', 'u4', 'u5'].map((key) => record(key));
    const first = await run('update.jsonl', records);
    expect(first.summary.documents).toEqual({ created: 5, updated: 0 });
    const ids = await Promise.all(records.map(async (r) => (await byExternalId(r.externalId))!.id));

    const second = await run(
      'update.jsonl',
      records.map((r) => ({ ...r, title: r.title.replace('grain deliveries', 'cotton shipments') })),
    );
    expect(second.summary.documents).toEqual({ created: 0, updated: 5 });
    expect(second.problems).toEqual([]);
    for (const [index, r] of records.entries()) {
      const stored = (await byExternalId(r.externalId))!;
      expect(stored.id).toBe(ids[index]);
      expect(stored.title).toContain('cotton shipments');
      const revisions = await createRevisionsRepository({ db: db() }).list(stored.id);
      expect(revisions.map((rev) => rev.action)).toEqual(['edited', 'created']);
    }
    const found = await search('cotton shipments');
    expect(found).toEqual(expect.arrayContaining(records.map((r) => r.externalId)));
    expect(found).toHaveLength(5);
    expect(await search('"u3 on grain deliveries"')).toEqual([]);
  });

  it('keeps record IDs never used here, makes one authority of a name however often it comes, and bumps the content version once a batch', async () => {
    const version = await documents().contentVersion();
    const { summary } = await run('ids.jsonl', [
      record('i1', { id: 900_001 }),
      record('i2', { id: 900_002 }),
      record('i3'),
    ]);
    expect(summary.documents.created).toBe(3);
    expect((await byExternalId('batch/i1'))!.id).toBe(900_001);
    expect((await byExternalId('batch/i2'))!.id).toBe(900_002);
    expect((await byExternalId('batch/i3'))!.id).toBeGreaterThan(900_002);
    // One batch of three records.
    expect(await documents().contentVersion()).toBe(version + 1);

    const huang = await db()
      .selectFrom('authorities')
      .select('id')
      .where('name', '=', 'Huang Zhen')
      .where('kind', '=', 'person')
      .execute();
    expect(huang).toHaveLength(1);
  });

  it('saves a document that comes twice in one file twice, the later version winning, with a revision each', async () => {
    const { summary } = await run('twice.jsonl', [
      record('t1'),
      record('t1', { title: 'The second version of t1' }),
      record('t2'),
    ]);
    expect(summary.documents).toEqual({ created: 2, updated: 1 });
    const t1 = (await byExternalId('batch/t1'))!;
    expect(t1.title).toBe('The second version of t1');
    const revisions = await createRevisionsRepository({ db: db() }).list(t1.id);
    expect(revisions.map((rev) => rev.title)).toEqual([
      'The second version of t1',
      'Telegram t1 on grain deliveries',
    ]);
    expect(await search('"second version of t1"')).toEqual(['batch/t1']);
  });

  it('links records to records of the same batch, by external ID and by the record ID of the file', async () => {
    const { summary, problems } = await run('links.jsonl', [
      record('l1', { id: 500 }),
      record('l2', { related: [{ externalId: 'batch/l1' }], attachments: [500] }),
      record('l3', { related: [{ externalId: 'batch/l4' }] }),
      record('l4'),
    ]);
    expect(problems).toEqual([]);
    expect(summary.documents.created).toBe(4);
    const l2 = (await byExternalId('batch/l2'))!;
    expect(l2.related.map((d) => d.externalId)).toEqual(['batch/l1']);
    expect(l2.attachments.map((d) => d.externalId)).toEqual(['batch/l1']);
    expect((await byExternalId('batch/l3'))!.related.map((d) => d.externalId)).toEqual(['batch/l4']);
    expect((await byExternalId('batch/l4'))!.related.map((d) => d.externalId)).toEqual(['batch/l3']);
  });

  it('stores what saving the records one by one stores: rows, search index and revision', async () => {
    const records = [
      record('e1', {
        classifications: ['Secret'],
        credits: [{ role: 'translator', name: 'A Translator' }],
        repository: 'Foreign Ministry Archive',
        collections: ['Sino-Soviet Border'],
        summary: 'Grain and cotton across the frontier.',
      }),
      record('e2', { places: [{ name: 'Ili', parent: 'Xinjiang' }], funders: ['A Foundation'] }),
      record('e3', { status: 'draft' }),
    ];
    await run('same.jsonl', records);
    const alone = await createTestContext(kind);
    try {
      for (const r of records) {
        const parsed = documentRecordSchema.parse(r);
        const assets = await prepareAssets(alone.container, { baseDir: folder, assets: parsed.assets });
        await saveDocument(alone.container.database, parsed, assets, { missingLinks: 'defer' });
      }
      const aloneDocuments = createDocumentsRepository({ db: alone.container.database.db });
      for (const r of records) {
        const batched = (await byExternalId(r.externalId))!;
        const single = (await aloneDocuments.findById(
          (await aloneDocuments.findIdByExternalId(r.externalId))!,
        ))!;
        expect(comparable(batched)).toEqual(comparable(single));
        expect(await indexRows(context, batched.id)).toEqual(await indexRows(alone, single.id));
        const [batchedRevision] = await createRevisionsRepository({ db: db() }).list(batched.id);
        const [singleRevision] = await createRevisionsRepository({ db: alone.container.database.db }).list(
          single.id,
        );
        expect(batchedRevision).toMatchObject({ action: 'created', status: singleRevision!.status });
      }
    } finally {
      await alone.dispose();
    }
  }, 60_000);
});

/** A document without what differs between two archives: IDs and times. */
function comparable(document: StoredDocument) {
  const names = (list: { name: string; variants: unknown[] }[]) => list.map((a) => [a.name, a.variants]);
  return {
    ...document,
    id: 0,
    createdAt: '',
    updatedAt: '',
    publishedAt: document.publishedAt ? 'set' : null,
    repository: document.repository?.name ?? null,
    funders: names(document.funders),
    subjects: names(document.subjects),
    places: names(document.places),
    agents: document.agents.map((a) => [a.name, a.kind, a.role]),
    collections: names(document.collections),
    assets: document.assets.map(({ id: _id, createdAt: _c, updatedAt: _u, ...asset }) => asset),
  };
}

/** The search index rows of a document, without its ID. */
async function indexRows(context: TestContext, id: number) {
  const db = context.container.database.db;
  const parts = await db
    .selectFrom('search_parts')
    .select(['part_no', 'part', 'language', 'text'])
    .where('document_id', '=', id)
    .orderBy('part_no')
    .execute();
  const facets = await db
    .selectFrom('search_facets')
    .innerJoin('search_documents', 'search_documents.document_id', 'search_facets.document_id')
    .select(['facet'])
    .where('search_facets.document_id', '=', id)
    .orderBy('facet')
    .execute();
  return { parts, facets: facets.map((f) => f.facet) };
}
