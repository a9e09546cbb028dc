import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { clientWithSession, createStaff, type TestClient } from '../accounts/accounts.test-support.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import { documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { makePdf, tinyPng } from '../import-export/import-export.fixtures.ts';
import { buildDocx, buildZip, multipartBody, type Part } from './uploads.test-support.ts';

describe('uploading scans and texts in the editor', () => {
  let context: TestContext;
  let client: TestClient;
  let documentId: number;

  beforeAll(async () => {
    // A 1 MB limit, so the oversized case needs no large file.
    context = await createTestContext('sqlite', { CHANCERY_UPLOAD_LIMIT_MB: '1' });
    const { id } = await createStaff(context, 'contributor@example.org', 'contributor');
    client = await clientWithSession(context, id);
  });
  beforeEach(async () => {
    documentId = (
      await saveDocument(
        context.container.database,
        documentRecordSchema.parse({ title: 'A draft waiting for its files', status: 'draft' }),
        [],
      )
    ).id;
  });
  afterAll(async () => {
    await context.dispose();
  });

  const db = () => context.container.database.db;

  /** Files in the blob store, temporary ones included: a refused upload must leave none. */
  function storedFiles(): string[] {
    const root = path.join(context.dataDir, 'blobs');
    if (!fs.existsSync(root)) return [];
    return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) =>
      fs.statSync(path.join(root, f)).isFile(),
    );
  }

  const upload = (parts: Part[], options: { csrf?: string | null; id?: number; accept?: string } = {}) => {
    const token = options.csrf === undefined ? client.lastCsrf! : options.csrf;
    const { body, contentType } = multipartBody(
      token === null ? parts : [{ name: '_csrf', value: token }, ...parts],
    );
    return client.request(`/admin/documents/${options.id ?? documentId}/assets`, {
      method: 'POST',
      body: new Uint8Array(body),
      headers: {
        'content-type': contentType,
        origin: 'http://archive.test',
        ...(options.accept ? { accept: options.accept } : {}),
      },
    });
  };
  const file = (fileName: string, data: Buffer, type = 'application/octet-stream'): Part => ({
    name: 'file',
    fileName,
    type,
    data,
  });
  const assetsOf = async () => (await createDocumentsRepository({ db: db() }).findById(documentId))!.assets;

  it('stores a PDF scan, adds it to the document and queues it for reading', async () => {
    const pdf = await makePdf(2, 'telegram');
    const response = await upload([
      { name: 'kind', value: 'scan' },
      { name: 'language', value: 'ru' },
      { name: 'label', value: 'Original, 2 pages' },
      file('Телеграмма 1962.pdf', pdf, 'application/pdf'),
    ]);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/documents/${documentId}/edit?done=file-added`);
    const [asset] = await assetsOf();
    expect(asset).toMatchObject({
      kind: 'scan',
      language: 'ru',
      label: 'Original, 2 pages',
      fileName: 'Телеграмма 1962.pdf',
      mediaType: 'application/pdf',
      pageCount: 2,
      byteSize: pdf.length,
    });
    expect(await context.container.storage.size(asset!.blobSha256!)).toBe(pdf.length);
    const job = await db()
      .selectFrom('jobs')
      .select(['name', 'payload'])
      .where('name', '=', 'scan.process')
      .execute();
    expect(job.map((j) => JSON.parse(j.payload).sha256)).toContain(asset!.blobSha256);
    const revision = await db()
      .selectFrom('document_revisions')
      .select(['action', 'author_label'])
      .where('document_id', '=', documentId)
      .orderBy('number', 'desc')
      .executeTakeFirstOrThrow();
    expect(revision).toEqual({ action: 'file added', author_label: 'contributor@example.org' });
    const audit = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('target_type', '=', 'document')
      .where('target_id', '=', String(documentId))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['document.file_added']);

    // Staff can open the draft's file; the public cannot.
    const preview = await client.request(`/admin/documents/${documentId}/files/${asset!.id}`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('application/pdf');
    expect((await context.app.request(`/documents/${documentId}/files/${asset!.id}`)).status).toBe(404);
  });

  it('converts a Word translation to clean HTML and keeps no file of it', async () => {
    const docx = buildDocx([
      'Record of conversation',
      'Zhang: We have received the note <script>alert(1)</script>.',
    ]);
    const response = await upload([
      { name: 'kind', value: 'translation' },
      { name: 'language', value: 'en' },
      { name: 'translator', value: 'David Cowhig' },
      file('translation.docx', docx),
    ]);
    expect(response.status).toBe(303);
    const [asset] = await assetsOf();
    expect(asset).toMatchObject({
      kind: 'translation',
      language: 'en',
      translator: 'David Cowhig',
      blobSha256: null,
    });
    expect(asset!.html).toContain('<strong>Record of conversation</strong>');
    expect(asset!.html).toContain('We have received the note &lt;script&gt;');
    expect(asset!.html).not.toContain('<script');
  });

  it('converts Markdown and plain text transcripts', async () => {
    expect(
      (
        await upload([
          { name: 'kind', value: 'transcript' },
          { name: 'language', value: 'zh' },
          file('zhuanlu.md', Buffer.from('# 谈话记录\n\n黄：我们收到了这个**声明**。')),
        ])
      ).status,
    ).toBe(303);
    expect(
      (
        await upload([
          { name: 'kind', value: 'translation' },
          file('notes.txt', Buffer.from('First.\n\nSecond.')),
        ])
      ).status,
    ).toBe(303);
    const assets = await assetsOf();
    expect(assets.map((a) => a.html)).toEqual([
      '<h1>谈话记录</h1>\n<p>黄：我们收到了这个<strong>声明</strong>。</p>',
      '<p>First.</p>\n<p>Second.</p>',
    ]);
  });

  const hostile: [string, () => Part[], number, RegExp][] = [
    [
      'an executable renamed .pdf',
      () => [
        { name: 'kind', value: 'scan' },
        file(
          'report.pdf',
          Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(4000, 1)]),
          'application/pdf',
        ),
      ],
      415,
      /not a PDF, JPEG, PNG or TIFF/,
    ],
    [
      'a zip bomb named .docx that lies about its size',
      () => [
        { name: 'kind', value: 'translation' },
        file(
          'bomb.docx',
          buildZip([{ name: 'word/document.xml', data: Buffer.alloc(20 * 1024 * 1024), declaredSize: 1000 }]),
        ),
      ],
      422,
      /zip bomb/,
    ],
    [
      'a zip bomb named .docx that admits its size',
      () => [
        { name: 'kind', value: 'translation' },
        file(
          'bomb.docx',
          buildZip([{ name: 'word/document.xml', data: Buffer.alloc(1000), declaredSize: 0xfffffff0 }]),
        ),
      ],
      422,
      /zip bomb/,
    ],
    [
      'a zip archive that is not a Word document',
      () => [
        { name: 'kind', value: 'translation' },
        file('archive.docx', buildZip([{ name: 'notes.txt', data: Buffer.from('hello') }])),
      ],
      422,
      /not a Word document/,
    ],
    [
      'an empty file',
      () => [{ name: 'kind', value: 'scan' }, file('empty.pdf', Buffer.alloc(0))],
      422,
      /empty/,
    ],
    [
      'a file name that climbs out of its folder',
      () => [{ name: 'kind', value: 'scan' }, file('../../../etc/cron.d/scan.pdf', tinyPng, 'image/png')],
      400,
      /plain name/,
    ],
    [
      'a file over the size limit',
      () => [
        { name: 'kind', value: 'scan' },
        file('huge.png', Buffer.concat([tinyPng, Buffer.alloc(1_200_000)]), 'image/png'),
      ],
      413,
      /larger than the limit of 1 MB/,
    ],
    [
      'a binary file named .txt',
      () => [{ name: 'kind', value: 'transcript' }, file('notes.txt', tinyPng)],
      422,
      /not a text file/,
    ],
  ];

  it.each(hostile)(
    'refuses %s with a clear 4xx and stores nothing',
    async (_name, parts, status, message) => {
      const filesBefore = storedFiles();
      const blobsBefore = await db().selectFrom('blobs').select('sha256').execute();
      const response = await upload(parts());
      expect(response.status).toBe(status);
      const html = await response.text();
      expect(html).toMatch(message);
      expect(html).toContain('class="error-summary"');
      expect(storedFiles()).toEqual(filesBefore);
      expect(await db().selectFrom('blobs').select('sha256').execute()).toEqual(blobsBefore);
      expect(await assetsOf()).toEqual([]);
    },
  );

  /** The body as a network delivers it: in small pieces, optionally cut off after `cutAfter` bytes. */
  function pieces(body: Buffer, size: number, cutAfter?: number): ReadableStream<Uint8Array> {
    let offset = 0;
    return new ReadableStream({
      pull(controller) {
        if (cutAfter !== undefined && offset >= cutAfter) {
          controller.error(new Error('connection reset'));
          return;
        }
        if (offset >= body.length) {
          controller.close();
          return;
        }
        controller.enqueue(new Uint8Array(body.subarray(offset, offset + size)));
        offset += size;
      },
    });
  }

  const streamed = (body: ReadableStream<Uint8Array>, contentType: string) =>
    client.request(`/admin/documents/${documentId}/assets`, {
      method: 'POST',
      body,
      headers: { 'content-type': contentType, origin: 'http://archive.test' },
      duplex: 'half',
    } as RequestInit);

  it('takes an upload that arrives in many small pieces, checking the token before the file', async () => {
    const png = Buffer.concat([tinyPng, Buffer.alloc(600_000, 7)]);
    const { body, contentType } = multipartBody([
      { name: '_csrf', value: client.lastCsrf! },
      { name: 'kind', value: 'scan' },
      file('pieces.png', png, 'image/png'),
    ]);
    const response = await streamed(pieces(body, 4096), contentType);
    expect(response.status).toBe(303);
    const [asset] = await assetsOf();
    expect(asset).toMatchObject({ kind: 'scan', mediaType: 'image/png', byteSize: png.length });
  });

  it('survives an upload cut off halfway, answering 400 and storing nothing', async () => {
    const filesBefore = storedFiles();
    const { body, contentType } = multipartBody([
      { name: '_csrf', value: client.lastCsrf! },
      { name: 'kind', value: 'scan' },
      file('cut.png', Buffer.concat([tinyPng, Buffer.alloc(600_000, 7)]), 'image/png'),
    ]);
    const response = await streamed(pieces(body, 4096, 200_000), contentType);
    expect(response.status).toBe(400);
    // Cut off before even the token arrived: refused as a forgery would be, not a server error.
    const early = await streamed(pieces(body, 16, 64), contentType);
    expect(early.status).toBe(403);
    expect(storedFiles()).toEqual(filesBefore);
    expect(await assetsOf()).toEqual([]);
  });

  it('answers refusals as JSON to scripts', async () => {
    const response = await upload([{ name: 'kind', value: 'scan' }, file('empty.pdf', Buffer.alloc(0))], {
      accept: 'application/json',
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: { code: 'uploads.invalid', message: 'The file is empty.' },
    });
  });

  it('refuses an upload without the CSRF token, or with the token after the file, before storing anything', async () => {
    const filesBefore = storedFiles();
    const pdf = await makePdf(1);
    expect((await upload([{ name: 'kind', value: 'scan' }, file('a.pdf', pdf)], { csrf: null })).status).toBe(
      403,
    );
    expect(
      (
        await upload(
          [{ name: 'kind', value: 'scan' }, file('a.pdf', pdf), { name: '_csrf', value: client.lastCsrf! }],
          { csrf: null },
        )
      ).status,
    ).toBe(403);
    expect(
      (await upload([{ name: 'kind', value: 'scan' }, file('a.pdf', pdf)], { csrf: 'not-the-token' })).status,
    ).toBe(403);
    expect(storedFiles()).toEqual(filesBefore);
    expect(await assetsOf()).toEqual([]);
  });

  it('refuses uploads to a document the person may not change, without reading the file', async () => {
    const published = (
      await saveDocument(context.container.database, documentRecordSchema.parse({ title: 'Published' }), [])
    ).id;
    const filesBefore = storedFiles();
    const response = await upload([{ name: 'kind', value: 'scan' }, file('a.png', tinyPng)], {
      id: published,
    });
    expect(response.status).toBe(403);
    expect(
      (await upload([{ name: 'kind', value: 'scan' }, file('a.png', tinyPng)], { id: 999_999 })).status,
    ).toBe(404);
    expect(storedFiles()).toEqual(filesBefore);
  });
});
