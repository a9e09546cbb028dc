import type { IndexText } from './analyzer.ts';
import type { QueryClause } from './query.ts';

/**
 * The matching rules of QueryClause, executed in memory: the specification that the SQLite FTS5 and
 * PostgreSQL providers implement in SQL. Tests compare the databases' answers with this one; it is
 * far too slow to search with.
 */

const splitTerms = (text: string): string[] => (text === '' ? [] : text.split(' '));

/** Whether `phrase` occurs at consecutive positions of `tokens` (the last one as a prefix if asked). */
export function containsPhrase(
  tokens: readonly string[],
  phrase: readonly string[],
  prefix: boolean,
): boolean {
  if (phrase.length === 0) return false;
  const last = phrase.length - 1;
  for (let start = 0; start + last < tokens.length; start++) {
    let found = true;
    for (let offset = 0; offset <= last && found; offset++) {
      const token = tokens[start + offset]!;
      const wanted = phrase[offset]!;
      found = prefix && offset === last ? token.startsWith(wanted) : token === wanted;
    }
    if (found) return true;
  }
  return false;
}

/** Whether an indexed text matches every clause of a query; an empty query matches nothing. */
export function matchesQuery(indexed: IndexText, clauses: readonly QueryClause[]): boolean {
  if (clauses.length === 0) return false;
  const terms = splitTerms(indexed.terms);
  const exact = splitTerms(indexed.exact);
  return clauses.every(
    (clause) =>
      (!clause.exactOnly && containsPhrase(terms, clause.terms, clause.prefix)) ||
      containsPhrase(exact, clause.exact, clause.prefix),
  );
}
