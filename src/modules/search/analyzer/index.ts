/**
 * The one text analyser of the search feature: documents are indexed and queries are looked up
 * through the same functions, so that both sides always agree. Pure: no database, no I/O.
 * README.md explains the index format to search-provider authors.
 */
export {
  ANALYZER_VERSION,
  type AnalyzedToken,
  analyzeForIndex,
  analyzeTokens,
  type IndexText,
} from './analyzer.ts';
export { detectLanguage, resolveLanguage, type TextLanguage } from './language.ts';
export { normalizeText } from './normalize.ts';
export { analyzePhrase, analyzeQuery, analyzeQueryTerm, type QueryClause } from './query.ts';
export { containsPhrase, matchesQuery } from './reference-matcher.ts';
export { detectScript, type Script } from './script.ts';
