import { describe, expect, it } from 'vitest';
import { analyzeForIndex, analyzeTokens } from './analyzer.ts';

const termsOf = (text: string, language?: string) => analyzeTokens(text, language).map((t) => t.term);
const exactOf = (text: string, language?: string) => analyzeTokens(text, language).map((t) => t.exact);

describe('analyzeForIndex', () => {
  it('gives stems in terms and folded words in exact, position for position', () => {
    const indexed = analyzeForIndex('The Negotiations at Horgos', 'en');
    expect(indexed).toEqual({ terms: 'the negoti at horgo', exact: 'the negotiations at horgos' });
  });

  it('indexes Russian words by their stems, with ё folded to е in both strings', () => {
    expect(analyzeForIndex('Переговоры с Хрущёвым', 'ru')).toEqual({
      terms: 'переговор с хрущ',
      exact: 'переговоры с хрущевым',
    });
  });

  it('indexes each Han character as the bigram it starts, whatever the segmenter thinks', () => {
    expect(analyzeForIndex('霍尔果斯口岸', 'zh')).toEqual({
      terms: '霍尔 尔果 果斯 斯口 口岸 岸',
      exact: '霍尔 尔果 果斯 斯口 口岸 岸',
    });
  });

  it('removes OCR spaces between Han characters before indexing', () => {
    expect(analyzeForIndex('霍 尔 果 斯', 'zh')).toEqual(analyzeForIndex('霍尔果斯', 'zh'));
    expect(analyzeForIndex('霍 尔\n果 斯', 'zh-Hant')).toEqual(analyzeForIndex('霍尔果斯', 'zh-Hant'));
  });

  it('separates Han runs from numbers and Latin words glued to them', () => {
    expect(exactOf('1962年周恩来会见Khrushchev')).toEqual([
      '1962',
      '年周',
      '周恩',
      '恩来',
      '来会',
      '会见',
      '见',
      'khrushchev',
    ]);
  });

  it('keeps numbers as terms and splits archival references at their hyphens', () => {
    expect(exactOf('Ref. 118-01767-01 (1962), CIA-RDP80-00810A')).toEqual([
      'ref',
      '118',
      '01767',
      '01',
      '1962',
      'cia',
      'rdp80',
      '00810a',
    ]);
    expect(termsOf('1960s rdp80')).toEqual(['1960s', 'rdp80']);
  });

  it('stems a Cyrillic name inside an English text as Russian', () => {
    expect(termsOf('Talks with Хрущёвым continued', 'en')).toEqual(['talk', 'with', 'хрущ', 'continu']);
  });

  it('stems English words inside a Russian or Chinese text as English', () => {
    expect(termsOf('Переговоры (negotiations)', 'ru')).toEqual(['переговор', 'negoti']);
    expect(termsOf('谈判 negotiations', 'zh')).toEqual(['谈判', '判', 'negoti']);
  });

  it('does not stem the words of a language without a stemmer, but still its foreign-script words', () => {
    expect(termsOf('Les négociations avec Хрущёвым', 'fr')).toEqual(['les', 'negociations', 'avec', 'хрущ']);
    expect(termsOf('Переговори з Хрущовим', 'uk')).toEqual(['переговори', 'з', 'хрущовим']);
  });

  it('drops English possessives and joins other apostrophes', () => {
    expect(exactOf("Zhou Enlai's visit; O'Brien didn't; the Soviets' view")).toEqual([
      'zhou',
      'enlai',
      'visit',
      'obrien',
      'didnt',
      'the',
      'soviets',
      'view',
    ]);
  });

  it('folds diacritics the same way in both strings', () => {
    expect(analyzeForIndex('Zhōu Ēnlái')).toEqual(analyzeForIndex('Zhou Enlai'));
    expect(analyzeForIndex('KHRUSHCHËV')).toEqual(analyzeForIndex('Khrushchev'));
  });
});

describe('analyzeForIndex on hostile input', () => {
  const hostile: Record<string, string> = {
    empty: '',
    'only spaces': ' \t\n ',
    emoji: '😀👍🏽 🇨🇳 👨‍👩‍👧 ❤️',
    'control characters': '\u0000\u0001\u0007\b\u001b[31m\u007f\u0085\u200e\u202e',
    'right-to-left text': 'שָׁלוֹם עולם مَرْحَبًا بالعالم \u202bمرحبا\u202c',
    'lone surrogates': '\ud800abc\udfff 周\ud83d',
    'combining marks alone': '\u0301\u0308 \u0306',
    '10 kB of Latin without a space': 'x'.repeat(10_240),
    '10 kB of Han': '霍尔果斯口岸'.repeat(1_707),
    '10 kB of OCR-spaced Han': '霍 尔 果 斯 '.repeat(1_280),
    '10 kB of mixed text': 'Переговоры 谈判 negotiations 118-01767-01 😀 שלום, '.repeat(200),
  };

  for (const [name, text] of Object.entries(hostile)) {
    it(`never throws and keeps both strings aligned on ${name}`, () => {
      const indexed = analyzeForIndex(text);
      const terms = indexed.terms === '' ? [] : indexed.terms.split(' ');
      const exact = indexed.exact === '' ? [] : indexed.exact.split(' ');
      expect(terms).toHaveLength(exact.length);
      expect(terms.every((term) => term !== '')).toBe(true);
    });
  }

  it('gives nothing to index for text without letters or digits', () => {
    for (const text of ['', '😀👍🏽', '\u0000\u0007', '—!?…', '\u0301']) {
      expect(analyzeForIndex(text)).toEqual({ terms: '', exact: '' });
    }
  });

  it('keeps right-to-left words as folded terms', () => {
    expect(exactOf('שלום عالم')).toEqual(['שלום', 'عالم']);
  });

  it('cuts words longer than 80 characters without splitting a surrogate pair', () => {
    const [long] = exactOf(`${'a'.repeat(79)}𠮷${'b'.repeat(20)}`);
    expect(long).toBe('a'.repeat(79));
    expect(exactOf('y'.repeat(10_240))).toEqual(['y'.repeat(80)]);
  });

  it('survives random code points', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let round = 0; round < 200; round++) {
      const codes = Array.from({ length: 50 }, () => Math.floor(random() * 0x11_0000));
      const text = String.fromCodePoint(
        ...codes.map((code) => (code >= 0xd800 && code <= 0xdfff ? 0x20 : code)),
      );
      const { terms, exact } = analyzeForIndex(text);
      expect(terms.split(' ')).toHaveLength(exact.split(' ').length);
    }
  });
});
