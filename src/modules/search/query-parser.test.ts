import { describe, expect, it } from 'vitest';
import { cleanQuery, MAX_QUERY_LENGTH, MAX_TERMS, parseQuery } from './query-parser.ts';

const summary = (q: string) => {
  const parsed = parseQuery(q);
  return {
    groups: parsed.groups.map((g) => g.terms.map((t) => `${t.field}:${t.kind}:${t.source}`)),
    excluded: parsed.excluded.map((t) => `${t.field}:${t.kind}:${t.source}`),
    dates: parsed.dates,
  };
};

describe('the query parser', () => {
  it('reads plain words as groups that must all match', () => {
    expect(summary('soviet border')).toEqual({
      groups: [['any:word:soviet'], ['any:word:border']],
      excluded: [],
      dates: null,
    });
  });

  it('reads quoted text as a phrase, in any of the quotation marks archives use', () => {
    for (const q of ['"border crossing"', '“border crossing”', '«border crossing»', '「border crossing」']) {
      expect(summary(q).groups).toEqual([[`any:phrase:"border crossing"`]]);
    }
    expect(parseQuery('"border crossing"').groups[0]!.terms[0]!.clauses[0]).toMatchObject({
      exact: ['border', 'crossing'],
      exactOnly: true,
    });
  });

  it('closes an unbalanced quote at the end of the query', () => {
    expect(summary('khorgos "border cross').groups).toEqual([
      ['any:word:khorgos'],
      ['any:phrase:"border cross"'],
    ]);
  });

  it('joins the terms around OR into one group, OR binding tighter than AND', () => {
    expect(summary('khorgos Reischauer OR Mesyatsev').groups).toEqual([
      ['any:word:khorgos'],
      ['any:word:Reischauer', 'any:word:Mesyatsev'],
    ]);
    expect(summary('(a OR b) c').groups).toEqual([['any:word:a', 'any:word:b'], ['any:word:c']]);
    expect(summary('OR a OR').groups).toEqual([['any:word:a']]);
  });

  it('excludes terms after a minus sign or NOT, phrases and fields included', () => {
    expect(summary('cuba -missile NOT crisis -"cold war" -person:castro')).toEqual({
      groups: [['any:word:cuba']],
      excluded: ['any:word:missile', 'any:word:crisis', 'any:phrase:"cold war"', 'person:word:castro'],
      dates: null,
    });
    expect(summary('- cuba').groups).toEqual([['any:word:cuba']]);
  });

  it('matches a word ending in a star as a prefix of its exact form', () => {
    const [term] = parseQuery('negotiat*').groups[0]!.terms;
    expect(term).toMatchObject({ kind: 'prefix' });
    expect(term!.clauses[0]).toEqual({
      terms: ['negotiat'],
      exact: ['negotiat'],
      prefix: true,
      exactOnly: true,
    });
    // One letter is no prefix: it stays a word.
    expect(parseQuery('a*').groups[0]!.terms[0]!.kind).toBe('word');
    expect(parseQuery('*').groups).toEqual([]);
  });

  it('reads field prefixes, with or without a space, and treats unknown ones as text', () => {
    expect(summary('title:khorgos person: Mesyatsev place:"Inner Mongolia" ref:118-01767-01').groups).toEqual(
      [
        ['title:word:khorgos'],
        ['person:word:Mesyatsev'],
        ['place:phrase:"Inner Mongolia"'],
        ['ref:word:118-01767-01'],
      ],
    );
    expect(summary('http://example.org 12:30').groups).toEqual([
      ['any:word:http://example.org'],
      ['any:word:12:30'],
    ]);
  });

  it('reads years, months, decades and ranges as a date filter', () => {
    expect(summary('1962').dates).toEqual({ from: '1962-01-01', to: '1962-12-31' });
    expect(summary('1962-08').dates).toEqual({ from: '1962-08-01', to: '1962-08-31' });
    expect(summary('1960s').dates).toEqual({ from: '1960-01-01', to: '1969-12-31' });
    expect(summary('1961..1963').dates).toEqual({ from: '1961-01-01', to: '1963-12-31' });
    expect(summary('1963-1961').dates).toEqual({ from: '1961-01-01', to: '1963-12-31' });
    expect(summary('..1963').dates).toEqual({ from: null, to: '1963-12-31' });
    expect(summary('1962 1964').dates).toEqual({ from: '1962-01-01', to: '1964-12-31' });
    expect(parseQuery('1962').notices.map((n) => n.code)).toEqual(['search.date_in_query']);
  });

  it("keeps numbers outside the archive's years, and quoted years, as text", () => {
    const sixties = { min: 1958, max: 1969 };
    expect(parseQuery('Resolution 1514', sixties).dates).toBeNull();
    expect(parseQuery('Resolution 1514', sixties).groups).toHaveLength(2);
    expect(parseQuery('1962', sixties).dates).toEqual({ from: '1962-01-01', to: '1962-12-31' });
    expect(parseQuery('1950s', sixties).dates).toEqual({ from: '1950-01-01', to: '1959-12-31' });
    expect(parseQuery('1945..1962', sixties).dates).toEqual({ from: '1945-01-01', to: '1962-12-31' });
    expect(summary('Resolution 1514').dates).toEqual({ from: '1514-01-01', to: '1514-12-31' });
    expect(summary('"1962"')).toMatchObject({ groups: [['any:phrase:"1962"']], dates: null });
    expect(summary('1962-13').dates).toBeNull();
  });

  it('drops characters no search can use and caps the length', () => {
    expect(cleanQuery('a\u0000b\u0007c \u202eevil\ud800').text).toBe('a b c evil');
    expect(cleanQuery('😀 fine').text).toBe('😀 fine');
    const long = cleanQuery('x'.repeat(MAX_QUERY_LENGTH + 500));
    expect(long.truncated).toBe(true);
    expect(Array.from(long.text)).toHaveLength(MAX_QUERY_LENGTH);
    expect(parseQuery('y'.repeat(20_000)).notices.map((n) => n.code)).toContain('search.query_truncated');
  });

  it('searches at most a fixed number of terms and says so', () => {
    const parsed = parseQuery(Array.from({ length: MAX_TERMS + 5 }, (_, i) => `w${i}`).join(' '));
    expect(parsed.groups).toHaveLength(MAX_TERMS);
    expect(parsed.notices.map((n) => n.code)).toContain('search.too_many_terms');
  });

  it('says when nothing in the query can be searched', () => {
    expect(parseQuery('*** --- ((( 😀').notices.map((n) => n.code)).toEqual(['search.nothing_to_search']);
    expect(parseQuery('').notices).toEqual([]);
  });

  it('cuts an unspaced Chinese query into words that must all match', () => {
    const [term] = parseQuery('周恩来在北京').groups[0]!.terms;
    expect(term!.clauses.length).toBeGreaterThan(1);
    expect(parseQuery('霍尔果斯').groups[0]!.terms[0]!.clauses).toEqual([
      { terms: ['霍尔', '尔果', '果斯'], exact: ['霍尔', '尔果', '果斯'], prefix: false, exactOnly: false },
    ]);
  });
});
