import { describe, expect, it } from 'vitest';
import { parseSearchBenchArgs, UsageError } from '../../bench/search-args.ts';
import {
  buildVocabulary,
  createRandom,
  createZipf,
  generateAuthorities,
  generateDocument,
  generateText,
} from '../../bench/search-corpus.ts';
import { buildQueryMix, percentile, QUERY_CLASSES } from '../../bench/search-queries.ts';

/** The benchmark's own parts, so `npm run bench:search` cannot rot unnoticed between runs. */

describe('synthetic corpus', () => {
  it('is deterministic: the same seed gives the same documents, another seed others', () => {
    const pool = generateAuthorities(5000, 1);
    expect(generateAuthorities(5000, 1)).toEqual(pool);
    const first = [1, 2, 777, 4999].map((n) => generateDocument(n, pool, 1));
    expect([1, 2, 777, 4999].map((n) => generateDocument(n, pool, 1))).toEqual(first);
    expect(generateDocument(777, pool, 2)).not.toEqual(first[2]);
    // A document does not depend on which documents were drawn before it.
    generateDocument(3, pool, 1);
    expect(generateDocument(777, pool, 1)).toEqual(first[2]);
  });

  it('draws ranks with Zipf frequencies: rank r about 1/r as often as rank 1', () => {
    const zipf = createZipf(10_000, 1);
    const random = createRandom(42);
    const counts = new Map<number, number>();
    for (let i = 0; i < 200_000; i++) {
      const rank = zipf(random);
      counts.set(rank, (counts.get(rank) ?? 0) + 1);
    }
    const count = (rank: number) => counts.get(rank) ?? 0;
    expect(Math.min(...counts.keys())).toBe(1);
    expect(Math.max(...counts.keys())).toBeLessThanOrEqual(10_000);
    // Harmonic number of 10,000 is about 9.79: rank 1 takes about a tenth of the draws.
    expect(count(1) / 200_000).toBeGreaterThan(0.09);
    expect(count(1) / 200_000).toBeLessThan(0.115);
    expect(count(1) / count(2)).toBeGreaterThan(1.7);
    expect(count(1) / count(2)).toBeLessThan(2.3);
    expect(count(1) / count(10)).toBeGreaterThan(7);
    expect(count(1) / count(10)).toBeLessThan(13);
    // The long tail is there: most ranks are drawn, few often.
    expect(counts.size).toBeGreaterThan(5_000);
  });

  it('builds distinct words in each script and writes text in that script', () => {
    const en = buildVocabulary('en', 2000);
    expect(new Set(en).size).toBe(2000);
    expect(en.every((w) => /^[a-z]+$/.test(w))).toBe(true);
    expect(buildVocabulary('ru', 500).every((w) => /^[а-яё]+$/.test(w))).toBe(true);
    expect(buildVocabulary('zh', 500).every((w) => /^\p{Script=Han}+$/u.test(w))).toBe(true);
    const german = generateText('de', 200, createRandom(3));
    expect(german.split(' ').length).toBeGreaterThanOrEqual(200);
    const chinese = generateText('zh', 100, createRandom(3));
    expect(chinese).not.toContain(' ');
    expect(chinese).toMatch(/。$/);
  });

  it('gives documents realistic shapes: all languages, links to records, some long transcripts', () => {
    const pool = generateAuthorities(2000, 1);
    const documents = Array.from({ length: 2000 }, (_, i) => generateDocument(i + 1, pool, 1));
    const languages = new Set(documents.map((d) => d.language));
    expect([...languages].sort()).toEqual(['de', 'en', 'ru', 'zh']);
    const ids = new Set(pool.all.map((a) => a.id));
    expect(documents.every((d) => d.links.every((l) => ids.has(l.authorityId)))).toBe(true);
    const withTranscript = documents.filter((d) => d.assets.some((a) => a.kind === 'transcript'));
    expect(withTranscript.length / documents.length).toBeGreaterThan(0.12);
    expect(withTranscript.length / documents.length).toBeLessThan(0.3);
    const longest = Math.max(...withTranscript.map((d) => d.assets[0]!.html.length));
    expect(longest).toBeGreaterThan(10_000);
    // Facet values are skewed: the most linked person is in far more documents than the median one.
    const perPerson = new Map<number, number>();
    for (const d of documents)
      for (const l of d.links)
        if (l.role === 'author') perPerson.set(l.authorityId, (perPerson.get(l.authorityId) ?? 0) + 1);
    const counts = [...perPerson.values()].sort((a, b) => b - a);
    expect(counts[0]!).toBeGreaterThan(10 * counts[Math.floor(counts.length / 2)]!);
    // Nested places: children point at an existing top-level place.
    const places = pool.byKind.place;
    expect(places.some((p) => p.parentId !== null)).toBe(true);
    expect(
      places.filter((p) => p.parentId !== null).every((p) => places.some((q) => q.id === p.parentId)),
    ).toBe(true);
  });

  it('makes a query mix of distinct searches per class, none shared with the warm-up', () => {
    const pool = generateAuthorities(10_000, 1);
    const warmUp = buildQueryMix({ documents: 10_000, pool, seed: 1, perClass: 5, stream: 1 });
    const timed = buildQueryMix({
      documents: 10_000,
      pool,
      seed: 1,
      perClass: 20,
      stream: 2,
      exclude: warmUp,
    });
    expect(timed).toHaveLength(20 * QUERY_CLASSES.length);
    const keys = timed.map((q) => `${q.queryClass}|${q.params}`);
    expect(new Set(keys).size).toBe(keys.length);
    const warmKeys = new Set(warmUp.map((q) => q.params.toString()));
    expect(timed.some((q) => warmKeys.has(q.params.toString()))).toBe(false);
    const phrase = timed.find((q) => q.queryClass === 'phrase')!;
    expect(phrase.params.get('q')).toMatch(/^"\S+ \S+"$/);
    expect(timed.find((q) => q.queryClass === 'deep page')!.params.get('page')).toMatch(/^\d+$/);
    expect(timed.find((q) => q.queryClass === 'faceted')!.params.get('place')).toMatch(/^\d+$/);
  });

  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe('bench:search arguments', () => {
  it('reads --docs in several spellings and defaults the rest', () => {
    expect(parseSearchBenchArgs(['--docs', '10000']).documents).toBe(10_000);
    expect(parseSearchBenchArgs(['--docs=100k']).documents).toBe(100_000);
    expect(parseSearchBenchArgs(['--docs', '1,000,000']).documents).toBe(1_000_000);
    const options = parseSearchBenchArgs(['--docs', '1m'], {
      CHANCERY_TEST_DATABASE_URL: 'postgres://x@h/db',
    });
    expect(options).toMatchObject({
      documents: 1_000_000,
      providers: ['sqlite', 'postgres'],
      iterations: 60,
      postgresUrl: 'postgres://x@h/db',
      rebuild: false,
    });
    expect(parseSearchBenchArgs(['--docs', '1000', '--providers', 'postgres', '--rebuild'])).toMatchObject({
      providers: ['postgres'],
      rebuild: true,
    });
  });

  it.each([
    [[], /--docs N is required/],
    [['--docs', '999'], /from 1,000 to 1,000,000/],
    [['--docs', '1000001'], /from 1,000 to 1,000,000/],
    [['--docs', 'many'], /not "many"/],
    [['--docs', '1.5k'], /whole number/],
    [['--docs'], /needs a value/],
    [['--docs', '--rebuild'], /needs a value/],
    [['--docs', '1000', '--providers', 'mysql'], /sqlite, postgres/],
    [['--docs', '1000', '--providers', ''], /sqlite, postgres/],
    [['--docs', '1000', '--iterations', '0'], /--iterations/],
    [['--docs', '1000', '--shards', '2'], /unknown option --shards/],
    [['1000'], /unexpected argument/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseSearchBenchArgs(argv)).toThrow(UsageError);
    expect(() => parseSearchBenchArgs(argv)).toThrow(message);
  });
});
