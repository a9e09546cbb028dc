import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { contractCorpus } from './search.fixtures.ts';
import { parseSearchParameters } from './search.schemas.ts';
import { type SearchResult, searchDocuments } from './search.usecases.ts';

/**
 * Ten thousand generated queries per database: real words of three languages mixed with the query
 * language's operators, the syntax of FTS5, tsquery and SQL, and garbage (control characters, NUL,
 * unpaired surrogates, right-to-left marks, emoji, very long words and queries). None may throw, and
 * every answer must have a sane shape and show only published documents.
 */

const QUERIES = 10_000;

/** mulberry32: small, fast and the same on every machine, so a failure can be replayed. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = [
  'Khorgos',
  'negotiations',
  'negotiating',
  'border',
  'crossing',
  'Mesyatsev',
  'Mesyastev',
  'Reischauer',
  'Reishauer',
  'Zhang',
  'Hanfu',
  'trade',
  'Cuban',
  'missile',
  'Caribbean',
  'Xinjiang',
  'China',
  'refugees',
  '霍尔果斯',
  '霍 尔 果 斯',
  '口岸',
  '谈判',
  '新疆',
  '章汉夫',
  '周',
  'переговоры',
  'переговорах',
  'Хрущёв',
  'Хрущева',
  'границе',
  'Месяцев',
  'unicornword',
  'walrusword',
  '118-01767-01',
  '01767',
];
const operators = ['OR', 'AND', 'NOT', '-', '|', '||', '&&', '+', '*', '"', '«', '»', '「', '」', '(', ')'];
const fields = [
  'title:',
  'person:',
  'people:',
  'place:',
  'subject:',
  'collection:',
  'ref:',
  'org:',
  'text:',
  'names:',
  'date:',
  'foo:',
];
const dates = [
  '1962',
  '1962-08',
  '1962-08-09',
  '1961..1963',
  '..1963',
  '1961..',
  '1960s',
  '1961-1963',
  '1962-13',
  '0000',
  '2199',
];
const syntax = [
  'NEAR(a b, 3)',
  '{terms exact}: x',
  'terms:x',
  'exact : "y"',
  '^start',
  'a + b',
  "'a' & 'b'",
  '!x',
  'a <-> b',
  'x:*',
  'x:A',
  "to_tsquery('simple', 'x')",
  "' OR '1'='1",
  '; DROP TABLE documents; --',
  '/* comment */',
  '%',
  '_',
  '\\',
  '\\\\"',
  '$1',
  '?',
  'NULL',
  'rowid=1',
  'search_fts MATCH',
];
const garbage = [
  '\u0000',
  '\u0001\u0002\u001f',
  '\u007f',
  '\t',
  '\n',
  '\r\n',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u202e',
  '\u2066',
  'שלום',
  'مرحبا',
  '😀',
  '👨‍👩‍👧',
  '🇨🇳',
  '\ud800',
  '\udfff',
  '𠀀𠀁',
  'ｆｕｌｌｗｉｄｔｈ',
  'e\u0301\u0301\u0301',
  'ﬁ',
  'İstanbul',
  'ß',
  '٣٤٥',
  '  ',
  '',
];

function generateQuery(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const roll = random();
  if (roll < 0.002) return pick(words).repeat(2000);
  if (roll < 0.004) return Array.from({ length: 3000 }, () => pick([...words, ...operators])).join(' ');
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 10);
  for (let i = 0; i < count; i++) {
    const kind = random();
    let part: string;
    if (kind < 0.4) part = pick(words);
    else if (kind < 0.55) part = pick(operators);
    else if (kind < 0.65)
      part = `${pick(fields)}${random() < 0.5 ? pick(words) : `"${pick(words)} ${pick(words)}`}`;
    else if (kind < 0.72) part = pick(dates);
    else if (kind < 0.82) part = pick(syntax);
    else if (kind < 0.95) part = pick(garbage);
    else part = `${pick(words)}${pick(garbage)}${pick(operators)}${'x'.repeat(Math.floor(random() * 200))}`;
    if (random() < 0.1) part = `-${part}`;
    if (random() < 0.1) part = `${part}*`;
    parts.push(part);
  }
  return parts.join(pick([' ', ' ', ' ', '', '  ', '\t', '\n']));
}

describe.each(databaseKinds())('fuzzing the search on %s', (kind) => {
  let context: TestContext;
  const published = new Set<number>();

  beforeAll(async () => {
    context = await createTestContext(kind);
    const deps = { db: context.container.database.db, dialect: context.container.database.dialect };
    for (const fixture of contractCorpus) {
      const record = documentRecordSchema.parse({ ...fixture.record, externalId: `fuzz/${fixture.key}` });
      const { id } = await saveDocument(deps, record, fixture.assets);
      if (record.status === 'published') published.add(id);
    }
  });
  afterAll(async () => {
    await context?.dispose();
  });

  it(`answers ${QUERIES} generated queries without an error and with sane results`, async () => {
    const random = prng(20261128);
    const deps = { db: context.container.database.db, dialect: context.container.database.dialect };
    const failures: string[] = [];
    const check = (q: string, result: SearchResult) => {
      const problems: string[] = [];
      if (!Number.isInteger(result.total) || result.total < 0) problems.push(`total ${result.total}`);
      if (result.hits.length > result.perPage) problems.push('more hits than a page');
      if (result.hits.length > result.total) problems.push('more hits than the total');
      if (result.exactTotal > result.total) problems.push('exact total above total');
      for (const hit of result.hits) {
        if (!published.has(hit.id)) problems.push(`unpublished document ${hit.id}`);
        for (const html of [hit.titleHtml, ...hit.snippets.map((s) => s.html)]) {
          if (/<(?!\/?mark>)/.test(html)) problems.push(`unescaped markup in ${JSON.stringify(html)}`);
        }
        if (hit.missing.length > 0 && !result.relaxed)
          problems.push('missing words outside a relaxed search');
      }
      for (const facet of result.facets) {
        for (const value of facet.values)
          if (value.count < 0) problems.push(`negative count in ${facet.name}`);
      }
      if (problems.length > 0) failures.push(`${JSON.stringify(q.slice(0, 200))}: ${problems.join('; ')}`);
    };
    // PostgreSQL answers in other processes: a few searches at once use both cores.
    const concurrency = kind === 'postgres' ? 8 : 1;
    for (let i = 0; i < QUERIES; i += concurrency) {
      const batch = Array.from({ length: Math.min(concurrency, QUERIES - i) }, (_, j) => {
        const q = generateQuery(random);
        const params = { q: [q], ...((i + j) % 20 === 0 ? {} : { facets: ['0'] }) };
        return { q, params };
      });
      await Promise.all(
        batch.map(async ({ q, params }) => {
          const { request, problems } = parseSearchParameters(params);
          if (problems.length > 0) {
            failures.push(`${JSON.stringify(q.slice(0, 200))}: parameters refused: ${problems.join(' ')}`);
            return;
          }
          try {
            check(q, await searchDocuments(deps, request));
          } catch (error) {
            failures.push(`${JSON.stringify(q.slice(0, 200))}: ${(error as Error).stack ?? String(error)}`);
          }
        }),
      );
      if (failures.length >= 5) break;
      // SQLite answers synchronously: let the test runner's own messages through now and then.
      if (i % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
