import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { saveFixture } from '../documents/documents.pages.fixtures.ts';
import { letterOf, parseLetterKey } from './browse.alphabet.ts';
import { azView } from './browse.az.tsx';
import { azIndexes } from './browse.parts.tsx';
import { countByDate, placeTree } from './browse.queries.ts';

describe('the letters of the A–Z index', () => {
  it('puts names under Latin, Cyrillic and Greek letters, digits, or CJK / other', () => {
    expect(letterOf('Huang Zhen')).toBe('H');
    expect(letterOf('[Nikolai] Mesyatsev')).toBe('N');
    expect(letterOf('Åke Ström')).toBe('A');
    expect(letterOf('Łukasz')).toBe('L');
    expect(letterOf('Øresund Commission')).toBe('O');
    expect(letterOf('Ёлкин')).toBe('Е');
    expect(letterOf('Йошкар-Ола')).toBe('Й');
    expect(letterOf('Месяцев')).toBe('М');
    expect(letterOf('Ελευθέριος')).toBe('Ε');
    expect(letterOf('1962 Commission')).toBe('0-9');
    expect(letterOf('黄镇')).toBe('other');
    expect(letterOf('김일성')).toBe('other');
    expect(letterOf('...')).toBe('other');
  });

  it('accepts a letter of any alphabet, 0-9 and other as the letter parameter, and nothing else', () => {
    expect(parseLetterKey('a')).toBe('A');
    expect(parseLetterKey('м')).toBe('М');
    expect(parseLetterKey('0-9')).toBe('0-9');
    expect(parseLetterKey('OTHER')).toBe('other');
    for (const bad of ['%%%', 'AB', '', '黄', '<', '1']) expect(parseLetterKey(bad), bad).toBeUndefined();
  });
});

describe('an A–Z index with a long letter', () => {
  const index = azIndexes[0];
  const people = Array.from({ length: 250 }, (_, i) => ({
    authority: {
      id: i + 1,
      kind: 'person' as const,
      name: `Smith ${String(i).padStart(3, '0')}`,
      slug: `smith-${i}`,
      parentId: null,
      note: null,
      dates: null,
      variants: [],
    },
    count: 1,
  }));

  it('pages a letter by a hundred names, in order, and keeps a page past the end on the last one', () => {
    const second = azView(index, people, { letter: 'S', page: 2 });
    expect(second.total).toBe(250);
    expect(second.entries).toHaveLength(100);
    expect(second.entries[0]!.name).toBe('Smith 100');
    const last = azView(index, people, { letter: 'S', page: 99 });
    expect(last.page).toBe(3);
    expect(last.entries.map((e) => e.name)).toEqual(people.slice(200).map((p) => p.authority.name));
    expect(azView(index, people, { letter: undefined, page: 1 }).letter).toBe('S');
  });
});

describe.each(databaseKinds())('browse pages on %s', (kind) => {
  let context: TestContext;
  const get = async (path: string) => {
    const response = await context.app.request(path);
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    context = await createTestContext(kind);
    const doc = (n: string, extra: Record<string, unknown>) =>
      saveFixture(context, { externalId: `browse/${n}`, title: `Browse fixture ${n}`, ...extra });
    await doc('day', {
      date: '1962-08-09',
      places: [
        { name: 'Xinjiang', parent: 'China', variants: [{ name: '新疆', language: 'zh' }] },
        { name: 'Ili', parent: 'Xinjiang' },
      ],
      agents: [
        { name: 'Huang Zhen', role: 'participant', variants: [{ name: '黄镇', language: 'zh' }] },
        {
          name: 'Nikolai Mesyatsev',
          role: 'participant',
          variants: [{ name: 'Николай Месяцев', language: 'ru' }],
        },
      ],
      subjects: ['Border crossings'],
    });
    await doc('year', {
      date: '1962',
      places: [{ name: 'Beijing', parent: 'China' }],
      agents: [
        { name: 'Huang Zhen', role: 'author' },
        { name: 'Ёлкин', role: 'mentioned' },
      ],
    });
    await doc('decade', { date: '1960s', agents: [{ name: '毛泽东', role: 'mentioned' }] });
    await doc('span', { date: '1961/1963', agents: [{ name: 'Åke Ström', role: 'author' }] });
    await doc('seventies', { date: '1975-03', agents: [{ name: 'Łukasz Nowak', role: 'author' }] });
    await doc('undated', { subjects: ['Border crossings'] });
    for (const status of ['draft', 'in_review'] as const) {
      await doc(`hidden-${status}`, {
        status,
        title: `Hidden ${status} paper`,
        date: '1962-05-01',
        places: [{ name: 'Secret Valley', parent: 'Xinjiang' }, 'China'],
        agents: [
          { name: 'Secret Person', role: 'author' },
          { name: 'Huang Zhen', role: 'author' },
        ],
        subjects: ['Secret subject'],
      });
    }
    await doc('hidden-undated', { status: 'draft', title: 'Hidden undated paper' });
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('counts published documents by year and decade at the precision they are dated to', async () => {
    const { years, undated } = await countByDate(context.container.database);
    expect(undated).toBe(1);
    const sorted = [...years].sort((a, b) => a.year - b.year || Number(a.exactYear) - Number(b.exactYear));
    expect(sorted).toEqual([
      { year: 1960, exactYear: false, count: 1 },
      { year: 1961, exactYear: false, count: 1 },
      { year: 1962, exactYear: true, count: 2 },
      { year: 1975, exactYear: true, count: 1 },
    ]);
  });

  it('draws the decade chart with linked bars, counts in words, and the undated apart', async () => {
    const { status, html } = await get('/browse/dates');
    expect(status).toBe(200);
    expect(html).toContain('<svg class="histogram"');
    expect(html).toContain('aria-label="1960s: 4 documents, 2 dated only to the decade"');
    expect(html).toContain('href="/browse/dates?decade=1960"');
    expect(html).toContain('aria-label="1970s: 1 document"');
    expect(html).toContain('<a href="/browse/dates?undated=1">Undated: 1 document</a>');
    expect(html).not.toContain('style=');
  });

  it('shows the years of a decade and lists the documents of a year, or of the decade alone', async () => {
    const decade = await get('/browse/dates?decade=1960');
    expect(decade.html).toContain('aria-label="1962: 2 documents"');
    expect(decade.html).toContain('href="/browse/dates?year=1962"');
    expect(decade.html).toContain('aria-label="1961: 0 documents"');
    expect(decade.html).toContain('Dated only to the 1960s: 2 documents');

    const year = await get('/browse/dates?year=1962');
    expect(year.html).toContain('Browse fixture day');
    expect(year.html).toContain('Browse fixture year');
    expect(year.html).not.toContain('Browse fixture span');
    expect(year.html).not.toContain('Hidden');

    const coarse = await get('/browse/dates?decade=1960&level=decade');
    expect(coarse.html).toContain('Browse fixture decade');
    expect(coarse.html).toContain('Browse fixture span');
    expect(coarse.html).not.toContain('Browse fixture day');

    const undated = await get('/browse/dates?undated=1');
    expect(undated.html).toContain('Browse fixture undated');
    expect(undated.html).not.toContain('Hidden undated paper');
  });

  it('shows the place hierarchy with counts that include the places within, each document once', async () => {
    const tree = await placeTree(context.container.database);
    const flat = (nodes: typeof tree, depth = 0): string[] =>
      nodes.flatMap((n) => [`${depth}:${n.authority.name}:${n.count}`, ...flat(n.children, depth + 1)]);
    expect(flat(tree)).toEqual(['0:China:2', '1:Beijing:1', '1:Xinjiang:1', '2:Ili:1']);
    const { html } = await get('/browse/places');
    expect(html).toMatch(
      /<a href="\/places\/\d+">China<\/a><\/span><span class="place-tree__count"> · 2 documents/,
    );
    expect(html).toContain('<span class="name-variant" lang="zh">新疆</span>');
    expect(html).not.toContain('Secret Valley');
  });

  it('lists people A–Z with counts, names in other scripts under their own letters', async () => {
    const h = await get('/browse/people?letter=H');
    expect(h.status).toBe(200);
    expect(h.html).toMatch(
      /<a href="\/people\/\d+">Huang Zhen<\/a><span class="az-entry__count"> · 2 documents/,
    );
    expect(h.html).toContain('aria-current="page"');
    const cyrillic = await get(`/browse/people?letter=${encodeURIComponent('н')}`);
    expect(cyrillic.html).toContain('lang="ru">Николай Месяцев</a>');
    expect(cyrillic.html).toContain('(Nikolai Mesyatsev)');
    const ye = await get(`/browse/people?letter=${encodeURIComponent('Е')}`);
    expect(ye.html).toContain('Ёлкин');
    const other = await get('/browse/people?letter=other');
    expect(other.html).toContain('毛泽东');
    expect(other.html).toContain('lang="zh">黄镇</a>');
    expect(other.html).toContain('CJK / other');
    expect((await get('/browse/people?letter=A')).html).toContain('Åke Ström');
    expect((await get('/browse/people?letter=L')).html).toContain('Łukasz Nowak');
    // The first letter with names is shown when none is asked for.
    expect((await get('/browse/people')).html).toContain('<h2 id="letter-heading">A</h2>');
    const s = await get('/browse/people?letter=S');
    expect(s.status).toBe(200);
    expect(s.html).not.toContain('Secret Person');
  });

  it('browses subjects, archives, funders and organizations, and links every way in from /browse', async () => {
    const subjects = await get('/browse/subjects?letter=B');
    expect(subjects.html).toContain('Border crossings</a><span class="az-entry__count"> · 2 documents');
    for (const path of ['/browse/repositories', '/browse/funders', '/browse/organizations']) {
      expect((await get(path)).status, path).toBe(200);
    }
    const index = await get('/browse');
    expect(index.html).toContain('5 dated documents, 1 undated');
    expect(index.html).toContain('4 places');
    expect(index.html).toContain('6 people');
    expect(index.html).toContain('1 subject');
    expect(index.html).not.toContain('Secret');
  });

  it('refuses malformed parameters with 400, and keeps out-of-range pages sensible', async () => {
    for (const path of [
      '/browse/people?letter=%25%25%25',
      '/browse/people?letter=%%%',
      '/browse/people?letter=AB',
      '/browse/people?page=-1',
      '/browse/people?page=abc',
      '/browse/dates?decade=abc',
      '/browse/dates?decade=1965',
      '/browse/dates?year=0',
      '/browse/dates?year=99999',
      '/browse/dates?level=year',
      '/browse/dates?year=1962&page=-1',
      '/browse/dates?undated=yes',
    ]) {
      const { status } = await get(path);
      expect(status, path).toBe(400);
    }
    const far = await get('/browse/dates?year=1962&page=999');
    expect(far.status).toBe(200);
    expect(far.html).toContain('Browse fixture day');
    expect((await get('/browse/people?letter=H&page=50')).html).toContain('Huang Zhen');
    expect((await get('/browse/dates?decade=1900')).status).toBe(200);
  });
});
