import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.ts';

describe('normalizeText', () => {
  it('lower-cases and removes Latin diacritics, so pinyin with tone marks meets plain pinyin', () => {
    expect(normalizeText('Zhōu Ēnlái')).toBe('zhou enlai');
    expect(normalizeText('KHRUSHCHËV')).toBe('khrushchev');
    expect(normalizeText('Hồ Chí Minh, Đà Nẵng')).toBe('ho chi minh, da nang');
  });

  it('folds Russian ё to е but keeps й, which is a letter of its own', () => {
    expect(normalizeText('Хрущёв')).toBe('хрущев');
    expect(normalizeText('ЁЛКА')).toBe('елка');
    expect(normalizeText('Майский чай')).toBe('майский чай');
    expect(normalizeText('за́мок')).toBe('замок');
  });

  it('applies NFKC to full-width letters, digits, ligatures and circled numbers', () => {
    expect(normalizeText('ＣＩＡ　１９６２')).toBe('cia 1962');
    expect(normalizeText('ﬁnal ①')).toBe('final 1');
  });

  it('folds letters that have no decomposition (ß, æ, ø, ł)', () => {
    expect(normalizeText('Straße Æsop Ørsted Łódź')).toBe('strasse aesop orsted lodz');
  });

  it('removes soft hyphens and zero-width joiners inside words', () => {
    expect(normalizeText('nego\u00adtiations')).toBe('negotiations');
    expect(normalizeText('пере\u200dговоры')).toBe('переговоры');
  });

  it('joins a word hyphenated at a line end but not a capitalised second part', () => {
    expect(normalizeText('пере-\nговоры')).toBe('переговоры');
    expect(normalizeText('negoti-  \r\n   ations')).toBe('negotiations');
    expect(normalizeText('Sino-\nSoviet')).toBe('sino-\nsoviet');
  });

  it('keeps punctuation, numbers and Han characters for the tokenizer', () => {
    expect(normalizeText('118-01767-01, 霍尔果斯.')).toBe('118-01767-01, 霍尔果斯.');
  });

  it('keeps Japanese voiced kana whole instead of stripping their voicing mark', () => {
    expect(normalizeText('ガイム')).toBe('ガイム');
    expect(normalizeText('ｶﾞｲﾑ')).toBe('ガイム');
  });

  it('is idempotent on mixed text', () => {
    const samples = ['Zhōu Ēnlái', 'Хрущёв İstanbul ǅ', 'ＣＩＡ ﬁ ①', '霍 尔 果 斯 ガイム', 'Æ ß ẞ ς'];
    for (const sample of samples) {
      const once = normalizeText(sample);
      expect(normalizeText(once)).toBe(once);
    }
  });

  it('returns an empty string for an empty string', () => {
    expect(normalizeText('')).toBe('');
  });
});
