import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../database/tables.ts';
import type { QueryClause } from './analyzer/index.ts';
import { PART_NO, PART_WEIGHTS, type PartKind } from './search.parts.ts';

/**
 * The port between the search engine and a database's full-text machinery. Everything else (the
 * query language, filters, facets, sorting, snippets) is shared SQL and TypeScript; a provider only
 * says how analysed parts are stored and how one analysed clause is matched and scored.
 *
 * Both providers implement the matching rules of `analyzer/README.md` and pass the same contract
 * suite (`search.contract.ts`), so a search gives the same documents on SQLite and PostgreSQL.
 */
export interface SearchProvider {
  readonly name: 'sqlite-fts5' | 'postgres';

  /** Stores the analysed parts of one document (its old parts are already gone). */
  insertParts(db: Kysely<Database>, parts: readonly AnalysedPart[]): Promise<void>;

  /**
   * A SELECT of one column, `document_id`, listing (with repeats) the documents that have a part
   * matching `clause`; with `scope`, only parts whose number is within it count.
   */
  clauseDocuments(clause: QueryClause, scope?: PartScope): RawBuilder<unknown>;

  /**
   * A SELECT of `document_id, score` (higher is better) for the documents listed by the SELECT
   * `candidates` (one column, `document_id`), scored against any of `clauses`: BM25-style, each
   * part's score multiplied by its weight, combined per document by `documentScoreSql`. Documents
   * without a matching part may be missing.
   */
  scoreDocuments(clauses: readonly QueryClause[], candidates: RawBuilder<unknown>): RawBuilder<unknown>;

  /**
   * A SELECT of `part_id, score` (weighted, higher is better): the parts of these documents that
   * match any of `clauses`. Used for one page of hits, to choose what to cut snippets from.
   */
  matchingParts(clauses: readonly QueryClause[], documentIds: readonly number[]): RawBuilder<unknown>;

  /** Compacts the full-text index after a rebuild. */
  optimize(db: Kysely<Database>): Promise<void>;
}

/** Part numbers a clause is restricted to, inclusive (see PART_NO). */
export type PartScope = { from: number; to: number };

export type AnalysedPart = {
  id: number;
  documentId: number;
  partNo: number;
  part: PartKind;
  language: string | null;
  assetId: number | null;
  blobSha256: string | null;
  page: number | null;
  textStart: number | null;
  textEnd: number | null;
  text: string | null;
  /** Analyser output: stems (or folded words) and exact forms, position for position. */
  terms: string;
  exact: string;
};

/**
 * Inserts rows of `search_parts`, the part metadata both providers share; PostgreSQL passes `tsv`,
 * the SQL of the row's tsvector column.
 */
export async function insertPartRows(
  db: Kysely<Database>,
  parts: readonly AnalysedPart[],
  tsv?: (part: AnalysedPart) => RawBuilder<unknown>,
): Promise<void> {
  // A couple of hundred rows per statement keeps within every driver's parameter limit.
  for (let i = 0; i < parts.length; i += 200) {
    const rows = parts.slice(i, i + 200).map(
      (p) =>
        sql`(${p.id}, ${p.documentId}, ${p.partNo}, ${p.part}, ${p.language}, ${p.assetId}, ${p.blobSha256},
          ${p.page}, ${p.textStart}, ${p.textEnd}, ${p.text}${tsv ? sql`, ${tsv(p)}` : sql``})`,
    );
    await sql`insert into search_parts
      (id, document_id, part_no, part, language, asset_id, blob_sha256, page, text_start, text_end, text${tsv ? sql`, tsv` : sql``})
      values ${sql.join(rows)}`.execute(db);
  }
}

/**
 * A document's score from its matching parts (columns `part_no` and weighted `score`): the sum over
 * the record's own parts (title, summary, names, details, reference) plus its best text chunk. Only
 * the best chunk counts because a long transcript (a 200-page committee record) would otherwise
 * collect a little score from each of its chunks and outrank a short letter about the very subject
 * (measured with `npm run eval:search`; see docs/search.md).
 */
export const documentScoreSql = sql<number>`(coalesce(sum(case when part_no < ${sql.lit(PART_NO.firstText)} then score end), 0)
  + coalesce(max(case when part_no >= ${sql.lit(PART_NO.firstText)} then score end), 0))`;

/** `partWeight` in SQL, for an expression holding a part number (see PART_WEIGHTS). */
export const partWeightSql = (partNo: RawBuilder<unknown>): RawBuilder<number> =>
  sql<number>`(case ${partNo} ${sql.join(
    PART_WEIGHTS.map(([no, weight]) => sql`when ${sql.lit(no)} then ${sql.lit(weight)}`),
    sql` `,
  )} else 1 end)`;
