import { prepareText, termOf } from './analyzer.ts';
import { cjkQueryTerms, joinCjkSpaces, segmentCjkQuery } from './cjk.ts';
import { resolveLanguage, type TextLanguage } from './language.ts';
import { normalizeText } from './normalize.ts';
import { forEachPiece, type Piece } from './tokenize.ts';

/**
 * One condition of a query; a document matches a query when it matches every clause.
 *
 * A clause matches when the `terms` column holds `terms` at consecutive positions, OR the `exact`
 * column holds `exact` at consecutive positions; with `exactOnly` (a quoted phrase) only the second.
 * With `prefix`, the last term is matched as a prefix: it is a single Han character, indexed as the
 * first half of the bigrams it starts. Both arrays have the same length, at least one.
 */
export type QueryClause = {
  terms: readonly string[];
  exact: readonly string[];
  prefix: boolean;
  exactOnly: boolean;
};

const isSingleCharacter = (text: string) =>
  text.length === 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff);

/** Clauses of unquoted words in normalised text: whitespace and Han/kana word boundaries cut them. */
function wordClauses(normalized: string, language: TextLanguage): QueryClause[] {
  const clauses: QueryClause[] = [];
  for (const userWord of normalized.split(/\s+/)) {
    // The pieces of one typed word ("118-01767-01", "Sino-Soviet") must stay together as a phrase.
    let terms: string[] = [];
    let exact: string[] = [];
    const flush = () => {
      if (exact.length > 0) clauses.push({ terms, exact, prefix: false, exactOnly: false });
      terms = [];
      exact = [];
    };
    forEachPiece(userWord, (piece) => {
      if (piece.kind === 'word') {
        terms.push(termOf(piece.word, piece.script, language));
        exact.push(piece.word);
        return;
      }
      flush();
      for (const cjkWord of segmentCjkQuery(piece.run)) {
        const bigrams = cjkQueryTerms(cjkWord, false);
        clauses.push({
          terms: bigrams,
          exact: bigrams,
          prefix: isSingleCharacter(cjkWord),
          exactOnly: false,
        });
      }
    });
    flush();
  }
  return clauses;
}

/** The clause of a quoted phrase in normalised text: all its words at consecutive positions. */
function phraseClause(normalized: string, language: TextLanguage): QueryClause | undefined {
  const pieces: Piece[] = [];
  forEachPiece(normalized, (piece) => pieces.push(piece));
  const terms: string[] = [];
  const exact: string[] = [];
  let prefix = false;
  pieces.forEach((piece, index) => {
    if (piece.kind === 'word') {
      terms.push(termOf(piece.word, piece.script, language));
      exact.push(piece.word);
      return;
    }
    const isLast = index === pieces.length - 1;
    const runTerms = cjkQueryTerms(piece.run, !isLast);
    terms.push(...runTerms);
    exact.push(...runTerms);
    prefix = isLast && isSingleCharacter(piece.run);
  });
  return exact.length === 0 ? undefined : { terms, exact, prefix, exactOnly: true };
}

/**
 * Clauses for words a reader typed without quotes. English and Russian words match any form with
 * the same stem, and any word spelled the same once folded (for languages without a stemmer).
 * An unspaced Chinese query is cut into words with ICU, each matched as a phrase of its bigrams.
 */
export function analyzeQueryTerm(words: string, language?: string): QueryClause[] {
  return wordClauses(prepareText(words), resolveLanguage(language));
}

/** The clause for a phrase to match exactly (folded, unstemmed), or undefined if it has no words. */
export function analyzePhrase(phrase: string, language?: string): QueryClause | undefined {
  return phraseClause(prepareText(phrase), resolveLanguage(language));
}

/** Straight, curly, German, Russian (« ») and CJK (「」『』) quotation marks open and close phrases. */
const QUOTE = /["\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d\u300e\u300f]/;

/**
 * Clauses for a search box query: quoted parts are exact phrases, the rest are words. An unclosed
 * quote runs to the end. Operators (OR, minus, field filters) are not this module's business: a
 * query parser can call analyzeQueryTerm and analyzePhrase on the parts it isolates.
 */
export function analyzeQuery(query: string, language?: string): QueryClause[] {
  const resolved = resolveLanguage(language);
  const clauses: QueryClause[] = [];
  normalizeText(query)
    .split(QUOTE)
    .forEach((part, index) => {
      const prepared = joinCjkSpaces(part);
      if (index % 2 === 0) clauses.push(...wordClauses(prepared, resolved));
      else {
        const phrase = phraseClause(prepared, resolved);
        if (phrase) clauses.push(phrase);
      }
    });
  return clauses;
}
