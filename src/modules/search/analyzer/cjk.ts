import { CJK_CLASS } from './script.ts';

/**
 * Chinese and Japanese have no spaces between words, and no dictionary segmenter agrees with every
 * text: ICU splits transliterated names such as 霍尔果斯 into single characters, and splits the same
 * characters differently depending on what follows. So the index does not depend on segmentation:
 * every character of a Han/kana run gives one term at its own position, the bigram it starts
 * (霍尔 尔果 果斯), or itself when it ends the run (斯). That is as many terms as characters, which
 * keeps positions simple, and means:
 * - any string of two or more characters is found as a phrase of its bigrams, wherever words begin;
 * - a single character is found as a prefix (`霍*` matches 霍尔 and a lone 霍);
 * - upgrading Node (and so ICU's dictionary) never makes the index disagree with new queries.
 * Segmentation is used on the query side only, to split an unspaced query into words that are
 * AND-ed, as English words are (see query.ts).
 */

const OCR_SPACE = new RegExp(`(${CJK_CLASS})\\s+(?=${CJK_CLASS})`, 'gu');

/**
 * Removes whitespace between two Han/kana characters. OCR engines put a space between every Han
 * character ("霍 尔 果 斯"), and line breaks fall inside Chinese words; Chinese and Japanese never
 * separate words with spaces, so none of these is meaningful.
 */
export function joinCjkSpaces(text: string): string {
  return text.replace(OCR_SPACE, '$1');
}

/** Calls `emit` once per character of a run: the bigram it starts, or the character if it is last. */
export function forEachCjkTerm(run: string, emit: (term: string) => void): void {
  const chars = Array.from(run);
  const last = chars.length - 1;
  for (let i = 0; i < last; i++) emit(chars[i]! + chars[i + 1]!);
  if (last >= 0) emit(chars[last]!);
}

/**
 * The query terms of a run: its bigrams, without the final single character, so that the run also
 * matches where the text goes on (霍尔果斯 inside 霍尔果斯口岸). A one-character run is its character.
 * With `closed`, the final character is kept: used when the run is followed by another word of a
 * phrase, so the text's run must end there too.
 */
export function cjkQueryTerms(run: string, closed: boolean): string[] {
  const terms: string[] = [];
  forEachCjkTerm(run, (term) => terms.push(term));
  if (!closed && terms.length > 1) terms.pop();
  return terms;
}

// One instance for the process: constructing a Segmenter loads ICU data and costs ~0.1 ms.
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Splits an unspaced Han/kana query into words with ICU (周恩来在北京 → 周恩来, 在, 北京). Consecutive
 * single characters are glued back together, as ICU leaves them when it does not know a word, which
 * is typically a transliterated name (霍, 尔, 果, 斯 → 霍尔果斯).
 */
export function segmentCjkQuery(run: string): string[] {
  const words: string[] = [];
  let singles = '';
  for (const { segment } of segmenter.segment(run)) {
    const isSingle = segment.length === 1 || (segment.length === 2 && segment.codePointAt(0)! > 0xffff);
    if (isSingle) {
      singles += segment;
      continue;
    }
    if (singles !== '') words.push(singles);
    singles = '';
    words.push(segment);
  }
  if (singles !== '') words.push(singles);
  return words;
}
