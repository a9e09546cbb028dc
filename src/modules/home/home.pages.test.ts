import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { huangZhenRecord, saveFixture } from '../documents/documents.pages.fixtures.ts';

describe.each(databaseKinds())('the home page on %s', (kind) => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext(kind);
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('says plainly when nothing is published yet', async () => {
    const response = await context.app.request('/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1 id="home-title" class="home-hero__title">Chancery Digital Archive</h1>');
    expect(html).toContain('Nothing has been published in this archive yet.');
  });

  it('shows the archive name, a search box, the newest documents and short counts', async () => {
    await saveFixture(context, huangZhenRecord());
    const newest = await saveFixture(context, {
      externalId: 'home/newest',
      title: 'Cable on the Border Talks',
      date: 'c. 1963',
      summary: `The embassy reports on the talks. ${'It goes on at length. '.repeat(30)}`,
      places: ['Moscow'],
      assets: [{ kind: 'translation', language: 'en', html: '<p>Text.</p>' }],
    });
    await saveFixture(context, {
      externalId: 'home/draft',
      title: 'A draft nobody may see',
      status: 'draft',
      agents: [{ name: 'Hidden Person' }],
      places: ['Hidden Place'],
    });

    const html = await (await context.app.request('/')).text();
    expect(html).toMatch(
      /<form class="search-form search-form--large" action="\/search" method="get" role="search" aria-label="Search the documents">/,
    );
    expect(html).toContain('id="home-search-q" name="q" type="search"');

    const newestAt = html.indexOf(`<a href="/documents/${newest}">Cable on the Border Talks</a>`);
    const olderAt = html.indexOf('Minutes of Vice Minister Huang Zhen&#39;s Talk');
    expect(newestAt).toBeGreaterThan(-1);
    expect(olderAt).toBeGreaterThan(newestAt);
    expect(html).toContain('c. 1963');
    expect(html).toContain('August 09, 1962');
    // Long summaries are shortened in the list, at a word, with an ellipsis.
    expect(html).toMatch(/It goes on at length\.?…<\/p>/);

    expect(html).toContain('<li>2 documents from 1962 to 1963</li>');
    expect(html).toContain('<li>2 translations</li>');
    expect(html).toContain('<li>3 people and organizations</li>');
    expect(html).toContain('<li>2 places</li>');
    expect(html).not.toContain('A draft nobody may see');
  });

  it('lists top-level collections with their documents counted once', async () => {
    const html = await (await context.app.request('/')).text();
    expect(html).toMatch(
      /<a href="\/collections\/sino-soviet-relations">Sino-Soviet Relations<\/a> <span class="collection-list__count">1 document<\/span>/,
    );
  });
});
