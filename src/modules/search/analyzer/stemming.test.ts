import { describe, expect, it } from 'vitest';
import { resolveLanguage } from './language.ts';
import { stemmerFor, stemRussian } from './stemming.ts';

const stem = (word: string, script: 'latin' | 'cyrillic', tag?: string) =>
  stemmerFor(script, resolveLanguage(tag))?.(word) ?? word;

describe('stemmerFor', () => {
  it('stems English inflections to one stem', () => {
    const stems = ['negotiations', 'negotiating', 'negotiated', 'negotiate'].map((w) =>
      stem(w, 'latin', 'en'),
    );
    expect(new Set(stems)).toEqual(new Set(['negoti']));
  });

  it('stems Russian case forms to one stem', () => {
    const stems = ['переговоры', 'переговорах', 'переговоров'].map((w) => stem(w, 'cyrillic', 'ru'));
    expect(new Set(stems)).toEqual(new Set(['переговор']));
  });

  it('stems Cyrillic words as Russian and Latin words as English when the text has no tag', () => {
    expect(stem('переговорах', 'cyrillic')).toBe('переговор');
    expect(stem('archives', 'latin')).toBe('archiv');
  });

  it('stems a word in a foreign script by that script, inside a tagged text', () => {
    expect(stem('переговорах', 'cyrillic', 'en')).toBe('переговор');
    expect(stem('archives', 'latin', 'ru')).toBe('archiv');
    expect(stem('archives', 'latin', 'zh-Hant')).toBe('archiv');
  });

  it('leaves words unstemmed in the own script of a language without a stemmer', () => {
    expect(stemmerFor('latin', resolveLanguage('fr'))).toBeUndefined();
    expect(stemmerFor('cyrillic', resolveLanguage('uk'))).toBeUndefined();
    expect(stemmerFor('other', resolveLanguage(undefined))).toBeUndefined();
  });
});

describe('stemRussian', () => {
  it('gives a surname in -ов/-ев the same stem in every case', () => {
    for (const forms of [
      ['хрущев', 'хрущева', 'хрущеву', 'хрущевым', 'хрущеве'],
      ['молотов', 'молотова', 'молотовым'],
      ['брежнев', 'брежнева', 'брежневу'],
    ]) {
      expect(new Set(forms.map(stemRussian)).size).toBe(1);
    }
  });

  it('keeps -ов that is part of the root before the first vowel (новый, слово)', () => {
    expect(stemRussian('новый')).toBe('нов');
    expect(stemRussian('слова')).toBe('слов');
    expect(stemRussian('лев')).toBe('лев');
  });
});
