import { forEachCjkTerm, joinCjkSpaces } from './cjk.ts';
import { resolveLanguage, type TextLanguage } from './language.ts';
import { normalizeText } from './normalize.ts';
import { HAS_CJK, type Script } from './script.ts';
import { stemmerFor } from './stemming.ts';
import { forEachPiece } from './tokenize.ts';

/**
 * One position of an analysed text. `term` is what ordinary searches match: the Snowball stem for
 * English and Russian words, the folded word otherwise. `exact` is the folded word itself, for quoted
 * phrases and for words of languages without a stemmer. Han/kana positions hold the same bigram in both.
 */
export type AnalyzedToken = { term: string; exact: string };

/**
 * The two strings a search provider indexes, as two columns of one row (see README.md). Both hold
 * the same number of space-separated terms, position for position, so a phrase can be matched in
 * either; every term is made only of letters, digits and combining marks.
 */
export type IndexText = { terms: string; exact: string };

/**
 * Changes whenever a text would be analysed differently: a provider records the version its index
 * was built with and rebuilds the index when this one differs, or old documents stop matching.
 */
export const ANALYZER_VERSION = 1;

const HAS_NUMBER = /\p{N}/u;

/** The `term` of a word: numbers and references (1962, rdp80) are never stemmed. */
export function termOf(word: string, script: Script, language: TextLanguage): string {
  if (script === 'latin' || script === 'cyrillic') {
    const stem = stemmerFor(script, language);
    if (stem !== undefined && !HAS_NUMBER.test(word)) return stem(word);
  }
  return word;
}

/** Normalises a whole text or query: fold, then close up the spaces OCR puts between Han characters. */
export function prepareText(text: string): string {
  const normalized = normalizeText(text);
  return HAS_CJK.test(normalized) ? joinCjkSpaces(normalized) : normalized;
}

function analyzeInto(text: string, tag: string | undefined, emit: (term: string, exact: string) => void) {
  if (text === '') return;
  const language = resolveLanguage(tag);
  forEachPiece(prepareText(text), (piece) => {
    if (piece.kind === 'cjk') forEachCjkTerm(piece.run, (bigram) => emit(bigram, bigram));
    else emit(termOf(piece.word, piece.script, language), piece.word);
  });
}

/**
 * The terms of a text, position by position. `language` is its BCP 47 tag (`en`, `ru`, `zh-Hant`);
 * without one, each word is taken by its script (Latin → English, Cyrillic → Russian). Never throws.
 */
export function analyzeTokens(text: string, language?: string): AnalyzedToken[] {
  const tokens: AnalyzedToken[] = [];
  analyzeInto(text, language, (term, exact) => tokens.push({ term, exact }));
  return tokens;
}

/**
 * The strings to index for a text (a title, a transcript page, a summary).
 *
 * Throughput on this project's machines (Node 20, one core; analyzer.bench.ts): about 8,000 texts of
 * 2 kB a second in English, Russian or Chinese with typical vocabulary, and still 3,500-5,000 when
 * every word is new to the stem memo. A million transcript pages take two to five minutes.
 */
export function analyzeForIndex(text: string, language?: string): IndexText {
  const terms: string[] = [];
  const exact: string[] = [];
  analyzeInto(text, language, (term, word) => {
    terms.push(term);
    exact.push(word);
  });
  return { terms: terms.join(' '), exact: exact.join(' ') };
}
