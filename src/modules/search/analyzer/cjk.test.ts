import { describe, expect, it } from 'vitest';
import { cjkQueryTerms, forEachCjkTerm, joinCjkSpaces, segmentCjkQuery } from './cjk.ts';

const indexTerms = (run: string) => {
  const terms: string[] = [];
  forEachCjkTerm(run, (term) => terms.push(term));
  return terms;
};

describe('joinCjkSpaces', () => {
  it('removes the spaces OCR puts between Han characters', () => {
    expect(joinCjkSpaces('霍 尔 果 斯')).toBe('霍尔果斯');
    expect(joinCjkSpaces('霍\u3000尔\n果  斯')).toBe('霍尔果斯');
  });

  it('keeps spaces next to Latin words and numbers', () => {
    expect(joinCjkSpaces('周 恩 来 met Khrushchev in 1959 年')).toBe('周恩来 met Khrushchev in 1959 年');
  });
});

describe('forEachCjkTerm', () => {
  it('gives one term per character: the bigram it starts, or the last character alone', () => {
    expect(indexTerms('霍尔果斯')).toEqual(['霍尔', '尔果', '果斯', '斯']);
    expect(indexTerms('周')).toEqual(['周']);
    expect(indexTerms('')).toEqual([]);
  });

  it('keeps characters outside the Basic Multilingual Plane whole', () => {
    expect(indexTerms('𠮷野')).toEqual(['𠮷野', '野']);
  });
});

describe('cjkQueryTerms', () => {
  it('drops the final character of an open run so it matches inside longer runs', () => {
    expect(cjkQueryTerms('霍尔果斯', false)).toEqual(['霍尔', '尔果', '果斯']);
    expect(cjkQueryTerms('霍尔果斯', true)).toEqual(['霍尔', '尔果', '果斯', '斯']);
    expect(cjkQueryTerms('周', false)).toEqual(['周']);
  });
});

describe('segmentCjkQuery', () => {
  it('cuts an unspaced query into words', () => {
    const words = segmentCjkQuery('中华人民共和国外交部');
    expect(words.join('')).toBe('中华人民共和国外交部');
    expect(words).toContain('外交部');
    expect(words.length).toBeGreaterThan(1);
  });

  it('glues back the single characters ICU splits a transliterated name into', () => {
    expect(segmentCjkQuery('霍尔果斯口岸')).toEqual(['霍尔果斯', '口岸']);
  });
});
