import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';

// The smallest file that sniffs as a PDF; the route serves bytes, it does not parse them.
const pdfBytes = new TextEncoder().encode('%PDF-1.4\n% test scan\n%%EOF\n');

describe('serving the files of documents', () => {
  let context: TestContext;
  let publishedId: number;
  let draftId: number;
  let scanUrl: string;

  beforeAll(async () => {
    context = await createTestContext();
    const { db, dialect } = context.container.database;
    const blob = await context.container.storage.put(pdfBytes);
    const scan = (fileName: string) => ({
      kind: 'scan' as const,
      language: null,
      label: null,
      translator: null,
      html: null,
      blobSha256: blob.sha256,
      fileName,
      mediaType: 'application/pdf',
      pageCount: 1,
      blob: { ...blob, mediaType: 'application/pdf' },
    });
    publishedId = (
      await saveDocument({ db, dialect }, documentRecordSchema.parse({ title: 'Published with scan' }), [
        scan('Записка "секретно" 1962.pdf'),
      ])
    ).id;
    draftId = (
      await saveDocument(
        { db, dialect },
        documentRecordSchema.parse({ title: 'Draft with scan', status: 'draft' }),
        [scan('draft.pdf')],
      )
    ).id;
    const record = (await (await context.app.request(`/api/v1/documents/${publishedId}`)).json()) as {
      assets: { url: string }[];
    };
    scanUrl = new URL(record.assets[0]!.url).pathname;
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('serves a scan with its real type, inline, with a safe file name', async () => {
    const response = await context.app.request(scanUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^inline; filename="[^"]*"; filename\*=UTF-8''/);
    expect(disposition).toContain(encodeURIComponent('Записка _секретно_ 1962.pdf'));
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdfBytes);
  });

  it('offers the same file as a download', async () => {
    const response = await context.app.request(`${scanUrl}?download=1`);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('answers a repeat request with 304 when the file is unchanged', async () => {
    const first = await context.app.request(scanUrl);
    const etag = first.headers.get('etag')!;
    const second = await context.app.request(scanUrl, { headers: { 'If-None-Match': etag } });
    expect(second.status).toBe(304);
  });

  it('hides the files of unpublished documents exactly like missing files', async () => {
    const draft = await context.container.database.db
      .selectFrom('assets')
      .select('id')
      .where('document_id', '=', draftId)
      .executeTakeFirstOrThrow();
    const response = await context.app.request(`/documents/${draftId}/files/${draft.id}/draft.pdf`);
    expect(response.status).toBe(404);
  });

  it.each([
    '/documents/abc/files/1/x.pdf',
    '/documents/1/files/%00/x.pdf',
    '/documents/99999999999/files/1/x.pdf',
    '/documents/1/files/99999/x.pdf',
  ])('answers %s with 404, never an error', async (url) => {
    const response = await context.app.request(url);
    expect(response.status).toBe(404);
  });

  it('does not serve a file of one document under another document', async () => {
    const other = (
      await saveDocument(
        context.container.database,
        documentRecordSchema.parse({ title: 'Another published document' }),
        [],
      )
    ).id;
    const wrong = scanUrl.replace(`/documents/${publishedId}/`, `/documents/${other}/`);
    expect((await context.app.request(wrong)).status).toBe(404);
  });
});

describe('security headers', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(async () => {
    await context.dispose();
  });

  it.each(['/', '/healthz', '/api/v1/documents', '/no/such/page', '/documents/abc'])(
    'are sent on %s',
    async (url) => {
      const response = await context.app.request(url);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    },
  );

  it('answers unknown API paths with a JSON error, and unknown pages with HTML', async () => {
    const api = await context.app.request('/api/v1/nothing');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
    const page = await context.app.request('/nothing');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('answers a missing document in the API with its error code', async () => {
    const response = await context.app.request('/api/v1/documents/424242');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'documents.not_found', message: expect.stringContaining('424242') },
    });
  });
});
