/**
 * The letters of an A–Z index over names in several scripts. Latin names go under A–Z (diacritics and
 * ligatures folded: Ł under L, Æ under A), Cyrillic and Greek names under their own capital letters (Ё
 * with Е, as Russian indexes do), numbers under "0–9", and everything else (Chinese, Japanese, Korean,
 * Arabic...) in one "CJK / other" group sorted by a Chinese collation, which orders Han names by
 * their pinyin reading.
 */

/** A group of the index: a capital letter, `0-9`, or `other`. */
export type LetterKey = string;

export const DIGITS_KEY = '0-9';
export const OTHER_KEY = 'other';

const LATIN_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Latin letters that do not decompose into A–Z plus a mark. */
const latinFolds: Record<string, string> = {
  Æ: 'A',
  Ø: 'O',
  Œ: 'O',
  Ł: 'L',
  Đ: 'D',
  Ð: 'D',
  Þ: 'T',
  ß: 'S',
  Ħ: 'H',
  Ŋ: 'N',
};

/** The first letter or digit of a name: "[Nikolai] Mesyatsev" is indexed under N, "'Abd" under A. */
function firstCharacter(name: string): string | undefined {
  const match = /[\p{L}\p{N}]/u.exec(name.normalize('NFC'));
  return match?.[0];
}

/** The group a name is listed under. */
export function letterOf(name: string): LetterKey {
  const first = firstCharacter(name);
  if (!first) return OTHER_KEY;
  if (/\p{N}/u.test(first)) return DIGITS_KEY;
  const base = first
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase();
  if (/\p{Script=Latin}/u.test(first)) {
    const folded = latinFolds[base] ?? latinFolds[first.toUpperCase()] ?? base;
    return /^[A-Z]$/.test(folded) ? folded : OTHER_KEY;
  }
  if (/\p{Script=Cyrillic}/u.test(first)) {
    // NFD would turn Й into И plus a breve: Й keeps its own place; Ё goes with Е.
    const upper = first.toUpperCase();
    return upper === 'Й' ? 'Й' : upper === 'Ё' ? 'Е' : base;
  }
  if (/\p{Script=Greek}/u.test(first)) return base;
  return OTHER_KEY;
}

/** Whether a `letter` query value names a group at all (it may still be empty). */
export function parseLetterKey(value: string | undefined): LetterKey | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === DIGITS_KEY || trimmed.toLowerCase() === OTHER_KEY) return trimmed.toLowerCase();
  if (/^\p{L}$/u.test(trimmed)) {
    const key = letterOf(trimmed);
    return key === OTHER_KEY ? undefined : key;
  }
  return undefined;
}

const scriptRank = (key: LetterKey): number => {
  if (key === DIGITS_KEY) return 0;
  if (key === OTHER_KEY) return 4;
  if (/^[A-Z]$/.test(key)) return 1;
  if (/\p{Script=Greek}/u.test(key)) return 2;
  return 3;
};

/** The row of the letter bar a group belongs to; non-Latin alphabets get their own labelled rows. */
export function letterRow(key: LetterKey): 'Latin' | 'Greek' | 'Cyrillic' | 'Other scripts' {
  const rank = scriptRank(key);
  return rank <= 1 ? 'Latin' : rank === 2 ? 'Greek' : rank === 3 ? 'Cyrillic' : 'Other scripts';
}

const letterCollator = new Intl.Collator('ru');

/** Index groups in reading order: 0–9, A–Z, Greek, Cyrillic, then CJK / other. */
export function compareLetterKeys(a: LetterKey, b: LetterKey): number {
  return scriptRank(a) - scriptRank(b) || letterCollator.compare(a, b);
}

/** The letters every index shows, whether or not it has names under them. */
export const alwaysShownLetters: readonly LetterKey[] = LATIN_LETTERS;

export const letterLabel = (key: LetterKey): string =>
  key === DIGITS_KEY ? '0–9' : key === OTHER_KEY ? 'CJK / other' : key;

const nameCollator = new Intl.Collator('und', { sensitivity: 'base', numeric: true });
const otherCollator = new Intl.Collator('zh', { sensitivity: 'base', numeric: true });

/** Orders names within one group; the CJK / other group by Chinese collation (pinyin for Han). */
export const nameComparator = (key: LetterKey) =>
  key === OTHER_KEY ? otherCollator.compare : nameCollator.compare;
