import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions
type Json = { [key: string]: any };

describe.each(databaseKinds())('the search API on %s', (kind) => {
  let context: TestContext;
  const get = async (path: string) => {
    const response = await context.app.request(path);
    return { status: response.status, body: (await response.json()) as Json };
  };

  beforeAll(async () => {
    context = await createTestContext(kind);
    const deps = { db: context.container.database.db, dialect: context.container.database.dialect };
    // 45 documents sharing a word, with dates and titles that tie in pairs, for paging.
    for (let n = 1; n <= 45; n++) {
      await saveDocument(
        deps,
        documentRecordSchema.parse({
          externalId: `api/${n}`,
          title: `Cable number ${Math.ceil(n / 2)} on the border talks`,
          date: n % 9 === 0 ? undefined : `1962-0${(n % 3) + 1}`,
          type: n % 2 === 0 ? 'cable' : 'memorandum',
          languages: [n % 3 === 0 ? 'ru' : 'en'],
          places: n % 5 === 0 ? [{ name: 'Ili', parent: 'Xinjiang' }] : ['Xinjiang'],
          agents: [{ name: 'Nikolai Mesyatsev', variants: ['Николай Месяцев'], role: 'author' }],
          publishedAt: `2026-02-${String((n % 28) + 1).padStart(2, '0')}T00:00:00.000Z`,
        }),
        [],
      );
    }
    await saveDocument(
      deps,
      documentRecordSchema.parse({
        externalId: 'api/draft',
        status: 'draft',
        title: 'Draft cable on the border talks with Secretperson',
        agents: [{ name: 'Secretperson Hidden', role: 'author' }],
      }),
      [],
    );
  });
  afterAll(async () => {
    await context?.dispose();
  });

  it('answers a search with hits, facets and the fields a client pages with', async () => {
    const { status, body } = await get('/api/v1/search?q=border+talks&per_page=20');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      query: 'border talks',
      total: 45,
      exactTotal: 45,
      page: 1,
      perPage: 20,
      totalPages: 3,
      sort: 'relevance',
      relaxed: false,
      dropped: [],
      didYouMean: null,
      correctedFrom: null,
      messages: [],
    });
    expect(body.links.next).toBe('http://archive.test/api/v1/search?q=border+talks&per_page=20&page=2');
    expect(body.links.prev).toBeNull();
    const hit = body.hits[0];
    expect(Object.keys(hit).sort()).toEqual(
      [
        'date',
        'externalId',
        'highlightUrl',
        'id',
        'languages',
        'missing',
        'snippets',
        'subtitle',
        'summary',
        'title',
        'titleHtml',
        'translations',
        'type',
        'url',
      ].sort(),
    );
    expect(hit.titleHtml).toContain('<mark>border</mark> <mark>talks</mark>');
    expect(hit.url).toBe(`http://archive.test/documents/${hit.id}`);
    // Filters stay out of the link to the document; the words searched go with it, to be marked there.
    expect(hit.highlightUrl).toBe(`http://archive.test/documents/${hit.id}?q=border+talks`);
    expect(body.facets.language).toMatchObject({ label: 'Original language', hierarchical: false });
    expect(body.facets.language.values).toEqual([
      { value: 'en', label: 'English', count: 30, selected: false },
      { value: 'ru', label: 'Russian', count: 15, selected: false },
    ]);
    expect(body.facets.date).toMatchObject({ label: 'Date', undated: 5 });
  });

  it('gives a date with its display form and ISO form', async () => {
    const { body } = await get('/api/v1/search?q=border&sort=date-asc&per_page=20');
    expect(body.hits[0].date).toMatchObject({ display: 'January 1962', iso: '1962-01', start: '1962-01-01' });
  });

  it('takes every filter from the URL, so a filtered search is a link', async () => {
    const { body } = await get('/api/v1/search?q=border&language=ru&type=cable');
    expect(body.total).toBe(7);
    const xinjiang = body.facets.place.values.find((v: Json) => v.label === 'Xinjiang');
    const { body: inXinjiang } = await get(`/api/v1/search?place=${xinjiang.value}&from=1962-02&to=1962-02`);
    expect(inXinjiang.total).toBe(15);
    expect(inXinjiang.facets.place.values[0]).toMatchObject({ label: 'Xinjiang', selected: true, count: 15 });
    expect(inXinjiang.facets.place.values[0].children).toEqual([
      { value: expect.any(String), label: 'Ili', count: 3, selected: false },
    ]);
  });

  it('pages through every sort order without repeating or losing a document', async () => {
    for (const sort of ['relevance', 'date-asc', 'date-desc', 'title', 'added']) {
      const seen: number[] = [];
      for (const page of [1, 2, 3]) {
        const { body } = await get(`/api/v1/search?q=cable&sort=${sort}&page=${page}`);
        seen.push(...body.hits.map((h: Json) => h.id as number));
      }
      expect(seen).toHaveLength(45);
      expect(new Set(seen).size).toBe(45);
      const again = await get(`/api/v1/search?q=cable&sort=${sort}&page=2`);
      expect(again.body.hits.map((h: Json) => h.id)).toEqual(seen.slice(20, 40));
    }
  });

  it('answers a page beyond the last with no hits and the real total', async () => {
    const { status, body } = await get('/api/v1/search?q=cable&page=99');
    expect(status).toBe(200);
    expect(body.total).toBe(45);
    expect(body.hits).toEqual([]);
    expect(body.links.next).toBeNull();
  });

  it('refuses parameters it cannot read with a 400 that names them', async () => {
    for (const [query, named] of [
      ['per_page=7', 'per_page'],
      ['sort=sideways', 'sort'],
      ['place=abc', 'place'],
      ['language=not-a-language!', 'language'],
      ['from=yesterday', 'from'],
      ['page=0', 'page'],
      ['page=-3', 'page'],
      ['from=1965&to=1960', 'from'],
    ] as const) {
      const { status, body } = await get(`/api/v1/search?q=cable&${query}`);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('search.invalid_parameters');
      expect(body.error.message).toContain(named);
    }
  });

  it('ignores parameters it does not know', async () => {
    const { status, body } = await get('/api/v1/search?q=cable&utm_source=newsletter&colour=blue');
    expect(status).toBe(200);
    expect(body.total).toBe(45);
  });

  it('answers hostile queries with a result, never a server error', async () => {
    for (const q of [
      '%00',
      '%22',
      encodeURIComponent('x'.repeat(10_000)),
      encodeURIComponent("' OR 1=1; --"),
      encodeURIComponent('"unbalanced OR -'),
      '%F0%9F%98%80',
      '%ED%A0%80',
      encodeURIComponent('\u202e\u0000\u0007'),
    ]) {
      const { status, body } = await get(`/api/v1/search?q=${q}`);
      expect(status, q).toBe(200);
      expect(body.total).toBeGreaterThanOrEqual(0);
    }
  });

  it('never shows a draft, in hits, counts or suggestions', async () => {
    const { body } = await get('/api/v1/search?q=Secretperson');
    expect(body.total).toBe(0);
    const all = await get('/api/v1/search');
    expect(all.body.total).toBe(45);
    const suggest = await get('/api/v1/search/suggest?q=secretp');
    expect(suggest.body.suggestions).toEqual([]);
  });

  it('suggests names as one types, with a link and the filter to apply', async () => {
    const { status, body } = await get(`/api/v1/search/suggest?q=${encodeURIComponent('месяц')}`);
    expect(status).toBe(200);
    expect(body.suggestions).toHaveLength(1);
    expect(body.suggestions[0]).toMatchObject({
      kind: 'person',
      name: 'Nikolai Mesyatsev',
      matched: 'Николай Месяцев',
      documents: 45,
      url: expect.stringMatching(/^http:\/\/archive\.test\/people\/\d+$/),
      filter: { person: expect.any(String) },
    });
    const places = await get('/api/v1/search/suggest?q=x&kind=place');
    expect(places.body.suggestions.map((s: Json) => [s.name, s.documents])).toEqual([['Xinjiang', 45]]);
    expect((await get('/api/v1/search/suggest?q=')).body.suggestions).toEqual([]);
  });

  it('counts a newly published document at once, though counts are kept between requests', async () => {
    const deps = { db: context.container.database.db, dialect: context.container.database.dialect };
    const record = (status: 'published' | 'withdrawn') =>
      documentRecordSchema.parse({
        externalId: 'api/late',
        title: 'A late cable',
        status,
        withdrawalReason: null,
      });
    expect((await get('/api/v1/search?q=cable')).body.total).toBe(45);
    await saveDocument(deps, record('published'), []);
    const after = await get('/api/v1/search?q=cable');
    expect(after.body.total).toBe(46);
    expect(after.body.facets.type.values.reduce((sum: number, v: Json) => sum + v.count, 0)).toBe(45);
    await saveDocument(deps, record('withdrawn'), []);
    expect((await get('/api/v1/search?q=cable')).body.total).toBe(45);
  });

  it('refuses unknown suggestion kinds and limits', async () => {
    expect((await get('/api/v1/search/suggest?q=x&kind=spaceship')).status).toBe(400);
    expect((await get('/api/v1/search/suggest?q=x&limit=0')).status).toBe(400);
    expect((await get('/api/v1/search/suggest?q=x&limit=ten')).status).toBe(400);
  });
});
