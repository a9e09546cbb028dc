import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { clientWithSession, createStaff, type TestClient } from '../accounts/accounts.test-support.ts';
import { huangZhenRecord, saveFixture } from '../documents/documents.pages.fixtures.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import { createAlignmentRepository } from './alignment.repository.ts';

describe.each(databaseKinds())('editing a paragraph alignment in the workspace on %s', (kind) => {
  let context: TestContext;
  let editor: TestClient;
  let documentId: number;
  let translationId: number;
  let address: string;

  beforeAll(async () => {
    context = await createTestContext(kind);
    editor = await clientWithSession(
      context,
      (await createStaff(context, 'editor@example.org', 'editor')).id,
    );
    documentId = await saveFixture(
      context,
      huangZhenRecord({
        externalId: 'fixture/alignment-editor',
        assets: [
          { kind: 'transcript', language: 'zh', html: '<p>一</p><p>二</p><p>三</p>' },
          { kind: 'translation', language: 'en', html: '<p>One and two.</p><p>Three.</p><p>A note.</p>' },
        ],
      }),
    );
    const document = (await createDocumentsRepository({ db: context.container.database.db }).findById(
      documentId,
    ))!;
    translationId = document.assets.find((a) => a.kind === 'translation')!.id;
    address = `/admin/documents/${documentId}/alignment/${translationId}`;
  });
  afterAll(async () => {
    await context?.dispose();
  });

  const storedPairs = async () =>
    (await createAlignmentRepository({ db: context.container.database.db }).forDocument(documentId)).get(
      translationId,
    )?.pairs;

  it('lists paragraph order as the pairs until some are stored, with what each pair reads', async () => {
    const response = await editor.get(address);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Nothing is stored yet');
    expect(html).toMatch(/name="pairs.0.original"[^>]*value="1"|value="1"[^>]*name="pairs.0.original"/);
    expect(html).toContain('One and two.');
    // The editor's form for the document links here.
    expect(await (await editor.get(`/admin/documents/${documentId}/edit`)).text()).toContain(address);
  });

  it('saves valid pairs, which the public reader then follows', async () => {
    await editor.get(address);
    const response = await editor.post(address, {
      baseRevision: '999999',
      'pairs.0.original': '1-2',
      'pairs.0.translation': '1',
      'pairs.1.original': '3',
      'pairs.1.translation': '2',
      'pairs.2.original': '',
      'pairs.2.translation': '3',
      'pairs.3.original': '',
      'pairs.3.translation': '',
    });
    expect(response.status).toBe(303);
    expect(await storedPairs()).toEqual([
      { original: [1, 2], translation: [1] },
      { original: [3], translation: [2] },
      { original: [], translation: [3] },
    ]);
    const page = await (await context.app.request(`/documents/${documentId}?view=side-by-side`)).text();
    expect(page).toContain('Paragraphs are aligned as the editors matched them.');
    expect((await editor.get(address)).status).toBe(200);
  });

  it('refuses unreadable, out-of-order and missing paragraphs with a message naming the pair, storing nothing', async () => {
    const before = await storedPairs();
    for (const [fields, message] of [
      [
        { 'pairs.0.original': 'one', 'pairs.0.translation': '1' },
        'Pair 1: “one” is not a paragraph number or span',
      ],
      [
        {
          'pairs.0.original': '2',
          'pairs.0.translation': '1',
          'pairs.1.original': '1',
          'pairs.1.translation': '2',
        },
        'Pair 2: original paragraph 1 comes after paragraph 2',
      ],
      [
        { 'pairs.0.original': '1', 'pairs.0.translation': '7' },
        'Pair 1: the translation has 3 paragraphs; there is no paragraph 7',
      ],
      [
        { 'pairs.0.original': '1, 3', 'pairs.0.translation': '1' },
        'Pair 1: the original paragraphs must be consecutive',
      ],
    ] as const) {
      await editor.get(address);
      const response = await editor.post(address, { baseRevision: '999999', ...fields });
      expect(response.status, message).toBe(422);
      const html = await response.text();
      expect(html).toContain(message);
      expect(html).toContain('There is a problem');
    }
    expect(await storedPairs()).toEqual(before);
  });

  it('refuses a save over a newer revision, and a form without its CSRF token', async () => {
    const before = await storedPairs();
    await editor.get(address);
    const stale = await editor.post(address, {
      baseRevision: '0',
      'pairs.0.original': '1',
      'pairs.0.translation': '1',
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Someone else saved this document');
    const forged = await editor.post(address, { _csrf: 'forged', baseRevision: '999999', action: 'reset' });
    expect(forged.status).toBe(403);
    expect(await storedPairs()).toEqual(before);
  });

  it('forgets the pairs on request, and answers 404 for what is not a translation', async () => {
    await editor.get(address);
    const response = await editor.post(address, { baseRevision: '999999', action: 'reset' });
    expect(response.status).toBe(303);
    expect(await storedPairs()).toBeUndefined();
    for (const path of ['999999', 'abc', String(translationId - 1)]) {
      expect((await editor.get(`/admin/documents/${documentId}/alignment/${path}`)).status, path).toBe(404);
    }
    expect((await editor.get(`/admin/documents/0/alignment/${translationId}`)).status).toBe(404);
  });
});
