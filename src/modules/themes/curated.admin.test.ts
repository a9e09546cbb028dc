import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { clientWithSession, createStaff, type TestClient } from '../accounts/accounts.test-support.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { createReadersRepository } from '../readers/readers.repository.ts';
import { buildDiscoveryFixture, type DiscoveryFixture } from './discovery.test-support.ts';
import { createThemesRepository } from './themes.repository.ts';

describe.each(databaseKinds())('editors manage themes and readers in the workspace, on %s', (kind) => {
  let context: TestContext;
  let fixture: DiscoveryFixture;
  let editor: TestClient;
  let contributor: TestClient;
  const db = () => context.container.database.db;
  /** Audit entries of an action made through the workspace (the fixture's own saves are left out). */
  const audit = async (action: string) =>
    db()
      .selectFrom('audit_events')
      .select(['target_label', 'actor_label'])
      .where('action', '=', action)
      .where('actor_label', '=', 'editor@example.org')
      .execute();

  beforeAll(async () => {
    context = await createTestContext(kind);
    fixture = await buildDiscoveryFixture(context);
    editor = await clientWithSession(
      context,
      (await createStaff(context, 'editor@example.org', 'editor')).id,
    );
    contributor = await clientWithSession(
      context,
      (await createStaff(context, 'c@example.org', 'contributor')).id,
    );
  }, 120_000);
  afterAll(async () => {
    await context?.dispose();
  });

  it('creates a theme with collections and events, audits it and shows it once published', async () => {
    await editor.get('/admin/themes/new');
    const response = await editor.post('/admin/themes', {
      title: 'Trade across the border',
      slug: '',
      status: 'published',
      summary: 'Commerce between the neighbours.',
      overview: '<p>Trade went on <em>despite</em> the quarrel.</p><img src=x onerror=alert(1)>',
      collections: 'Trade\nIli crisis',
      events: '1970-03 | Trade fair opens | Merchants meet. | /documents/1\n1971 | A new agreement',
    });
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^\/admin\/themes\/\d+\?done=created$/);
    const theme = (await createThemesRepository({ db: db() }).findBySlug('trade-across-the-border'))!;
    expect(theme.collectionIds).toHaveLength(2);
    expect(theme.events.map((e) => [e.date.start, e.title, e.link])).toEqual([
      ['1970-03-01', 'Trade fair opens', '/documents/1'],
      ['1971-01-01', 'A new agreement', null],
    ]);
    expect(theme.overviewHtml).toBe('<p>Trade went on <em>despite</em> the quarrel.</p>');
    expect(await audit('theme.created')).toEqual([
      { target_label: 'Trade across the border', actor_label: 'editor@example.org' },
    ]);
    const edit = await (await editor.get(location)).text();
    expect(edit).toContain('The theme was created.');
    expect(edit).toContain('1970-03 | Trade fair opens | Merchants meet. | /documents/1');
    const page = await (await context.app.request('/themes/trade-across-the-border')).text();
    expect(page).toContain('Trade fair opens');
    expect(page).toContain('Echo memo');
  });

  it('shows every problem of a theme form beside its field, with the line, and writes nothing', async () => {
    await editor.get('/admin/themes/new');
    const response = await editor.post('/admin/themes', {
      title: '',
      slug: 'bad slug!',
      status: 'published',
      collections: 'Trade',
      events: '1970 | Fine\n\nsoon | Undated thing\n1971 | Linked | | javascript:alert(1)',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('Title: must not be empty');
    expect(html).toContain('Address: use letters, digits and hyphens');
    expect(html).toMatch(/Events: line 3 \(date\)/);
    expect(html).toMatch(/Events: line 4 \(link\): must be an http\(s\) address/);
    // What was typed comes back.
    expect(html).toContain('soon | Undated thing');

    const unknown = await editor.post('/admin/themes', {
      title: 'Nothing',
      status: 'draft',
      collections: 'Trade\nNo such set',
    });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('Line 2: There is no collection named “No such set”.');
    expect(await createThemesRepository({ db: db() }).findBySlug('nothing')).toBeUndefined();
  });

  it('refuses a second theme at the same address, edits and deletes with audit entries', async () => {
    const existing = (await createThemesRepository({ db: db() }).findBySlug('border-crisis'))!;
    await editor.get('/admin/themes/new');
    const clash = await editor.post('/admin/themes', {
      title: 'Another',
      slug: 'border-crisis',
      status: 'draft',
    });
    expect(clash.status).toBe(422);
    expect(await clash.text()).toContain('Another theme already has the address /themes/border-crisis.');

    await editor.get(`/admin/themes/${existing.id}`);
    const saved = await editor.post(`/admin/themes/${existing.id}`, {
      title: 'Border crisis',
      slug: 'border-crisis',
      status: 'draft',
      collections: 'Border talks',
    });
    expect(saved.status).toBe(303);
    expect((await context.app.request('/themes/border-crisis')).status).toBe(404);
    expect((await audit('theme.edited')).map((e) => e.target_label)).toContain('Border crisis');

    const deleted = await editor.post(`/admin/themes/${existing.id}/delete`);
    expect(deleted.status).toBe(303);
    expect(await createThemesRepository({ db: db() }).findById(existing.id)).toBeUndefined();
    expect((await audit('theme.deleted')).map((e) => e.target_label)).toEqual(['Border crisis']);
  });

  it('creates a reader from blocks of record IDs and notes, and reports an unknown document by its line', async () => {
    await editor.get('/admin/readers/new');
    const bad = await editor.post('/admin/readers', {
      title: 'Week one',
      status: 'published',
      items: `${fixture.ids.echo}\nA note.\n---\n999999\nNothing here.`,
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Line 4: There is no document with record 999999.');

    const response = await editor.post('/admin/readers', {
      title: 'Week one',
      compiler: 'Tomás Ferreira',
      status: 'published',
      introduction: '<p>Start here.</p>',
      items: `${fixture.ids.echo}\nFirst paragraph.\n\nSecond paragraph.\n---\n${fixture.ids.mango}`,
    });
    expect(response.status).toBe(303);
    const reader = (await createReadersRepository({ db: db() }).findBySlug('week-one'))!;
    expect(reader.items).toEqual([
      { documentId: fixture.ids.echo, note: 'First paragraph.\n\nSecond paragraph.' },
      { documentId: fixture.ids.mango, note: null },
    ]);
    expect((await audit('reader.created')).map((e) => e.target_label)).toEqual(['Week one']);
    const page = await (await context.app.request('/readers/week-one')).text();
    expect(page).toContain('<p>First paragraph.</p><p>Second paragraph.</p>');
    expect(page).toContain('Tomás Ferreira');

    await editor.get(`/admin/readers/${reader.id}`);
    expect((await editor.post(`/admin/readers/${reader.id}/delete`)).status).toBe(303);
    expect((await context.app.request('/readers/week-one')).status).toBe(404);
    expect((await audit('reader.deleted')).map((e) => e.target_label)).toEqual(['Week one']);
  });

  it('keeps a theme’s collection when that collection is merged into another', async () => {
    const authorities = createAuthoritiesRepository({ db: db() });
    const trade = (await authorities.findBySlug('collection', 'trade'))!.id;
    const duplicate = await authorities.create({ kind: 'collection', name: 'Trade papers (duplicate)' });
    await editor.get('/admin/themes/new');
    expect(
      (
        await editor.post('/admin/themes', {
          title: 'Merged collections',
          status: 'draft',
          collections: `Trade papers (duplicate)\nTrade`,
        })
      ).status,
    ).toBe(303);
    await editor.get(`/admin/authorities/${duplicate}`);
    expect((await editor.post(`/admin/authorities/${duplicate}/merge`, { into: String(trade) })).status).toBe(
      303,
    );
    const theme = (await createThemesRepository({ db: db() }).findBySlug('merged-collections'))!;
    expect(theme.collectionIds).toEqual([trade]);
  });

  it('lists every theme and reader, drafts too, with its status and counts', async () => {
    const themes = await createThemesRepository({ db: db() }).list({ publishedOnly: false });
    const readers = await createReadersRepository({ db: db() }).list({ publishedOnly: false });
    expect(themes.length).toBeGreaterThan(0);
    expect(readers.length).toBeGreaterThan(0);
    const cells = (html: string) =>
      [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
        [...row[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) =>
          cell[1]!.replace(/<[^>]+>/g, '').trim(),
        ),
      );
    const themeList = cells(await (await editor.get('/admin/themes')).text());
    expect(themeList[0]).toEqual(['Title', 'Status', 'Collections', 'Events']);
    for (const theme of themes)
      expect(themeList).toContainEqual([
        theme.title,
        theme.status === 'published' ? 'Published' : 'Draft',
        String(theme.collectionIds.length),
        String(theme.events.length),
      ]);
    const readerList = cells(await (await editor.get('/admin/readers')).text());
    expect(readerList[0]).toEqual(['Title', 'Status', 'Documents']);
    for (const reader of readers)
      expect(readerList).toContainEqual([
        reader.title,
        reader.status === 'published' ? 'Published' : 'Draft',
        String(reader.items.length),
      ]);
  });

  it('keeps contributors out and refuses a form without its CSRF token', async () => {
    expect((await contributor.get('/admin/themes')).status).toBe(403);
    expect((await contributor.get('/admin/readers/new')).status).toBe(403);
    const forged = await editor.post('/admin/readers', {
      _csrf: 'forged',
      title: 'Forged',
      status: 'published',
    });
    expect(forged.status).toBe(403);
    expect(await createReadersRepository({ db: db() }).findBySlug('forged')).toBeUndefined();
  });
});
