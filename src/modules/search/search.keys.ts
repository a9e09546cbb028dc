import { normalizeText } from './analyzer/index.ts';

/**
 * Small derived keys the index stores beside the analysed text: sortable titles, vocabulary entries
 * for "did you mean", and name prefixes for suggestions. Pure functions, shared by the indexer and
 * the readers that look the keys up, so both sides always derive them alike.
 */

/** Folded title for sorting: case and accents ignored, leading quotes and brackets skipped. */
export function titleSortKey(title: string): string {
  return normalizeText(title)
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/\s+/g, ' ')
    .slice(0, 200);
}

/** Words worth offering as corrections: alphabetic words of alphabetic scripts, 3–40 letters. */
const CORRECTABLE = /^[\p{sc=Latin}\p{sc=Cyrillic}\p{sc=Greek}\p{M}]{3,40}$/u;

/**
 * Candidates are looked up by their first or last three characters within a length window: a word
 * misspelt by one or two letters nearly always keeps one of its ends.
 */
export const headOf = (word: string) => Array.from(word).slice(0, 3).join('');
export const tailOf = (word: string) => Array.from(word).slice(-3).join('');

export const isCorrectable = (word: string) => CORRECTABLE.test(word);

export function vocabularyEntry(
  word: string,
): { term: string; length: number; head: string; tail: string } | undefined {
  if (!CORRECTABLE.test(word)) return undefined;
  return { term: word, length: Array.from(word).length, head: headOf(word), tail: tailOf(word) };
}

const MAX_KEY_LENGTH = 120;

/** The folded words of a name or a typed prefix: "Zhōu Ēnlái" → ["zhou", "enlai"]. */
export function nameWords(text: string): string[] {
  return normalizeText(text)
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
}

/**
 * The keys of one name: the folded name from each word on ("nikolai mesyatsev", "mesyatsev"), so a
 * prefix typed from any word finds it. A key never ends inside a surrogate pair.
 */
export function nameKeys(name: string): string[] {
  const words = nameWords(name);
  const keys = new Set<string>();
  for (let i = 0; i < words.length && i < 8; i++) {
    keys.add(Array.from(words.slice(i).join(' ')).slice(0, MAX_KEY_LENGTH).join(''));
  }
  return [...keys];
}

/** The typed prefix as a key, or undefined when it holds no letter or digit. */
export function prefixKey(typed: string): string | undefined {
  const key = Array.from(nameWords(typed).join(' ')).slice(0, MAX_KEY_LENGTH).join('');
  return key === '' ? undefined : key;
}
