import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as russianStemmer } from '@orama/stemmers/russian';
import type { TextLanguage } from './language.ts';
import type { Script } from './script.ts';

/** Reduces one folded, lower-case word to its Snowball stem. */
export type Stemmer = (word: string) => string;

/**
 * Word frequencies are steep (a few thousand words make most of any text), so remembering stems
 * roughly doubles indexing speed. Cleared when full rather than LRU: cheaper, and the common words
 * come back within a document.
 */
const MEMO_LIMIT = 100_000;

function memoized(stem: Stemmer): Stemmer {
  const memo = new Map<string, string>();
  return (word) => {
    let result = memo.get(word);
    if (result === undefined) {
      // A stemmer never should return an empty stem, but an empty term would shift every position.
      result = stem(word) || word;
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(word, result);
    }
    return result;
  };
}

const RUSSIAN_VOWEL = /[аеиоуыэюя]/;

/**
 * Snowball removes -ов/-ев when it is the last ending (Хрущёв → хрущ, Молотов → молот) but keeps it
 * before another one (Хрущёва, Хрущёвым → хрущев), so a surname in the nominative never met its own
 * oblique cases, and archives are full of -ов/-ев surnames. Removing a final -ов/-ев left on the stem,
 * with Snowball's own condition (after the first vowel), makes the whole paradigm agree (also
 * Киев/Киева, остров/острова); the cost is a few more conflations of the kind Snowball already
 * makes (Молотов with молот).
 */
export function stemRussian(word: string): string {
  const stem = russianStemmer(word);
  if (!(stem.endsWith('ов') || stem.endsWith('ев'))) return stem;
  const firstVowel = stem.search(RUSSIAN_VOWEL);
  return firstVowel >= 0 && stem.length - 2 > firstVowel ? stem.slice(0, -2) : stem;
}

/** Languages with a stemmer; words of any other language are indexed folded but whole. */
const STEMMERS: Readonly<Record<string, Stemmer>> = {
  en: memoized(englishStemmer),
  ru: memoized(stemRussian),
};

/** The language assumed for a word whose script is not the script of its text's language. */
const LANGUAGE_OF_SCRIPT: Readonly<Record<Script, string | undefined>> = {
  latin: 'en',
  cyrillic: 'ru',
  han: undefined,
  other: undefined,
};

/**
 * The stemmer for a word of `script` in a text of `text` language. A word in the text's own script
 * follows the text's language (a French text's Latin words are not stemmed as English; a Ukrainian
 * text's Cyrillic words are not stemmed as Russian). A word in another script is taken as the
 * archive's language of that script: a Cyrillic name inside an English report is stemmed as Russian,
 * an English phrase inside a Chinese telegram as English. Untagged text follows the same defaults.
 */
export function stemmerFor(script: Script, text: TextLanguage): Stemmer | undefined {
  const language = text.script === script ? text.language : LANGUAGE_OF_SCRIPT[script];
  return language === undefined ? undefined : STEMMERS[language];
}
