import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../../database/tables.ts';
import type { QueryClause } from '../analyzer/index.ts';
import {
  type AnalysedPart,
  documentScoreSql,
  insertPartRows,
  type PartScope,
  partWeightSql,
  type SearchProvider,
} from '../search.provider.ts';

/**
 * PostgreSQL full-text search over the analysed text: one tsvector per part, built with the `simple`
 * configuration (the analyser has already stemmed and folded; the `english` or `russian`
 * configurations would stem again), with a GIN index. Stems are stored with weight A and exact forms
 * with weight B in the same vector, so a query can ask for either; `||` shifts the exact half's
 * positions past the stems', and phrases never straddle the two. Ranked by ts_rank_cd.
 *
 * The RUM extension would rank faster, but it is not installed by default and is not required.
 */

/** A lexeme for to_tsquery: quoted, so the parser sees the term and nothing of tsquery syntax. */
const lexeme = (term: string) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

function phrase(terms: readonly string[], weight: 'A' | 'B' | '', prefix: boolean): string {
  const last = terms.length - 1;
  return terms
    .map((term, i) => {
      const label = `${prefix && i === last ? '*' : ''}${weight}`;
      return label === '' ? lexeme(term) : `${lexeme(term)}:${label}`;
    })
    .join(' <-> ');
}

/** One clause as tsquery text: stems (weight A) or exact forms (weight B) at consecutive positions. */
export function tsqueryClause(clause: QueryClause): string {
  const exact = `(${phrase(clause.exact, 'B', clause.prefix)})`;
  if (clause.exactOnly) return exact;
  // When the stems are the words themselves (names, numbers, Chinese), either weight will do: one
  // lexeme without a weight is the same test, and PostgreSQL estimates it far better (with A | B it
  // counts the word twice and may prefer a sequential scan to the GIN index).
  const same =
    clause.terms.length === clause.exact.length && clause.terms.every((t, i) => t === clause.exact[i]);
  if (same) return `(${phrase(clause.terms, '', clause.prefix)})`;
  return `(${phrase(clause.terms, 'A', clause.prefix)}) | ${exact}`;
}

const toTsquery = (text: string) => sql`to_tsquery('simple', ${text})`;
const anyOf = (clauses: readonly QueryClause[]) =>
  toTsquery(clauses.map((c) => `(${tsqueryClause(c)})`).join(' | '));

/**
 * Stems and exact forms weigh alike; normalisation 1 divides by the log of the part's length, as
 * BM25 favours a hit in a short title over one in a long transcript.
 */
const rank = (query: RawBuilder<unknown>) =>
  sql<number>`(ts_rank_cd('{0.1, 0.2, 1.0, 1.0}', tsv, ${query}, 1) * ${partWeightSql(sql.ref('part_no'))})`;

export function createPostgresProvider(): SearchProvider {
  return {
    name: 'postgres',

    async insertParts(db: Kysely<Database>, parts: readonly AnalysedPart[]) {
      await insertPartRows(
        db,
        parts,
        (p) =>
          sql`setweight(to_tsvector('simple', ${p.terms}), 'A') || setweight(to_tsvector('simple', ${p.exact}), 'B')`,
      );
    },

    clauseDocuments(clause: QueryClause, scope?: PartScope): RawBuilder<unknown> {
      const inScope = scope
        ? sql` and part_no between ${sql.lit(scope.from)} and ${sql.lit(scope.to)}`
        : sql``;
      return sql`select document_id from search_parts where tsv @@ ${toTsquery(tsqueryClause(clause))}${inScope}`;
    },

    scoreDocuments(clauses: readonly QueryClause[], candidates: RawBuilder<unknown>): RawBuilder<unknown> {
      const query = anyOf(clauses);
      return sql`select document_id, ${documentScoreSql} as score from (
          select document_id, part_no, ${rank(query)} as score
          from search_parts
          where tsv @@ ${query} and document_id in (${candidates})
        ) as parts group by document_id`;
    },

    matchingParts(clauses: readonly QueryClause[], documentIds: readonly number[]): RawBuilder<unknown> {
      const query = anyOf(clauses);
      return sql`select id as part_id, ${rank(query)} as score from search_parts
        where document_id in (${sql.join([...documentIds])}) and tsv @@ ${query}`;
    },

    async optimize(db: Kysely<Database>) {
      await sql`analyze search_parts`.execute(db);
    },
  };
}
