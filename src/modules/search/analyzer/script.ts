/**
 * Writing systems, which decide how a run of text is cut into terms: Han (with Japanese kana) has no
 * spaces and is indexed by characters; Cyrillic and Latin words are stemmed; others are only folded.
 */

export type Script = 'han' | 'cyrillic' | 'latin' | 'other';

/**
 * Characters indexed as overlapping bigrams: Han ideographs (with 〇 and 々) and Japanese kana, which
 * mix freely inside Japanese words. The prolonged sound mark ー is "Common" script but only occurs in
 * kana words. Hangul is left out: Korean separates words with spaces.
 */
export const CJK_CLASS = '[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\u30fc]';

export const HAS_CJK = new RegExp(CJK_CLASS, 'u');
const HAS_CYRILLIC = /\p{sc=Cyrillic}/u;
const HAS_LATIN = /\p{sc=Latin}/u;

/** The script of one word (never Han: those are cut out before). A Cyrillic letter wins over Latin. */
export function wordScript(word: string): Script {
  if (HAS_CYRILLIC.test(word)) return 'cyrillic';
  if (HAS_LATIN.test(word)) return 'latin';
  return 'other';
}

/**
 * One vote per Latin or Cyrillic word and per Han or kana character, as a Chinese character carries
 * about as much as a Western word; other letters vote for "other".
 */
const SCRIPT_VOTER = new RegExp(
  `(${CJK_CLASS})|(\\p{sc=Cyrillic}[\\p{sc=Cyrillic}\\p{M}]*)|(\\p{sc=Latin}[\\p{sc=Latin}\\p{M}]*)|\\p{L}+`,
  'gu',
);

/** Looking at the start of a long text is enough to tell its main script and keeps this cheap. */
const DETECTION_SAMPLE = 10_000;

/**
 * The main script of a text, or undefined when it has no letters (numbers, punctuation, emoji).
 * Ties go to the script seen first.
 */
export function detectScript(text: string): Script | undefined {
  const counts = { han: 0, cyrillic: 0, latin: 0, other: 0 };
  const sample = text.length > DETECTION_SAMPLE ? text.slice(0, DETECTION_SAMPLE) : text;
  let best: Script | undefined;
  for (const match of sample.matchAll(SCRIPT_VOTER)) {
    const script: Script =
      match[1] !== undefined ? 'han' : match[2] !== undefined ? 'cyrillic' : match[3] ? 'latin' : 'other';
    counts[script] += 1;
    if (best === undefined || counts[script] > counts[best]) best = script;
  }
  return best;
}
