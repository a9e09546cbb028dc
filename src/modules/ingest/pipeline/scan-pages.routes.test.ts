import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../../test/support/databases.ts';
import { createArchiveWorker } from '../../jobs/jobs.runtime.ts';
import { makeTextPdf, saveScanDocument } from './pipeline.test-support.ts';
import { correctPageText } from './scan-text.usecases.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies in assertions
type Json = Record<string, any>;

describe.each(databaseKinds())('scan pages API and corrections on %s', (kind) => {
  let context: TestContext;
  let documentId: number;
  let assetId: number;
  const get = async (url: string) => {
    const response = await context.app.request(url);
    return { status: response.status, body: (await response.json()) as Json };
  };

  beforeAll(async () => {
    context = await createTestContext(kind);
    const pdf = await makeTextPdf(['Khrushchev telegram, first page', 'Second page about the Zhdanov talks']);
    ({ documentId } = await saveScanDocument(context.container, pdf, { externalId: 'pages/api' }));
    const worker = createArchiveWorker(context.container, { pollMs: 20 });
    await worker.runUntilIdle();
    await worker.close();
    const record = await get(`/api/v1/documents/${documentId}`);
    assetId = record.body.assets[0].id;
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('lists the pages of a scan with their text, source and image URLs', async () => {
    const { status, body } = await get(`/api/v1/documents/${documentId}/scans/${assetId}/pages`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'done', pageCount: 2, wordBoxUnits: 10_000 });
    expect(body.pages[1]).toMatchObject({
      page: 2,
      textSource: 'pdf-text',
      machineGenerated: false,
      corrected: null,
    });
    expect(body.pages[1].text).toContain('Zhdanov talks');
    expect(body.pages[1].words).toBeUndefined();
    const withWords = await get(`/api/v1/documents/${documentId}/scans/${assetId}/pages?words=1`);
    expect(withWords.body.pages[0].words.some((w: unknown[]) => w[4] === 'Khrushchev')).toBe(true);

    const image = await context.app.request(new URL(body.pages[0].imageUrl).pathname);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    const bytes = new Uint8Array(await image.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(8, 12))).toBe('WEBP');
    const thumbnail = await context.app.request(new URL(body.pages[0].thumbnailUrl).pathname);
    expect(thumbnail.status).toBe(200);
  });

  it('answers 404 for pages, scans and renditions that do not exist, and for unpublished documents', async () => {
    for (const url of [
      `/api/v1/documents/${documentId}/scans/999999/pages`,
      `/api/v1/documents/abc/scans/${assetId}/pages`,
      `/documents/${documentId}/files/${assetId}/pages/9/image.webp`,
      `/documents/${documentId}/files/${assetId}/pages/1/original.png`,
      `/documents/${documentId}/files/${assetId}/pages/0/image.webp`,
    ]) {
      expect((await context.app.request(url)).status, url).toBe(404);
    }
    await context.container.database.db
      .updateTable('documents')
      .set({ status: 'draft' })
      .where('id', '=', documentId)
      .execute();
    try {
      expect(
        (await context.app.request(`/api/v1/documents/${documentId}/scans/${assetId}/pages`)).status,
      ).toBe(404);
      expect(
        (await context.app.request(`/documents/${documentId}/files/${assetId}/pages/1/image.webp`)).status,
      ).toBe(404);
    } finally {
      await context.container.database.db
        .updateTable('documents')
        .set({ status: 'published' })
        .where('id', '=', documentId)
        .execute();
    }
  });

  it('keeps the machine text when an editor corrects a page, shows the newest correction and makes it searchable', async () => {
    const deps = context.container.database;
    await correctPageText(deps, {
      assetId,
      page: 2,
      text: 'Second page about the Zhdanov talkz',
      correctedBy: 'first@archive.test',
    });
    await correctPageText(deps, {
      assetId,
      page: 2,
      text: 'Second page about the Zhdanov talks in Vladivostok',
      correctedBy: 'editor@archive.test',
    });
    const { body } = await get(`/api/v1/documents/${documentId}/scans/${assetId}/pages`);
    expect(body.pages[1].text).toBe('Second page about the Zhdanov talks in Vladivostok');
    expect(body.pages[1].corrected).toMatchObject({ by: 'editor@archive.test' });
    expect(body.pages[1].machineText).toContain('Second page about the Zhdanov talks');
    expect(body.pages[1].machineText).not.toContain('Vladivostok');
    const history = await deps.db.selectFrom('scan_page_corrections').select('text').orderBy('id').execute();
    expect(history).toHaveLength(2);

    const search = await get('/api/v1/search?q=Vladivostok');
    expect(search.status).toBe(200);
    expect(search.body.hits.map((h: Json) => h.id)).toContain(documentId);
  });

  it('refuses corrections of scans or pages that do not exist, and absurd input, without writing anything', async () => {
    const deps = context.container.database;
    const before = await deps.db.selectFrom('scan_page_corrections').select('id').execute();
    await expect(correctPageText(deps, { assetId: 999_999, page: 1, text: 'x' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(correctPageText(deps, { assetId, page: 40, text: 'x' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(correctPageText(deps, { assetId, page: 0, text: 'x' })).rejects.toMatchObject({
      status: 422,
    });
    await expect(
      correctPageText(deps, { assetId, page: 1, text: 'x'.repeat(600_000) }),
    ).rejects.toMatchObject({
      status: 422,
    });
    expect(await deps.db.selectFrom('scan_page_corrections').select('id').execute()).toEqual(before);
  });
});
