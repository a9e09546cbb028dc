import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../../test/support/databases.ts';
import { createArchiveWorker } from '../../jobs/jobs.runtime.ts';
import { corpusFile, makeEncryptedPdf, makeTextPdf, saveScanDocument } from './pipeline.test-support.ts';

describe.each(databaseKinds())('scan processing on %s', (kind) => {
  let context: TestContext;
  const db = () => context.container.database.db;
  const drain = async () => {
    const worker = createArchiveWorker(context.container, { pollMs: 20, backoffMs: 10 });
    try {
      return await worker.runUntilIdle();
    } finally {
      await worker.close();
    }
  };
  const blobBytes = async (sha256: string) => {
    const stream = await context.container.storage.open(sha256);
    if (!stream) throw new Error(`blob ${sha256} is missing`);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  beforeAll(async () => {
    context = await createTestContext(kind);
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('reads the text layer of every page, makes page images, and tells the API it is done', async () => {
    const pdf = await makeTextPdf([
      'Page one: the chargé d’affaires',
      'Page two: border crossings',
      'Page three',
    ]);
    const { documentId, sha256 } = await saveScanDocument(context.container, pdf, { externalId: 'text-pdf' });

    const queued = await context.app.request(`/api/v1/documents/${documentId}`);
    expect((await queued.json()).processing).toMatchObject({ state: 'pending' });

    expect(await drain()).toMatchObject({ succeeded: 1, failed: 0 });
    const pages = await db()
      .selectFrom('scan_pages')
      .selectAll()
      .where('blob_sha256', '=', sha256)
      .orderBy('page')
      .execute();
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(pages[1]).toMatchObject({ text_source: 'pdf-text', ocr_confidence: null, problem: null });
    expect(pages[1]!.text).toContain('Page two: border crossings');
    const words = JSON.parse(pages[0]!.words!) as [number, number, number, number, string, number][];
    const word = words.find((w) => w[4] === 'chargé');
    expect(word).toBeDefined();
    // "chargé" sits near the top left of a letter page: its box says so, in page-relative units.
    expect(word![0]).toBeGreaterThan(1000);
    expect(word![0]).toBeLessThan(5000);
    expect(word![1]).toBeLessThan(1500);

    const image = await sharp(await blobBytes(pages[0]!.image_sha256!)).metadata();
    expect(image.format).toBe('webp');
    expect(Math.max(image.width!, image.height!)).toBe(2000);
    expect([image.width, image.height]).toEqual([pages[0]!.width, pages[0]!.height]);
    const thumbnail = await sharp(await blobBytes(pages[0]!.thumbnail_sha256!)).metadata();
    expect(Math.max(thumbnail.width!, thumbnail.height!)).toBe(320);

    const record = await (await context.app.request(`/api/v1/documents/${documentId}`)).json();
    expect(record.processing).toMatchObject({ state: 'done', progress: null });
    expect(record.processing.scans[0]).toMatchObject({
      status: 'done',
      pageCount: 3,
      pagesDone: 3,
      error: null,
    });
    expect(record.assets[0].pageCount).toBe(3);
  });

  it('does nothing the second time a saved document queues an unchanged scan', async () => {
    const pdf = await makeTextPdf(['Only page of a resaved record']);
    const { sha256 } = await saveScanDocument(context.container, pdf, { externalId: 'resaved' });
    await drain();
    const before = await db()
      .selectFrom('scan_pages')
      .select(['page', 'updated_at'])
      .where('blob_sha256', '=', sha256)
      .execute();
    await saveScanDocument(context.container, pdf, { externalId: 'resaved' });
    expect(await drain()).toMatchObject({ succeeded: 1 });
    const after = await db()
      .selectFrom('scan_pages')
      .select(['page', 'updated_at'])
      .where('blob_sha256', '=', sha256)
      .execute();
    expect(after).toEqual(before);
  });

  it('reports broken, truncated and password-protected PDFs on the document without retrying or stopping', async () => {
    const good = await makeTextPdf(['A readable page among broken ones']);
    const cases = {
      truncated: good.slice(0, Math.floor(good.length / 2)),
      garbage: Buffer.concat([
        Buffer.from('%PDF-1.7\n'),
        Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)),
      ]),
      encrypted: await makeEncryptedPdf(),
    };
    const saved: Record<string, { documentId: number; sha256: string }> = {};
    for (const [name, bytes] of Object.entries(cases)) {
      saved[name] = await saveScanDocument(context.container, bytes, { externalId: `broken-${name}` });
    }
    const readable = await saveScanDocument(context.container, good, { externalId: 'broken-neighbour' });

    const summary = await drain();
    expect(summary).toMatchObject({ succeeded: 1, failed: 3, retried: 0 });
    for (const [name, { documentId }] of Object.entries(saved)) {
      const record = await (await context.app.request(`/api/v1/documents/${documentId}`)).json();
      expect(record.processing.state, name).toBe('failed');
      expect(record.processing.scans[0].error, name).toMatch(
        name === 'encrypted' ? /password/ : /damaged|cannot be read/,
      );
    }
    const neighbour = await (await context.app.request(`/api/v1/documents/${readable.documentId}`)).json();
    expect(neighbour.processing.state).toBe('done');
    const jobs = await db()
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('status', '=', 'failed')
      .execute();
    expect(jobs.every((j) => j.attempts === 1)).toBe(true);
  });

  it('reads the Tesseract text layer of a real declassified PDF from the corpus', async (test) => {
    const file = corpusFile('pdf/tesseract-ocr-layer/104-10107-10135_ocr.pdf');
    if (!file) {
      test.skip('the development corpus (../shared/corpus) is not here');
      return;
    }
    const { sha256 } = await saveScanDocument(context.container, fs.readFileSync(file), {
      externalId: 'jfk-ocr-layer',
    });
    await drain();
    const scan = await db()
      .selectFrom('scan_files')
      .selectAll()
      .where('blob_sha256', '=', sha256)
      .executeTakeFirstOrThrow();
    expect(scan).toMatchObject({ status: 'done', page_count: 5, pages_done: 5 });
    const first = await db()
      .selectFrom('scan_pages')
      .selectAll()
      .where('blob_sha256', '=', sha256)
      .where('page', '=', 1)
      .executeTakeFirstOrThrow();
    expect(first.text).toMatch(/MEMORANDUM FOR THE RECORD/);
    expect(first.text_source).toBe('pdf-text');
  }, 60_000);
});
