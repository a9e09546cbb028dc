import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { huangZhenRecord, saveFixture } from '../documents/documents.pages.fixtures.ts';

describe.each(databaseKinds())('authority pages on %s', (kind) => {
  let context: TestContext;
  let documentId: number;
  let html: string;
  const link = (segment: string, name: string) => {
    const match = new RegExp(`href="/${segment}/([^"]+)">${name}</a>`).exec(html);
    if (!match) throw new Error(`no link to ${segment} "${name}" on the document page`);
    return `/${segment}/${match[1]}`;
  };

  beforeAll(async () => {
    context = await createTestContext(kind);
    documentId = await saveFixture(context, huangZhenRecord());
    await saveFixture(context, {
      externalId: 'authorities/draft',
      title: 'A draft about a secret person',
      status: 'draft',
      agents: [{ name: 'Secret Person', role: 'author' }],
      places: [{ name: 'Secret Valley', parent: 'Xinjiang' }],
    });
    html = await (await context.app.request(`/documents/${documentId}`)).text();
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('shows a person with names in every script and the documents with their role', async () => {
    const response = await context.app.request(link('people', 'Huang Zhen'));
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<h1 id="authority-name">Huang Zhen</h1>');
    expect(page).toContain('<span class="name-variant" lang="zh">黄镇</span>');
    expect(page).toContain('Chinese');
    expect(page).toContain(`<a href="/documents/${documentId}">Minutes of Vice Minister`);
    expect(page).toContain('· Participant');
    expect(page).toContain('1 published document');
  });

  it('shows a place with its parent, and the parent with the place inside it', async () => {
    const xinjiang = await (await context.app.request(link('places', 'Xinjiang'))).text();
    expect(xinjiang).toMatch(
      /<nav class="breadcrumbs"[^>]*><ol><li><a href="\/places\/\d+">China<\/a><\/li><li aria-current="page">Xinjiang<\/li>/,
    );
    const china = xinjiang.match(/href="(\/places\/\d+)">China/)![1]!;
    const parent = await (await context.app.request(china)).text();
    expect(parent).toContain('Places within');
    expect(parent).toMatch(/<a href="\/places\/\d+">Xinjiang<\/a>/);
    // A place known only from a draft stays unknown.
    expect(parent).not.toContain('Secret Valley');
  });

  it('finds a collection by its slug and shows where it belongs', async () => {
    const response = await context.app.request('/collections/xinjiang-border-crossings');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<p class="document-kicker">Collection</p>');
    expect(page).toContain('<a href="/collections/sino-soviet-relations">Sino-Soviet Relations</a>');
    const parent = await (await context.app.request('/collections/sino-soviet-relations')).text();
    expect(parent).toContain('Sub-collections');
  });

  it('shows funders, subjects and the archive holding the original', async () => {
    for (const [segment, name] of [
      ['funders', 'MacArthur Foundation'],
      ['subjects', 'Illegal border crossings'],
      ['repositories', 'PRC Foreign Ministry Archive'],
    ] as const) {
      const response = await context.app.request(link(segment, name));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(`<a href="/documents/${documentId}">`);
    }
  });

  it('answers 404 for unknown, malformed and wrong-kind addresses', async () => {
    const huang = link('people', 'Huang Zhen');
    const wrongKind = huang.replace('/people/', '/places/');
    for (const path of [
      '/people/999999',
      '/people/abc',
      '/people/%00',
      '/places/1.5',
      '/subjects/-3',
      '/collections/no-such-thing',
      '/collections/%3Cscript%3E',
      wrongKind,
    ]) {
      const response = await context.app.request(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain('Page not found');
    }
  });

  it('keeps authorities known only from drafts unknown to the public', async () => {
    const { db } = context.container.database;
    const secret = await db
      .selectFrom('authorities')
      .select('id')
      .where('name', '=', 'Secret Person')
      .executeTakeFirstOrThrow();
    const response = await context.app.request(`/people/${secret.id}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Secret Person');
  });
});
