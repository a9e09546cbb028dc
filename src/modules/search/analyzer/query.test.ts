import { describe, expect, it } from 'vitest';
import { analyzeForIndex } from './analyzer.ts';
import { analyzePhrase, analyzeQuery, analyzeQueryTerm } from './query.ts';
import { matchesQuery } from './reference-matcher.ts';

/** Whether a document text (with its language) is found by a search box query. */
const finds = (query: string, text: string, language?: string) =>
  matchesQuery(analyzeForIndex(text, language), analyzeQuery(query));

describe('analyzeQueryTerm', () => {
  it('gives the stem and the folded word of an English or Russian word', () => {
    expect(analyzeQueryTerm('Negotiations')).toEqual([
      { terms: ['negoti'], exact: ['negotiations'], prefix: false, exactOnly: false },
    ]);
    expect(analyzeQueryTerm('переговорах')).toEqual([
      { terms: ['переговор'], exact: ['переговорах'], prefix: false, exactOnly: false },
    ]);
  });

  it('turns a Han word into the phrase of its bigrams', () => {
    expect(analyzeQueryTerm('霍尔果斯')).toEqual([
      { terms: ['霍尔', '尔果', '果斯'], exact: ['霍尔', '尔果', '果斯'], prefix: false, exactOnly: false },
    ]);
  });

  it('turns a single Han character into a prefix term', () => {
    expect(analyzeQueryTerm('周')).toEqual([
      { terms: ['周'], exact: ['周'], prefix: true, exactOnly: false },
    ]);
  });

  it('keeps the parts of a hyphenated reference together as one phrase', () => {
    expect(analyzeQueryTerm('118-01767-01')).toEqual([
      { terms: ['118', '01767', '01'], exact: ['118', '01767', '01'], prefix: false, exactOnly: false },
    ]);
  });

  it('gives no clause for punctuation, emoji or an empty string', () => {
    expect(analyzeQueryTerm('')).toEqual([]);
    expect(analyzeQueryTerm('?!… 😀')).toEqual([]);
  });
});

describe('analyzePhrase', () => {
  it('is exact-only and keeps Han runs that are followed by another word closed', () => {
    expect(analyzePhrase('北京 Khrushchev')).toEqual({
      terms: ['北京', '京', 'khrushchev'],
      exact: ['北京', '京', 'khrushchev'],
      prefix: false,
      exactOnly: true,
    });
  });

  it('is undefined for a phrase without words', () => {
    expect(analyzePhrase('  ... ')).toBeUndefined();
  });
});

describe('analyzeQuery', () => {
  it('splits quoted phrases of any quotation style from plain words', () => {
    const clauses = analyzeQuery('talks "Zhou Enlai" «Хрущёв сказал» 「霍尔果斯」');
    expect(clauses.map((clause) => [clause.exact.join(' '), clause.exactOnly])).toEqual([
      ['talks', false],
      ['zhou enlai', true],
      ['хрущев сказал', true],
      ['霍尔 尔果 果斯', true],
    ]);
  });

  it('cuts an unspaced Chinese query into words that must all occur', () => {
    const clauses = analyzeQuery('霍尔果斯口岸');
    expect(clauses.map((clause) => clause.exact.join(' '))).toEqual(['霍尔 尔果 果斯', '口岸']);
  });

  it('treats an unclosed quote as running to the end', () => {
    expect(analyzeQuery('"Zhou Enlai').map((clause) => clause.exactOnly)).toEqual([true]);
  });
});

describe('query and index analysed alike', () => {
  it('finds 霍尔果斯, which the segmenter splits into single characters, in any context', () => {
    expect(finds('霍尔果斯', '1962年霍尔果斯口岸的谈判', 'zh')).toBe(true);
    expect(finds('霍尔果斯', '霍尔果斯')).toBe(true);
    expect(finds('霍尔果斯口岸', '在霍尔果斯口岸谈判', 'zh')).toBe(true);
    expect(finds('霍尔果斯', '霍尔口岸果斯', 'zh')).toBe(false);
  });

  it('finds Han text that OCR spaced out, and spaced-out queries in clean text', () => {
    expect(finds('霍尔果斯', '霍 尔 果 斯 口 岸', 'zh')).toBe(true);
    expect(finds('霍 尔 果 斯', '霍尔果斯口岸', 'zh')).toBe(true);
    expect(finds('"霍尔果斯口岸"', '霍 尔 果\n斯 口 岸', 'zh')).toBe(true);
  });

  it('finds two-character words and single characters anywhere in a run', () => {
    expect(finds('谈判', '中苏边界谈判记录', 'zh')).toBe(true);
    expect(finds('周', '周恩来总理', 'zh')).toBe(true);
    expect(finds('来', '周恩来', 'zh')).toBe(true);
    expect(finds('毛', '周恩来总理', 'zh')).toBe(false);
  });

  it('matches ё and е both ways', () => {
    expect(finds('Хрущёв', 'Речь Хрущева', 'ru')).toBe(true);
    expect(finds('Хрущев', 'Речь Хрущёва', 'ru')).toBe(true);
    expect(finds('"хрущёва"', 'речь Хрущева', 'ru')).toBe(true);
  });

  it('matches names with and without diacritics', () => {
    expect(finds('Zhou Enlai', 'Premier Zhōu Ēnlái met the delegation', 'en')).toBe(true);
    expect(finds('Zhōu Ēnlái', 'Premier Zhou Enlai met the delegation', 'en')).toBe(true);
    expect(finds('Khrushchev', 'Nikita KHRUSHCHËV spoke', 'en')).toBe(true);
  });

  it('matches English inflections through stems, but not in a quoted phrase', () => {
    expect(finds('negotiations', 'They were negotiating the border', 'en')).toBe(true);
    expect(finds('"negotiations"', 'They were negotiating the border', 'en')).toBe(false);
    expect(finds('"negotiating the border"', 'They were negotiating the border', 'en')).toBe(true);
  });

  it('matches Russian case forms through stems', () => {
    expect(finds('переговоры', 'На переговорах в Пекине', 'ru')).toBe(true);
    expect(finds('Хрущёв', 'визит Хрущёва в Пекин', 'ru')).toBe(true);
    expect(finds('"переговоры"', 'На переговорах в Пекине', 'ru')).toBe(false);
  });

  it('finds a Russian name inside an English document, whatever the case of the name', () => {
    expect(finds('Хрущёв', 'The cable quotes Хрущёвым verbatim.', 'en')).toBe(true);
  });

  it('finds words of languages without a stemmer by their exact folded form', () => {
    expect(finds('négociations', 'Les négociations de Pékin', 'fr')).toBe(true);
    expect(finds('Pekin', 'Les négociations de Pékin', 'fr')).toBe(true);
  });

  it('finds parts of an archival reference and the whole reference, in order only', () => {
    const text = 'Document 118-01767-01, Ministry of Foreign Affairs Archive';
    expect(finds('01767', text, 'en')).toBe(true);
    expect(finds('118-01767-01', text, 'en')).toBe(true);
    expect(finds('01-01767-118', text, 'en')).toBe(false);
  });

  it('keeps a quoted phrase exact even across an English possessive', () => {
    expect(finds('"Zhou Enlai"', "Zhou Enlai's visit to Moscow", 'en')).toBe(true);
    expect(finds('"Enlai Zhou"', "Zhou Enlai's visit to Moscow", 'en')).toBe(false);
  });

  it('requires every word of a query', () => {
    expect(finds('Khrushchev 霍尔果斯', 'Khrushchev at 霍尔果斯', 'en')).toBe(true);
    expect(finds('Khrushchev 霍尔果斯', 'Khrushchev at Horgos', 'en')).toBe(false);
  });

  it('finds nothing for an empty query', () => {
    expect(finds('', 'anything at all')).toBe(false);
  });
});
