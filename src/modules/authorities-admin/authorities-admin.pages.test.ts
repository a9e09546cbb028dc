import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { clientWithSession, createStaff, type TestClient } from '../accounts/accounts.test-support.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import { type DocumentRecordInput, documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';

describe.each(databaseKinds())('managing authorities on %s', (kind) => {
  let context: TestContext;
  let editor: TestClient;
  let contributor: TestClient;

  beforeAll(async () => {
    context = await createTestContext(kind);
    editor = await clientWithSession(
      context,
      (await createStaff(context, 'editor@example.org', 'editor')).id,
    );
    contributor = await clientWithSession(
      context,
      (await createStaff(context, 'c@example.org', 'contributor')).id,
    );
  });
  afterAll(async () => {
    await context.dispose();
  });

  const db = () => context.container.database.db;
  const save = async (fields: Partial<DocumentRecordInput>) =>
    (
      await saveDocument(
        context.container.database,
        documentRecordSchema.parse({ title: 'Untitled', ...fields }),
        [],
      )
    ).id;
  const idOf = async (authorityKind: 'person' | 'place' | 'collection' | 'repository', name: string) =>
    (await createAuthoritiesRepository({ db: db() }).findIdByName(authorityKind, name))!;

  it('merges a misspelt duplicate into the right record: links, names, sub-places, archive, search and old address', async () => {
    const both = await save({
      title: 'Conversation naming him twice',
      agents: [
        { name: 'Mesyatsev, Nikolai', variants: ['Месяцев'], role: 'recipient' },
        { name: 'Mesyastev', variants: ['N. Mesyastev'], role: 'recipient' },
      ],
    });
    const misspelt = await save({
      title: 'Cable from the misspelt ambassador',
      agents: [{ name: 'Mesyastev', role: 'author' }],
      places: [{ name: 'Khorgos', parent: 'Yili' }],
      repository: 'Foreign Ministry Archive (misspelt)',
    });
    const draft = await save({
      title: 'A draft about him',
      status: 'draft',
      agents: [{ name: 'Mesyastev', role: 'mentioned' }],
    });
    await save({
      title: 'Held by the right archive',
      repository: 'Foreign Ministry Archive',
      places: ['Ili'],
    });
    const survivor = await idOf('person', 'Mesyatsev, Nikolai');
    const duplicate = await idOf('person', 'Mesyastev');

    await editor.get(`/admin/authorities/${duplicate}`);
    const response = await editor.post(`/admin/authorities/${duplicate}/merge`, { into: 'Месяцев' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/authorities/${survivor}?done=merged`);

    const documents = createDocumentsRepository({ db: db() });
    expect((await documents.findById(both))!.agents.map((a) => [a.id, a.role])).toEqual([
      [survivor, 'recipient'],
    ]);
    expect((await documents.findById(misspelt))!.agents.map((a) => [a.id, a.role])).toEqual([
      [survivor, 'author'],
    ]);
    expect((await documents.findById(draft))!.agents.map((a) => a.id)).toEqual([survivor]);
    const person = (await createAuthoritiesRepository({ db: db() }).findById(survivor))!;
    expect(person.variants.map((v) => v.name)).toEqual(['Месяцев', 'Mesyastev', 'N. Mesyastev']);
    expect(await createAuthoritiesRepository({ db: db() }).findById(duplicate)).toBeUndefined();
    expect(
      await db()
        .selectFrom('document_authorities')
        .select('document_id')
        .where('authority_id', '=', duplicate)
        .execute(),
    ).toEqual([]);

    // The old public address leads to the survivor, permanently.
    const old = await context.app.request(`/people/${duplicate}`);
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe(`/people/${survivor}`);
    const page = await (await context.app.request(`/people/${survivor}`)).text();
    expect(page).toContain('Cable from the misspelt ambassador');
    expect(page).not.toContain('A draft about him');

    // Search finds the survivor's documents under the merged name, and facets count the survivor only.
    const search = (await (await context.app.request('/api/v1/search?q=Mesyastev')).json()) as {
      hits: { id: number }[];
    };
    expect(search.hits.map((h) => h.id).sort()).toEqual([both, misspelt].sort());
    const facets = await db()
      .selectFrom('search_facets')
      .select('value')
      .where('value', '=', String(duplicate))
      .execute();
    expect(facets).toEqual([]);

    const revisions = await db()
      .selectFrom('document_revisions')
      .select(['document_id', 'action'])
      .where('action', '=', 'authority merged')
      .orderBy('document_id')
      .execute();
    expect(revisions.map((r) => r.document_id)).toEqual([both, misspelt, draft].sort((a, b) => a - b));
    const audit = await db()
      .selectFrom('audit_events')
      .select(['action', 'target_id', 'details'])
      .where('action', '=', 'authority.merged')
      .executeTakeFirstOrThrow();
    expect(audit.target_id).toBe(String(survivor));
    expect(JSON.parse(audit.details!)).toMatchObject({
      merged: duplicate,
      mergedName: 'Mesyastev',
      documents: 3,
    });

    // Places: the sub-place moves to the survivor; archives: the holding document moves too.
    const yili = await idOf('place', 'Yili');
    const ili = await idOf('place', 'Ili');
    expect((await editor.post(`/admin/authorities/${yili}/merge`, { into: String(ili) })).status).toBe(303);
    const khorgos = (await createAuthoritiesRepository({ db: db() }).findById(
      await idOf('place', 'Khorgos'),
    ))!;
    expect(khorgos.parentId).toBe(ili);
    const wrongArchive = await idOf('repository', 'Foreign Ministry Archive (misspelt)');
    const rightArchive = await idOf('repository', 'Foreign Ministry Archive');
    expect(
      (await editor.post(`/admin/authorities/${wrongArchive}/merge`, { into: String(rightArchive) })).status,
    ).toBe(303);
    expect((await documents.findById(misspelt))!.repository?.id).toBe(rightArchive);

    // An old workspace link leads to the survivor as well.
    const staffOld = await editor.get(`/admin/authorities/${duplicate}`);
    expect(staffOld.status).toBe(303);
    expect(staffOld.headers.get('location')).toBe(`/admin/authorities/${survivor}?done=moved`);
  });

  it('redirects a merged collection’s address by its slug, but never to a collection the public cannot see', async () => {
    await save({ title: 'In the old collection', collections: ['Korean War documents'] });
    await save({
      title: 'Draft in a secret collection',
      status: 'draft',
      collections: ['Unannounced series'],
    });
    await save({
      title: 'Draft in a second secret collection',
      status: 'draft',
      collections: ['Unannounced series two'],
    });
    await save({ title: 'In the right collection', collections: ['Korean War'] });
    const old = (await createAuthoritiesRepository({ db: db() }).findById(
      await idOf('collection', 'Korean War documents'),
    ))!;
    const right = (await createAuthoritiesRepository({ db: db() }).findById(
      await idOf('collection', 'Korean War'),
    ))!;
    expect((await editor.post(`/admin/authorities/${old.id}/merge`, { into: String(right.id) })).status).toBe(
      303,
    );
    const response = await context.app.request(`/collections/${old.slug}`);
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`/collections/${right.slug}`);

    const secret = (await createAuthoritiesRepository({ db: db() }).findById(
      await idOf('collection', 'Unannounced series two'),
    ))!;
    const survivor = await idOf('collection', 'Unannounced series');
    expect(
      (await editor.post(`/admin/authorities/${secret.id}/merge`, { into: String(survivor) })).status,
    ).toBe(303);
    const hidden = await context.app.request(`/collections/${secret.slug}`);
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).not.toContain('unannounced-series');
  });

  it('refuses merging into itself or into another kind, changing nothing', async () => {
    await save({
      title: 'Two kinds',
      agents: [{ name: 'Pan Zili', role: 'author' }],
      places: ['Pan Zili Street'],
    });
    const person = await idOf('person', 'Pan Zili');
    const place = await idOf('place', 'Pan Zili Street');
    const self = await editor.post(`/admin/authorities/${person}/merge`, { into: String(person) });
    expect(self.status).toBe(422);
    const other = await editor.post(`/admin/authorities/${person}/merge`, { into: String(place) });
    expect(other.status).toBe(422);
    expect(await other.text()).toContain('is a place, not a person');
    const missing = await editor.post(`/admin/authorities/${person}/merge`, { into: 'Nobody At All' });
    expect(missing.status).toBe(422);
    expect(await createAuthoritiesRepository({ db: db() }).findById(person)).toBeDefined();
  });

  it('creates and edits records, keeping a former name, and refuses duplicates and parent loops', async () => {
    await editor.get('/admin/authorities/new?kind=place');
    const created = await editor.post('/admin/authorities', {
      kind: 'place',
      name: 'Xinjiang',
      variants: '新疆 | zh\nSinkiang',
      note: 'Autonomous region since 1955.',
    });
    expect(created.status).toBe(303);
    const xinjiang = await idOf('place', 'Xinjiang');
    const child = await editor.post('/admin/authorities', {
      kind: 'place',
      name: 'Yining',
      parent: 'Sinkiang',
    });
    expect(child.status).toBe(303);
    const yining = await idOf('place', 'Yining');
    expect((await createAuthoritiesRepository({ db: db() }).findById(yining))!.parentId).toBe(xinjiang);

    const again = await editor.post('/admin/authorities', { kind: 'place', name: 'sinkiang' });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain(`record ${xinjiang}`);

    const loop = await editor.post(`/admin/authorities/${xinjiang}`, {
      name: 'Xinjiang',
      parent: String(yining),
    });
    expect(loop.status).toBe(422);
    expect(await loop.text()).toContain('cannot be this record or one of the records under it');

    const renamed = await editor.post(`/admin/authorities/${yining}`, {
      name: 'Yining (Ghulja)',
      parent: 'Xinjiang',
      variants: '伊宁 | zh',
    });
    expect(renamed.headers.get('location')).toBe(`/admin/authorities/${yining}?done=kept`);
    const stored = (await createAuthoritiesRepository({ db: db() }).findById(yining))!;
    expect(stored.name).toBe('Yining (Ghulja)');
    expect(stored.variants).toEqual([
      { name: '伊宁', language: 'zh' },
      { name: 'Yining', language: null },
    ]);
    const audit = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('target_type', '=', 'authority')
      .where('target_id', '=', String(yining))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['authority.created', 'authority.edited']);
  });

  it('refuses a merge without the CSRF token, merging nothing', async () => {
    await save({ title: 'Forged merge', agents: [{ name: 'Kept Apart' }, { name: 'Also Kept Apart' }] });
    const a = await idOf('person', 'Kept Apart');
    const b = await idOf('person', 'Also Kept Apart');
    const response = await editor.post(`/admin/authorities/${a}/merge`, { _csrf: 'forged', into: String(b) });
    expect(response.status).toBe(403);
    expect(await createAuthoritiesRepository({ db: db() }).findById(a)).toBeDefined();
  });

  it('is for editors: contributors are refused', async () => {
    expect((await contributor.get('/admin/authorities')).status).toBe(403);
    expect((await contributor.post('/admin/authorities', { kind: 'person', name: 'Someone' })).status).toBe(
      403,
    );
  });
});
