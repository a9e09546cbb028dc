import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { clientWithSession, createStaff, type TestClient } from '../accounts/accounts.test-support.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import { type DocumentRecordInput, documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';

describe.each(databaseKinds())('the document editor on %s', (kind) => {
  let context: TestContext;
  let contributor: TestClient;
  let editor: TestClient;
  let editorId: number;
  let contributorId: number;

  beforeAll(async () => {
    context = await createTestContext(kind);
    contributorId = (await createStaff(context, 'contributor@example.org', 'contributor')).id;
    editorId = (await createStaff(context, 'editor@example.org', 'editor')).id;
    contributor = await clientWithSession(context, contributorId);
    editor = await clientWithSession(context, editorId);
  });
  afterAll(async () => {
    await context.dispose();
  });

  const db = () => context.container.database.db;
  const documents = () => createDocumentsRepository({ db: db() });
  const save = async (fields: Partial<DocumentRecordInput>) =>
    (
      await saveDocument(
        context.container.database,
        documentRecordSchema.parse({ title: 'Untitled', ...fields }),
        [],
      )
    ).id;
  const countDocuments = async () => documents().countAll();
  const latestRevision = async (id: number) =>
    Number(
      (
        await db()
          .selectFrom('document_revisions')
          .select((eb) => eb.fn.max('number').as('n'))
          .where('document_id', '=', id)
          .executeTakeFirst()
      )?.n ?? 0,
    );

  it('creates a draft with every part of the record from the form, matching and creating authorities', async () => {
    const existingPerson = await save({
      title: 'An earlier cable',
      agents: [{ name: 'Mesyatsev, Nikolai', variants: ['Месяцев'], role: 'author' }],
    });
    const related = await save({ title: 'A published neighbour', externalId: 'neighbour/1' });
    await contributor.get('/admin/documents/new');
    const response = await contributor.post('/admin/documents', {
      title: 'Record of a conversation with the Soviet chargé d’affaires',
      subtitle: 'On the border incidents',
      externalId: 'mfa/118-01767-01',
      type: 'minutes',
      classifications: 'Secret\nUrgent',
      languages: 'zh, rus',
      dateStart: '1962-08-09',
      dateTime: '18:00',
      placeOfOrigin: 'Beijing',
      summary: 'Zhang Wenjin receives the chargé d’affaires.',
      'agents.0.name': 'Месяцев',
      'agents.0.kind': 'person',
      'agents.0.role': 'recipient',
      'agents.1.name': 'Zhang Wenjin',
      'agents.1.kind': 'person',
      'agents.1.role': 'author',
      'agents.2.name': '',
      'places.0.name': 'Xinjiang',
      'subjects.0.name': 'Border incidents',
      'collections.0.name': 'Sino-Soviet border',
      'funders.0.name': 'A research foundation',
      'repository.name': 'Archive of the Foreign Ministry',
      archivalReference: '118-01767-01, 1-6',
      'credits.0.role': 'translator',
      'credits.0.name': 'David Cowhig',
      'related.0.ref': 'neighbour/1',
      'newText.0.kind': 'translation',
      'newText.0.language': 'en',
      'newText.0.format': 'markdown',
      'newText.0.text': '**Zhang:** We have received the note.',
      note: 'First entry from the paper file',
    });
    expect(response.status).toBe(303);
    const id = Number(
      /\/admin\/documents\/(\d+)\/edit\?done=created/.exec(response.headers.get('location')!)![1],
    );
    const stored = (await documents().findById(id))!;
    expect(stored).toMatchObject({
      status: 'draft',
      externalId: 'mfa/118-01767-01',
      type: 'minutes',
      classifications: ['Secret', 'Urgent'],
      languages: ['zh', 'ru'],
      date: { start: '1962-08-09', end: '1962-08-09', precision: 'day', circa: false, time: '18:00' },
      archivalReference: '118-01767-01, 1-6',
      credits: [{ role: 'translator', name: 'David Cowhig' }],
    });
    // The Cyrillic form found the person already known under a Latin name.
    expect(stored.agents.map((a) => [a.name, a.role])).toEqual([
      ['Mesyatsev, Nikolai', 'recipient'],
      ['Zhang Wenjin', 'author'],
    ]);
    const earlier = (await documents().findById(existingPerson))!;
    expect(stored.agents[0]!.id).toBe(earlier.agents[0]!.id);
    expect(stored.places.map((p) => p.name)).toEqual(['Xinjiang']);
    expect(stored.collections.map((p) => p.name)).toEqual(['Sino-Soviet border']);
    expect(stored.repository?.name).toBe('Archive of the Foreign Ministry');
    expect(stored.related.map((d) => d.id)).toEqual([related]);
    expect(stored.assets).toHaveLength(1);
    expect(stored.assets[0]).toMatchObject({ kind: 'translation', language: 'en' });
    expect(stored.assets[0]!.html).toContain('<strong>Zhang:</strong>');

    const revision = await db()
      .selectFrom('document_revisions')
      .selectAll()
      .where('document_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(revision).toMatchObject({ number: 1, action: 'created', author_label: 'contributor@example.org' });
    expect(revision.note).toBe('First entry from the paper file');
    const audit = await db()
      .selectFrom('audit_events')
      .select(['action', 'actor_label'])
      .where('target_type', '=', 'document')
      .where('target_id', '=', String(id))
      .execute();
    expect(audit).toEqual([{ action: 'document.created', actor_label: 'contributor@example.org' }]);

    const page = await contributor.get(`/admin/documents/${id}/edit?done=created`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('value="Record of a conversation with the Soviet chargé d’affaires"');
    expect(html).toContain('value="1962-08-09"');
    expect(html).toContain('Submit for review');
  });

  it('shows every error next to its field and in a summary that links to it, keeping all that was typed', async () => {
    const before = await countDocuments();
    await contributor.get('/admin/documents/new');
    const response = await contributor.post('/admin/documents', {
      title: '   ',
      summary: 'A summary that must survive the round trip',
      dateStart: '1962-02-30',
      languages: 'zh, not-a-language!',
      'agents.0.name': 'Someone Typed',
      'related.0.ref': '999999',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('class="error-summary"');
    for (const field of ['title', 'dateStart', 'languages']) {
      expect(html).toContain(`href="#${field}"`);
      expect(html).toContain(`id="${field}-error"`);
    }
    expect(html).toContain('A summary that must survive the round trip');
    expect(html).toContain('value="Someone Typed"');
    expect(html).toContain('value="1962-02-30"');
    expect(await countDocuments()).toBe(before);

    // With the record valid, the missing related document is the one remaining error.
    const second = await contributor.post('/admin/documents', {
      title: 'Valid now',
      'related.0.ref': '',
      'related.1.ref': '999999',
    });
    expect(second.status).toBe(422);
    const secondHtml = await second.text();
    expect(secondHtml).toContain('href="#related-1-ref"');
    expect(secondHtml).toContain('no document with record ID 999999');
    expect(await countDocuments()).toBe(before);
  });

  it('keeps a picked authority while its name is unchanged, and matches or creates by name once it is edited', async () => {
    const id = await save({
      title: 'Picked names',
      status: 'draft',
      subjects: [{ name: 'Trade' }],
    });
    const page = await (await contributor.get(`/admin/documents/${id}/edit`)).text();
    const subjectId = /name="subjects\.0\.id" value="(\d+)"/.exec(page)![1]!;
    const baseRevision = /name="baseRevision" value="(\d+)"/.exec(page)![1]!;
    const response = await contributor.post(`/admin/documents/${id}`, {
      baseRevision,
      title: 'Picked names',
      'subjects.0.name': 'Trade',
      'subjects.0.id': subjectId,
      'subjects.0.idName': 'Trade',
      'subjects.1.name': 'Consular affairs',
      'subjects.1.id': subjectId,
      'subjects.1.idName': 'Trade',
    });
    expect(response.status).toBe(303);
    const stored = (await documents().findById(id))!;
    expect(stored.subjects.map((s) => s.name)).toEqual(['Trade', 'Consular affairs']);
    expect(String(stored.subjects[0]!.id)).toBe(subjectId);
    expect(stored.subjects[1]!.id).not.toBe(stored.subjects[0]!.id);
    // The edited row did not rename the picked record or give it the new name as a variant.
    expect(stored.subjects[0]!.variants).toEqual([]);
  });

  it('refuses to overwrite a save made after the form was opened, and keeps the form as typed', async () => {
    const id = await save({ title: 'Contested', status: 'draft' });
    const page = await (await contributor.get(`/admin/documents/${id}/edit`)).text();
    const baseRevision = /name="baseRevision" value="(\d+)"/.exec(page)![1]!;
    const first = await editor.post(`/admin/documents/${id}`, {
      baseRevision,
      title: 'Contested — editor’s version',
    });
    expect(first.status).toBe(303);
    const second = await contributor.post(`/admin/documents/${id}`, {
      baseRevision,
      title: 'Contested — my version',
    });
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain('Someone else saved this document after you opened it');
    expect(html).toContain('value="Contested — my version"');
    expect((await documents().findById(id))!.title).toBe('Contested — editor’s version');
    // Sending again after the warning is a deliberate overwrite.
    const latest = /name="baseRevision" value="(\d+)"/.exec(html)![1]!;
    expect(Number(latest)).toBe(await latestRevision(id));
    expect(
      (
        await contributor.post(`/admin/documents/${id}`, {
          baseRevision: latest,
          title: 'Contested — my version',
        })
      ).status,
    ).toBe(303);
  });

  it('lets contributors change drafts only, and editors published documents too', async () => {
    const id = await save({ title: 'Already public' });
    const revision = String(await latestRevision(id));
    const refused = await contributor.post(`/admin/documents/${id}`, {
      baseRevision: revision,
      title: 'Changed',
    });
    expect(refused.status).toBe(403);
    expect((await documents().findById(id))!.title).toBe('Already public');
    expect(await (await contributor.get(`/admin/documents/${id}/edit`)).text()).toContain(
      'only editors change it now',
    );
    const allowed = await editor.post(`/admin/documents/${id}`, {
      baseRevision: revision,
      title: 'Changed by an editor',
    });
    expect(allowed.status).toBe(303);
    const stored = (await documents().findById(id))!;
    expect(stored).toMatchObject({ title: 'Changed by an editor', status: 'published' });
  });

  it('adds blank rows without saving when asked, for browsers without scripts', async () => {
    const before = await countDocuments();
    const response = await contributor.post('/admin/documents', { title: 'Many people', _more: 'agents' });
    expect(response.status).toBe(200);
    const html = await response.text();
    // Two spare rows plus three more.
    expect(html).toContain('name="agents.4.name"');
    expect(html).not.toContain('name="agents.5.name"');
    expect(html).toContain('value="Many people"');
    expect(await countDocuments()).toBe(before);
  });

  it('suggests authorities known only from drafts to staff, and answers 401 without a session', async () => {
    await save({
      title: 'Draft only',
      status: 'draft',
      agents: [{ name: 'Pan Zili', variants: ['潘自力'] }],
    });
    const response = await contributor.request('/admin/api/authorities?kind=person&q=%E6%BD%98');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { suggestions: { name: string; matched: string | null }[] };
    expect(body.suggestions).toEqual([expect.objectContaining({ name: 'Pan Zili', matched: '潘自力' })]);
    expect((await context.app.request('/admin/api/authorities?kind=person&q=pan')).status).toBe(401);
    expect((await contributor.request('/admin/api/authorities?kind=nonsense&q=pan')).status).toBe(400);
    const docs = (await (await contributor.request('/admin/api/documents?q=draft%20only')).json()) as {
      suggestions: { title: string; status: string }[];
    };
    expect(docs.suggestions).toEqual([expect.objectContaining({ title: 'Draft only', status: 'draft' })]);
  });

  it('applies bulk actions document by document and reports each result', async () => {
    const a = await save({ title: 'Bulk one', status: 'in_review' });
    const b = await save({ title: 'Bulk two', status: 'withdrawn' });
    const collection = await save({
      title: 'Holds the collection',
      status: 'draft',
      collections: ['Korean War'],
    });
    const collectionId = (await documents().findById(collection))!.collections[0]!.id;
    const post = (client: TestClient, fields: [string, string][]) =>
      client.request('/admin/documents/bulk', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://archive.test' },
        body: new URLSearchParams([['_csrf', client.lastCsrf!], ...fields]).toString(),
      });

    const published = await post(editor, [
      ['action', 'publish'],
      ['ids', String(a)],
      ['ids', String(b)],
      ['ids', '999999'],
    ]);
    expect(published.status).toBe(200);
    const html = await published.text();
    expect(html).toContain('1 of 3 done');
    expect(html).toContain('There is no such document.');
    expect((await documents().findById(a))!.status).toBe('published');
    expect((await documents().findById(b))!.status).toBe('withdrawn');

    const c = await save({ title: 'Bulk three', status: 'draft' });
    const refused = await post(contributor, [
      ['action', 'publish'],
      ['ids', String(c)],
    ]);
    expect(await refused.text()).toContain('0 of 1 done');
    expect((await documents().findById(c))!.status).toBe('draft');

    const added = await post(contributor, [
      ['action', 'collection'],
      ['collection', String(collectionId)],
      ['ids', String(c)],
      ['ids', String(a)],
    ]);
    const addedHtml = await added.text();
    expect(addedHtml).toContain('1 of 2 done');
    expect((await documents().findById(c))!.collections.map((x) => x.name)).toEqual(['Korean War']);
    expect((await documents().findById(a))!.collections).toEqual([]);
  });

  it('keeps long texts out of the main form and edits them on their own page', async () => {
    const long = `<p>${'A very long translated paragraph. '.repeat(4000)}</p>`;
    const { id } = await saveDocument(
      context.container.database,
      documentRecordSchema.parse({ title: 'With a long translation', status: 'draft' }),
      [
        {
          kind: 'translation',
          language: 'en',
          label: null,
          translator: null,
          html: long,
          blobSha256: null,
          fileName: null,
          mediaType: null,
          pageCount: null,
          blob: null,
        },
      ],
    );
    const assetId = (await documents().findById(id))!.assets[0]!.id;
    const page = await (await contributor.get(`/admin/documents/${id}/edit`)).text();
    expect(page).not.toContain('name="assets.0.html"');
    expect(page).toContain(`href="/admin/documents/${id}/texts/${assetId}"`);
    const baseRevision = /name="baseRevision" value="(\d+)"/.exec(page)![1]!;
    expect(
      (
        await contributor.post(`/admin/documents/${id}`, {
          baseRevision,
          title: 'Retitled',
          'assets.0.key': String(assetId),
        })
      ).status,
    ).toBe(303);
    expect((await documents().findById(id))!.assets[0]!.html).toBe(long);

    const textPage = await (await contributor.get(`/admin/documents/${id}/texts/${assetId}`)).text();
    const textRevision = /name="baseRevision" value="(\d+)"/.exec(textPage)![1]!;
    const saved = await contributor.post(`/admin/documents/${id}/texts/${assetId}`, {
      baseRevision: textRevision,
      format: 'markdown',
      text: 'A *shorter* translation.',
    });
    expect(saved.status).toBe(303);
    const stored = (await documents().findById(id))!;
    expect(stored.assets[0]).toMatchObject({ id: assetId, html: '<p>A <em>shorter</em> translation.</p>' });
    expect(stored.title).toBe('Retitled');
    const stale = await contributor.post(`/admin/documents/${id}/texts/${assetId}`, {
      baseRevision: textRevision,
      text: 'Old tab',
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Old tab');
    expect((await contributor.get(`/admin/documents/${id}/texts/999999`)).status).toBe(404);
  });

  it('refuses a form without its CSRF token and creates nothing', async () => {
    const before = await countDocuments();
    const response = await contributor.post('/admin/documents', { _csrf: 'forged', title: 'Forged' });
    expect(response.status).toBe(403);
    const crossSite = await contributor.post(
      '/admin/documents',
      { title: 'Forged' },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    expect(await countDocuments()).toBe(before);

    const id = await save({ title: 'Waiting for review', status: 'in_review' });
    const forgedPublish = await editor.post(`/admin/documents/${id}/workflow`, {
      _csrf: 'forged',
      action: 'publish',
    });
    expect(forgedPublish.status).toBe(403);
    const forgedSave = await editor.post(`/admin/documents/${id}`, { _csrf: '', title: 'Forged title' });
    expect(forgedSave.status).toBe(403);
    expect((await documents().findById(id))!).toMatchObject({
      status: 'in_review',
      title: 'Waiting for review',
    });
  });

  it('moves a document through the workflow from its page, showing problems beside the form', async () => {
    const id = await save({ title: 'To be scheduled', status: 'in_review' });
    await editor.get(`/admin/documents/${id}/edit`);
    const past = await editor.post(`/admin/documents/${id}/workflow`, {
      action: 'schedule',
      scheduledFor: '2001-01-01T09:00',
    });
    expect(past.status).toBe(422);
    const html = await past.text();
    expect(html).toContain('href="#scheduledFor"');
    expect(html).toContain('The publication time must be in the future.');
    const scheduled = await editor.post(`/admin/documents/${id}/workflow`, {
      action: 'schedule',
      scheduledFor: '2099-03-01T09:30',
    });
    expect(scheduled.headers.get('location')).toBe(`/admin/documents/${id}/edit?done=scheduled`);
    expect((await documents().findById(id))!).toMatchObject({
      status: 'scheduled',
      scheduledFor: '2099-03-01T09:30:00.000Z',
    });
    const refused = await contributor.post(`/admin/documents/${id}/workflow`, { action: 'publish' });
    expect(refused.status).toBe(403);
    expect((await editor.post(`/admin/documents/${id}/workflow`, { action: 'publish' })).status).toBe(303);
    expect((await documents().findById(id))!.status).toBe('published');
  });
});
