import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { clientWithSession, createStaff, type TestClient } from '../accounts/accounts.test-support.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import { type DocumentRecordInput, documentRecordSchema } from '../documents/documents.schemas.ts';
import { type PreparedAsset, saveDocument } from '../documents/documents.usecases.ts';
import { makePdf } from '../import-export/import-export.fixtures.ts';
import { compareSnapshots, diffWords } from './revisions.diff.ts';
import { createRevisionsRepository } from './revisions.repository.ts';
import { parseSnapshot } from './revisions.snapshot.ts';

describe('word-level differences', () => {
  it('marks changed words in English and in Chinese written without spaces', () => {
    expect(diffWords('We have received the note.', 'We have rejected the note.')).toEqual([
      { text: 'We have ', change: 'same' },
      { text: 'received', change: 'removed' },
      { text: 'rejected', change: 'added' },
      { text: ' the note.', change: 'same' },
    ]);
    const chinese = diffWords('我们收到了这个声明。', '我们拒绝了这个声明。')!;
    expect(
      chinese
        .filter((w) => w.change !== 'same')
        .map((w) => w.text)
        .join('|'),
    ).toMatch(/收到.*\|.*拒绝/);
    expect(chinese.find((w) => w.change === 'same')?.text).toBe('我们');
  });
});

describe.each(databaseKinds())('revisions of a document on %s', (kind) => {
  let context: TestContext;
  let contributor: TestClient;
  let editor: TestClient;

  beforeAll(async () => {
    context = await createTestContext(kind);
    contributor = await clientWithSession(
      context,
      (await createStaff(context, 'c@example.org', 'contributor')).id,
    );
    editor = await clientWithSession(context, (await createStaff(context, 'e@example.org', 'editor')).id);
  });
  afterAll(async () => {
    await context.dispose();
  });

  const deps = () => context.container.database;
  const text = (html: string): PreparedAsset => ({
    kind: 'translation',
    language: 'en',
    label: null,
    translator: 'A. Translator',
    html,
    blobSha256: null,
    fileName: null,
    mediaType: null,
    pageCount: null,
    blob: null,
  });
  const record = (fields: Partial<DocumentRecordInput>) =>
    documentRecordSchema.parse({ externalId: 'rev/1', title: 'Conversation with Pan Zili', ...fields });

  async function documentWithHistory(status: 'draft' | 'published') {
    const pdf = await makePdf(1, 'original');
    const blob = await context.container.storage.put(pdf);
    const scan: PreparedAsset = {
      kind: 'scan',
      language: 'zh',
      label: null,
      translator: null,
      html: null,
      blobSha256: blob.sha256,
      fileName: 'original.pdf',
      mediaType: 'application/pdf',
      pageCount: 1,
      blob: { ...blob, mediaType: 'application/pdf' },
    };
    const externalId = `rev/${Math.random().toString(36).slice(2)}`;
    const first = record({
      externalId,
      status,
      date: '1962-08',
      agents: [{ name: 'Pan Zili', role: 'participant' }],
      subjects: ['Consular affairs'],
    });
    const { id } = await saveDocument(deps(), first, [scan, text('<p>We have received the note.</p>')]);
    await saveDocument(
      deps(),
      record({
        externalId,
        status,
        title: 'Conversation with Ambassador Pan Zili',
        date: '1962-08-09',
        subjects: ['Trade'],
      }),
      [text('<p>We have rejected the note.</p>')],
      { missingLinks: 'error', revision: { author: { id: null, label: 'e@example.org' }, action: 'edited' } },
    );
    return id;
  }

  it('lists every save with its author and compares two revisions field by field, with the text diffed by word', async () => {
    const id = await documentWithHistory('draft');
    const list = await contributor.get(`/admin/documents/${id}/revisions`);
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain('e@example.org');
    expect(listHtml).toContain(`href="/admin/documents/${id}/revisions/1"`);

    const compare = await contributor.get(`/admin/documents/${id}/revisions/compare?from=1&to=2`);
    expect(compare.status).toBe(200);
    const html = await compare.text();
    expect(html).toContain('Conversation with Pan Zili');
    expect(html).toContain('Conversation with Ambassador Pan Zili');
    expect(html).toContain('<del>received</del>');
    expect(html).toContain('<ins>rejected</ins>');
    expect(html).toContain('Consular affairs');
    expect(html).toContain('Scan 1 (zh): details');

    const one = await contributor.get(`/admin/documents/${id}/revisions/1`);
    const oneHtml = await one.text();
    expect(oneHtml).toContain('We have received the note.');
    expect(oneHtml).toContain('Restore this revision');
    expect((await contributor.get(`/admin/documents/${id}/revisions/99`)).status).toBe(404);
    expect((await contributor.get(`/admin/documents/${id}/revisions/compare?from=1&to=abc`)).status).toBe(
      404,
    );
  });

  it('restores an earlier revision as a new one, giving back exactly its content, files included', async () => {
    const id = await documentWithHistory('draft');
    const response = await contributor.post(`/admin/documents/${id}/revisions/1/restore`);
    expect(response.status).toBe(303);
    const revisions = createRevisionsRepository({ db: deps().db });
    const [latest] = await revisions.list(id);
    expect(latest).toMatchObject({ number: 3, action: 'restored', author_label: 'c@example.org' });
    const first = parseSnapshot((await revisions.find(id, 1))!.snapshot);
    const restored = parseSnapshot((await revisions.find(id, 3))!.snapshot);
    expect(compareSnapshots(first, restored)).toEqual([]);
    const document = (await createDocumentsRepository({ db: deps().db }).findById(id))!;
    expect(document.title).toBe('Conversation with Pan Zili');
    expect(document.assets.map((a) => a.kind)).toEqual(['scan', 'translation']);
    const audit = await deps()
      .db.selectFrom('audit_events')
      .select(['action', 'details'])
      .where('target_type', '=', 'document')
      .where('target_id', '=', String(id))
      .execute();
    expect(audit).toEqual([{ action: 'document.restored', details: JSON.stringify({ revision: 1 }) }]);
  });

  it('keeps the status when restoring, and lets only editors restore a published document', async () => {
    const id = await documentWithHistory('published');
    expect((await contributor.post(`/admin/documents/${id}/revisions/1/restore`)).status).toBe(403);
    expect((await editor.post(`/admin/documents/${id}/revisions/1/restore`)).status).toBe(303);
    const document = (await createDocumentsRepository({ db: deps().db }).findById(id))!;
    expect(document).toMatchObject({ status: 'published', title: 'Conversation with Pan Zili' });
    expect((await context.app.request(`/documents/${id}`)).status).toBe(200);
  });
});
