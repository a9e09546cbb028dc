import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../../database/tables.ts';
import type { QueryClause } from '../analyzer/index.ts';
import { PART_ID_FACTOR } from '../search.parts.ts';
import {
  type AnalysedPart,
  documentScoreSql,
  insertPartRows,
  type PartScope,
  partWeightSql,
  type SearchProvider,
} from '../search.provider.ts';

/**
 * SQLite FTS5 over the analysed text: a contentless table `search_fts(terms, exact)` whose rowid is
 * the part's ID, tokenised by unicode61 (the analyser has already folded, stemmed and cut the text,
 * so the tokenizer only splits at the spaces). Ranked by FTS5's bm25.
 */

const PART_BITS = Math.log2(PART_ID_FACTOR);
const PART_MASK = PART_ID_FACTOR - 1;

/**
 * One clause as an FTS5 MATCH expression. Every term is quoted, so FTS5's keywords (AND, NEAR) and
 * bareword rules never apply to what a reader typed; analysed terms hold no quotes, but a stray one
 * is dropped rather than trusted.
 */
export function fts5Clause(clause: QueryClause): string {
  const phrase = (terms: readonly string[]) =>
    `"${terms.map((t) => t.replaceAll('"', '')).join(' ')}"${clause.prefix ? ' *' : ''}`;
  const exact = `exact : ${phrase(clause.exact)}`;
  return clause.exactOnly ? exact : `(terms : ${phrase(clause.terms)} OR ${exact})`;
}

const anyOf = (clauses: readonly QueryClause[]) => clauses.map(fts5Clause).join(' OR ');

const partNoOfRowid = sql`(rowid & ${sql.lit(PART_MASK)})`;
const documentOfRowid = sql`(rowid >> ${sql.lit(PART_BITS)})`;
// bm25() is negative, lower is better; the weighted score is positive, higher is better.
const weightedScore = sql<number>`(-bm25(search_fts) * ${partWeightSql(partNoOfRowid)})`;

export function createSqliteFts5Provider(): SearchProvider {
  return {
    name: 'sqlite-fts5',

    async insertParts(db: Kysely<Database>, parts: readonly AnalysedPart[]) {
      await insertPartRows(db, parts);
      for (let i = 0; i < parts.length; i += 300) {
        const rows = parts.slice(i, i + 300).map((p) => sql`(${p.id}, ${p.terms}, ${p.exact})`);
        await sql`insert into search_fts (rowid, terms, exact) values ${sql.join(rows)}`.execute(db);
      }
    },

    clauseDocuments(clause: QueryClause, scope?: PartScope): RawBuilder<unknown> {
      const inScope = scope
        ? sql` and ${partNoOfRowid} between ${sql.lit(scope.from)} and ${sql.lit(scope.to)}`
        : sql``;
      return sql`select ${documentOfRowid} as document_id from search_fts
        where search_fts match ${fts5Clause(clause)}${inScope}`;
    },

    scoreDocuments(clauses: readonly QueryClause[], candidates: RawBuilder<unknown>): RawBuilder<unknown> {
      // bm25() cannot sit inside an aggregate: score the parts in a subquery, which `limit -1` keeps
      // SQLite from flattening into the grouping query.
      return sql`select document_id, ${documentScoreSql} as score from (
          select ${documentOfRowid} as document_id, ${partNoOfRowid} as part_no, ${weightedScore} as score
          from search_fts
          where search_fts match ${anyOf(clauses)} and ${documentOfRowid} in (${candidates})
          limit -1
        ) as parts group by document_id`;
    },

    matchingParts(clauses: readonly QueryClause[], documentIds: readonly number[]): RawBuilder<unknown> {
      const match = anyOf(clauses);
      // One rowid range per document lets FTS5 seek in its doclists instead of walking every hit of a
      // common word. The bounds are written as integer literals: bound as parameters they arrive as
      // floating-point values, which FTS5 cannot seek with. No bm25 here: it would scan each term's
      // whole doclist again per branch, and the part weights are enough to choose snippets.
      const branches = documentIds.slice(0, 400).map(
        (id) => sql`select rowid as part_id, ${partWeightSql(partNoOfRowid)} as score from search_fts
          where search_fts match ${match}
          and rowid >= ${sql.lit(id * PART_ID_FACTOR)} and rowid < ${sql.lit((id + 1) * PART_ID_FACTOR)}`,
      );
      return sql.join(branches, sql` union all `);
    },

    async optimize(db: Kysely<Database>) {
      await sql`insert into search_fts (search_fts) values ('optimize')`.execute(db);
    },
  };
}
