import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { asset } from './search.fixtures.ts';
import { pageNumbers } from './search.pages.tsx';

/** Links of the page whose text (tags stripped) matches, as written in the HTML (entities kept). */
const hrefsOf = (html: string, text: RegExp) =>
  [...html.matchAll(/<a\b[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gs)]
    .filter((m) => text.test(m[2]!.replace(/<[^>]+>/g, '')))
    .map((m) => m[1]!.replaceAll('&amp;', '&'));

describe.each(databaseKinds())('the public search page on %s', (kind) => {
  let context: TestContext;
  let zhangId: number | undefined;

  const get = async (path: string) => {
    const response = await context.app.request(path);
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    context = await createTestContext(kind, { CHANCERY_PAGE_CACHE: 'off' });
    const deps = { db: context.container.database.db, dialect: context.container.database.dialect };
    for (let n = 1; n <= 30; n++) {
      await saveDocument(
        deps,
        documentRecordSchema.parse({
          externalId: `page/${n}`,
          title: `Cable number ${n} on the border talks`,
          date: `196${n % 3}-0${(n % 9) + 1}`,
          type: n % 2 === 0 ? 'cable' : 'memorandum',
          languages: [n % 3 === 0 ? 'ru' : 'en'],
          places: n % 5 === 0 ? [{ name: 'Ili', parent: 'Xinjiang' }] : ['Xinjiang'],
          agents: [{ name: 'Nikolai Mesyatsev', role: 'author' }],
          collections: ['Sino-Soviet Border'],
        }),
        [],
      );
    }
    ({ id: zhangId } = await saveDocument(
      deps,
      documentRecordSchema.parse({
        externalId: 'page/zhang',
        title: 'Record of Conversation with Zhang Hanfu',
        summary: 'The vice minister raises the crossing point.',
        date: '1962-08-09',
        type: 'minutes',
        languages: ['zh'],
      }),
      [
        asset('transcript', 'zh', '<p>章汉夫：关于霍尔果斯口岸的问题。</p>'),
        asset(
          'translation',
          'en',
          '<p>Zhang Hanfu: On the question of the Khorgos crossing, we must talk.</p>',
        ),
      ],
    ));
    await saveDocument(
      deps,
      documentRecordSchema.parse({
        externalId: 'page/draft',
        status: 'draft',
        title: 'Draft cable on the border talks with Secretperson',
        collections: ['Hidden Drafts Collection'],
      }),
      [],
    );
  });
  afterAll(async () => {
    await context?.dispose();
  });

  it('lists the documents found with their count, linked with the query', async () => {
    const { status, html } = await get('/search?q=border+talks');
    expect(status).toBe(200);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('1–20 of 30 documents');
    expect(html).toMatch(/<input id="site-search-q" name="q" type="search" value="border talks"/);
    expect(html).toContain(`href="/documents/`);
    expect(hrefsOf(html, /Cable number \d+ on the border talks/)[0]).toMatch(
      /^\/documents\/\d+\?q=border\+talks$/,
    );
    expect(html).toContain('<mark>border</mark>');
  });

  it('never shows or counts an unpublished document', async () => {
    const { html } = await get('/search?q=Secretperson');
    expect(html).not.toContain('Draft cable');
    expect(html).toContain('No published document matches');
    const browse = await get('/search');
    expect(browse.html).toContain('1–20 of 31 documents');
    expect(browse.html).not.toContain('Hidden Drafts Collection');
  });

  it('shows passages with <mark> and where they were found', async () => {
    const { html } = await get('/search?q=Khorgos');
    expect(html).toContain('1 of 1 document');
    expect(html).toContain('in the English translation:');
    expect(html).toMatch(/lang="en"[^>]*>[^<]*<mark>Khorgos<\/mark>/);
    expect(hrefsOf(html, /Zhang Hanfu/)).toContain(`/documents/${zhangId}?q=Khorgos`);
  });

  it('counts facets and filters by a facet given in the address', async () => {
    const all = await get('/search?q=border+talks');
    expect(all.html).toMatch(/name="type" value="cable"\s*\/?>\s*<label[^>]*>\s*cable <span[^>]*>\(15\)/i);
    expect(all.html).toContain('<legend>Place</legend>');
    expect(all.html).toMatch(/Ili <span class="search-facet__count">\(6\)/);
    const cables = await get('/search?q=border+talks&type=cable');
    expect(cables.html).toContain('1–15 of 15 documents');
    expect(cables.html).toMatch(/name="type" value="cable" checked/);
    expect(hrefsOf(cables.html, /^Clear all filters$/)).toEqual(['/search?q=border+talks']);
    const both = await get('/search?q=border+talks&type=cable&type=memorandum&language=ru');
    expect(both.html).toContain('1–10 of 10 documents');
  });

  it('offers a year histogram whose years filter the search', async () => {
    const { html } = await get('/search');
    expect(html).toContain('aria-label="Documents by year"');
    const year = hrefsOf(html, /^1961$/);
    expect(year).toEqual(['/search?from=1961&to=1961']);
    const filtered = await get(year[0]!);
    expect(filtered.html).toContain('of 10 documents');
    expect(filtered.html).toContain('value="1961"');
  });

  it('pages with previous, next and numbered links that keep the search', async () => {
    const first = await get('/search?q=border+talks&sort=title');
    expect(hrefsOf(first.html, /Next/)).toEqual(['/search?q=border+talks&sort=title&page=2']);
    expect(hrefsOf(first.html, /Previous/)).toEqual([]);
    const second = await get('/search?q=border+talks&sort=title&page=2');
    expect(second.html).toContain('21–30 of 30 documents');
    expect(second.html).toMatch(/aria-current="page"><span class="visually-hidden">Page <\/span>2/);
    expect(hrefsOf(second.html, /Previous/)).toEqual(['/search?q=border+talks&sort=title']);
    expect(hrefsOf(second.html, /Next/)).toEqual([]);
    expect(pageNumbers(7, 20)).toEqual([1, null, 5, 6, 7, 8, 9, null, 20]);
  });

  it('says which words were dropped when not all matched, and offers a spelling', async () => {
    const relaxed = await get('/search?q=Khorgos+zebra');
    expect(relaxed.html).toContain('No document contains all the words.');
    expect(relaxed.html).toContain('documents without “zebra”');
    expect(relaxed.html).toContain('Does not contain: <s>zebra</s>');
    const typo = await get('/search?q=Mesyastev&verbatim=1');
    expect(hrefsOf(typo.html, /^Mesyatsev$/)).toEqual(['/search?q=Mesyatsev']);
    expect(typo.html).toContain('Did you mean');
    const corrected = await get('/search?q=Mesyastev');
    expect(corrected.html).toContain('showing results for “<strong>Mesyatsev</strong>”');
  });

  it('escapes a hostile query everywhere it is shown', async () => {
    const { status, html } = await get(
      `/search?q=${encodeURIComponent('<script>alert(1)</script> "><img src=x>')}&scope=all`,
    );
    expect(status).toBe(200);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('answers bad parameters with a sensible page, naming what was ignored', async () => {
    const { status, html } = await get('/search?page=abc&sort=x&per_page=7&language=%00&from=zz&scope=nope');
    expect(status).toBe(200);
    expect(html).toContain('1–20 of 31 documents');
    expect(html).toContain('could not be read and were ignored');
    expect(html).toContain('per_page: must be 20, 50, 100.');
    const beyond = await get('/search?q=border&page=9999');
    expect(beyond.status).toBe(200);
    expect(beyond.html).toContain('No results on page 9999');
    const reversed = await get('/search?from=1965&to=1960');
    expect(reversed.status).toBe(200);
    expect(reversed.html).toContain('of 31 documents');
  });

  it('finds collections by name when asked to search collections', async () => {
    const { html } = await get('/search?q=Sino&scope=collections');
    expect(hrefsOf(html, /^Sino-Soviet Border$/)).toEqual(['/collections/sino-soviet-border']);
    expect(html).not.toContain('of 31 documents');
    const hidden = await get('/search?q=Hidden&scope=collections');
    expect(hidden.html).not.toContain('Hidden Drafts Collection');
  });
});
