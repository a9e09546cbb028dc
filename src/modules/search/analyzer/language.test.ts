import { describe, expect, it } from 'vitest';
import { detectLanguage, resolveLanguage } from './language.ts';
import { detectScript } from './script.ts';

describe('detectScript', () => {
  it('names the main script of Chinese, Russian and English text', () => {
    expect(detectScript('中华人民共和国外交部档案')).toBe('han');
    expect(detectScript('Переговоры в Москве')).toBe('cyrillic');
    expect(detectScript('Negotiations in Moscow')).toBe('latin');
  });

  it('counts a Han character like a Western word, so Chinese with English names stays Chinese', () => {
    expect(detectScript('周恩来总理会见了 Nikita Khrushchev')).toBe('han');
    expect(detectScript('The Soviet delegation (Хрущёв) arrived in Peking')).toBe('latin');
  });

  it('treats Japanese kana as part of the Han family', () => {
    expect(detectScript('ソビエト連邦')).toBe('han');
  });

  it('is undefined for text without letters', () => {
    expect(detectScript('')).toBeUndefined();
    expect(detectScript('1962 — 😀 !!!')).toBeUndefined();
  });

  it('reports other scripts as other', () => {
    expect(detectScript('שלום עולם')).toBe('other');
  });
});

describe('detectLanguage', () => {
  it('guesses zh, ru and en from the script', () => {
    expect(detectLanguage('霍尔果斯口岸')).toBe('zh');
    expect(detectLanguage('Привет, world')).toBe('ru');
    expect(detectLanguage('Hello, мир and all')).toBe('en');
    expect(detectLanguage('مرحبا')).toBeUndefined();
  });
});

describe('resolveLanguage', () => {
  it('reads the language and its script from BCP 47 tags', () => {
    expect(resolveLanguage('en')).toEqual({ language: 'en', script: 'latin' });
    expect(resolveLanguage('ru-RU')).toEqual({ language: 'ru', script: 'cyrillic' });
    expect(resolveLanguage('zh-Hant')).toEqual({ language: 'zh', script: 'han' });
    expect(resolveLanguage('sr-Latn')).toEqual({ language: 'sr', script: 'latin' });
    expect(resolveLanguage('uk')).toEqual({ language: 'uk', script: 'cyrillic' });
  });

  it('accepts ISO 639-2 codes, upper case and underscores', () => {
    expect(resolveLanguage('rus')).toEqual({ language: 'ru', script: 'cyrillic' });
    expect(resolveLanguage('EN')).toEqual({ language: 'en', script: 'latin' });
    expect(resolveLanguage('zh_CN')).toEqual({ language: 'zh', script: 'han' });
  });

  it('treats missing, undetermined and malformed tags as unknown without throwing', () => {
    for (const tag of [undefined, null, '', 'und', 'not a tag!', '-', '😀']) {
      expect(resolveLanguage(tag)).toEqual({ language: undefined, script: undefined });
    }
  });
});
