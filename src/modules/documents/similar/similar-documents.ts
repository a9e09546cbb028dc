import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DialectName } from '../../../database/database.ts';
import type { Database } from '../../../database/tables.ts';
import { createScanPagesRepository } from '../../ingest/pipeline/scan-pages.repository.ts';
import { analyzeTokens, type QueryClause } from '../../search/analyzer/index.ts';
import { searchProviderFor } from '../../search/providers/index.ts';
import { contentVersion, createSearchCache, type SearchCache } from '../../search/search.cache.ts';
import { buildDocumentParts, PART_NO, type ScanPageText } from '../../search/search.parts.ts';
import type { SearchProvider } from '../../search/search.provider.ts';
import {
  createDocumentsRepository,
  type DocumentStub,
  type StoredDocument,
} from '../documents.repository.ts';

/**
 * "Similar documents", computed from the search index through the search provider, so it works the
 * same on SQLite FTS5 and PostgreSQL:
 *
 * 1. the document's own words are analysed as the indexer analyses them, and counted (a word in the
 *    title or names counts more than one in a long transcript);
 * 2. the index says in how many documents each of its most frequent words occurs; a word's weight is
 *    its count here times its rarity in the archive (TF-IDF), and words found in this document alone
 *    or in most documents are dropped;
 * 3. every published document holding one of the strongest words scores the sum of their weights,
 *    as a share of what this document itself would score;
 * 4. people, organizations, places and subjects shared with the document add their rarity the same
 *    way (sharing a rarely named person says more than sharing a common subject);
 * 5. the two shares are blended, weak matches are dropped, and the best come first.
 *
 * Only the search index is read for candidates, and it holds published documents only; the document
 * itself is never among them. Results are remembered per content version, which every public write
 * bumps, so a cached answer never outlives the documents it names.
 */

export type SimilarDocument = DocumentStub & { summary: string | null; score: number };

export type SimilarDeps = { db: Kysely<Database>; dialect: DialectName };

/** At most this much of a document's text is read for its words: the opening says what it is about. */
const TEXT_BUDGET = 60_000;
/** Words whose document frequency is looked up, and words then used to find candidates. */
const CANDIDATE_TERMS = 40;
const QUERY_TERMS = 15;
/** The most any caller may ask for, and what is computed (and cached) whatever the caller asks. */
export const MAX_SIMILAR = 20;
/** Below this share of the document's own score a match is noise. */
const MIN_SCORE = 0.06;
/** How much of the blended score the shared words carry; the shared authorities carry the rest. */
const TEXT_SHARE = 0.6;

const AUTHORITY_FACETS = ['person', 'organization', 'place', 'subject'] as const;

/** How much a word counts by the part it is in: titles and names say what a document is about. */
function partWeight(partNo: number): number {
  if (partNo === PART_NO.title) return 3;
  if (partNo === PART_NO.summary) return 2;
  if (partNo >= PART_NO.person && partNo <= PART_NO.subject) return 2;
  if (partNo >= PART_NO.firstText) return 1;
  // Record details and archival references are shared by whole series: not a sign of topic.
  return 0;
}

/**
 * Function words of the archive's two stemmed languages. The index keeps every word (phrases need
 * them); only the choice of a document's distinctive words leaves these out, so that the few
 * document-frequency look-ups go to words that can tell documents apart.
 */
const FUNCTION_WORDS = new Set(
  (
    'the and for that this with from was were are has have had been not but which who whom whose its ' +
    'his her their they them there then than these those will would shall should can could may might ' +
    'must our ours your you she him all any also into about upon such what when where while each other ' +
    'some more most only very same over under after before between being does did done out one two ' +
    'что как это его она они оно так все было быть был была были уже или если чтобы при для его ее их ' +
    'нас вас них том этой этого этот эти тем чем без под над после также только еще где когда который ' +
    'которые которого которая может могут есть нет'
  ).split(' '),
);

/** A word worth comparing: Han bigrams, or other words of three characters or more, not numbers. */
const isContentTerm = (term: string, exact: string) =>
  /\p{Script=Han}/u.test(term)
    ? term.length >= 2
    : term.length >= 3 && !/^\d+$/.test(term) && !FUNCTION_WORDS.has(exact);

type Term = { term: string; weight: number };

/** The document's words (stems) with their weighted counts, most frequent first. */
export function documentTerms(
  document: StoredDocument,
  scanPages: ReadonlyMap<string, readonly ScanPageText[]>,
): Term[] {
  const parts = buildDocumentParts(document, { ancestors: new Map(), scanPages });
  const counts = new Map<string, number>();
  let budget = TEXT_BUDGET;
  for (const part of parts) {
    const weight = partWeight(part.partNo);
    if (weight === 0 || budget <= 0) continue;
    const text = part.partNo >= PART_NO.firstText ? part.text.slice(0, budget) : part.text;
    if (part.partNo >= PART_NO.firstText) budget -= text.length;
    for (const token of analyzeTokens(text, part.language ?? undefined)) {
      if (isContentTerm(token.term, token.exact))
        counts.set(token.term, (counts.get(token.term) ?? 0) + weight);
    }
  }
  return [...counts.entries()]
    .map(([term, weight]) => ({ term, weight }))
    .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
}

/**
 * A term as a clause: the stem, in either column. Asking for the stem in the stem column only would
 * be stricter, but on PostgreSQL a lexeme restricted to one weight makes every GIN hit be checked
 * against the stored vector, which costs seconds per document for common words; an unweighted lexeme
 * is answered from the index alone. A stem that is also some other word's written form is rare, and
 * harmless here.
 */
const clauseOf = (t: Term): QueryClause => ({
  terms: [t.term],
  exact: [t.term],
  prefix: false,
  exactOnly: false,
});

/** A number as an SQL literal, so both databases read it as a plain numeric constant. */
const weightLiteral = (w: number) => sql.lit(Math.round(w * 1e6) / 1e6);

/**
 * Document frequencies already looked up, by term. They do not depend on the document asked about,
 * so one memory serves every document until the content changes.
 */
export type FrequencyMemo = Map<string, number>;

/** In how many indexed documents each term occurs: the ones not in `memo`, in one statement. */
async function documentFrequencies(
  db: Kysely<Database>,
  provider: SearchProvider,
  all: readonly Term[],
  memo: FrequencyMemo,
): Promise<number[]> {
  const terms = all.filter((t) => !memo.has(t.term));
  if (terms.length === 0) return all.map((t) => memo.get(t.term)!);
  const branches = terms.map(
    (t, i) =>
      sql`select ${sql.lit(i)} as k, count(distinct document_id) as n from (${provider.clauseDocuments(clauseOf(t))}) as ${sql.raw(`d${i}`)}`,
  );
  const rows = await sql<{ k: number; n: number | string }>`${sql.join(branches, sql` union all `)}`.execute(
    db,
  );
  const byKey = new Map(rows.rows.map((r) => [Number(r.k), Number(r.n)]));
  for (const [i, t] of terms.entries()) memo.set(t.term, byKey.get(i) ?? 0);
  return all.map((t) => memo.get(t.term)!);
}

/** Candidates scored by the weights of the selected terms they contain. */
async function scoreByTerms(
  db: Kysely<Database>,
  provider: SearchProvider,
  documentId: number,
  weighted: readonly (Term & { idfWeight: number })[],
): Promise<Map<number, number>> {
  if (weighted.length === 0) return new Map();
  const tagged: RawBuilder<unknown>[] = weighted.map(
    (t, i) =>
      sql`select distinct document_id, ${weightLiteral(t.idfWeight)} as w from (${provider.clauseDocuments(clauseOf(t))}) as ${sql.raw(`s${i}`)}`,
  );
  const rows = await sql<{ document_id: number; score: number | string }>`
    select document_id, sum(w) as score from (${sql.join(tagged, sql` union all `)}) as t
    where document_id <> ${documentId}
    group by document_id
    order by score desc, document_id
    limit ${sql.lit(MAX_SIMILAR * 5)}`.execute(db);
  return new Map(rows.rows.map((r) => [Number(r.document_id), Number(r.score)]));
}

/** Candidates scored by the rarity of the people, organizations, places and subjects they share. */
async function scoreByAuthorities(
  db: Kysely<Database>,
  documentId: number,
  total: number,
): Promise<{ scores: Map<number, number>; self: number }> {
  const own = await db
    .selectFrom('search_facets')
    .select(['facet', 'value'])
    .where('document_id', '=', documentId)
    .where('facet', 'in', [...AUTHORITY_FACETS])
    .execute();
  if (own.length === 0) return { scores: new Map(), self: 0 };
  const frequencies = await db
    .selectFrom('search_facets')
    .select(['facet', 'value', (eb) => eb.fn.countAll<number>().as('n')])
    .where('facet', 'in', [...new Set(own.map((o) => o.facet))])
    .where('value', 'in', [...new Set(own.map((o) => o.value))])
    .groupBy(['facet', 'value'])
    .execute();
  const weights = frequencies
    .filter((f) => own.some((o) => o.facet === f.facet && o.value === f.value) && Number(f.n) > 1)
    .map((f) => ({ facet: f.facet, value: f.value, weight: Math.log(total / Number(f.n)) }))
    .filter((f) => f.weight > 0);
  // What this document would score against itself, counting only what another document can share.
  const self = weights.reduce((sum, w) => sum + w.weight, 0);
  if (weights.length === 0) return { scores: new Map(), self };
  const cases = weights.map(
    (w) => sql`when facet = ${w.facet} and value = ${w.value} then ${weightLiteral(w.weight)}`,
  );
  const rows = await sql<{ document_id: number; score: number | string }>`
    select document_id, sum(case ${sql.join(cases, sql` `)} else 0 end) as score
    from search_facets
    where facet in (${sql.join([...new Set(weights.map((w) => w.facet))])})
      and value in (${sql.join([...new Set(weights.map((w) => w.value))])})
      and document_id <> ${documentId}
    group by document_id
    order by score desc, document_id
    limit ${sql.lit(MAX_SIMILAR * 5)}`.execute(db);
  return { scores: new Map(rows.rows.map((r) => [Number(r.document_id), Number(r.score)])), self };
}

/** The ranking itself, without the cache (benchmarks time this). */
export async function computeSimilar(
  deps: SimilarDeps,
  documentId: number,
  memo: FrequencyMemo = new Map(),
): Promise<SimilarDocument[]> {
  if (deps.dialect !== 'postgres' || deps.db.isTransaction) return rank(deps, documentId, memo);
  // As a search does: one read-only snapshot, and a planner told that random reads are cheap, so
  // that each word is looked up in the GIN index instead of by reading every stored vector.
  return deps.db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`select set_config('random_page_cost', '1.1', true)`.execute(trx);
      return rank({ db: trx, dialect: deps.dialect }, documentId, memo);
    });
}

async function rank(
  { db, dialect }: SimilarDeps,
  documentId: number,
  memo: FrequencyMemo,
): Promise<SimilarDocument[]> {
  const indexed = await db
    .selectFrom('search_documents')
    .select('document_id')
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  if (!indexed) return [];
  const documents = createDocumentsRepository({ db });
  const document = await documents.findById(documentId);
  if (document?.status !== 'published') return [];
  const totalRow = await db
    .selectFrom('search_documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(totalRow.n);
  if (total < 2) return [];

  const provider = searchProviderFor(dialect);
  const candidates = documentTerms(
    document,
    await createScanPagesRepository({ db }).correctedPageTexts(
      document.assets.flatMap((a) => (a.kind === 'scan' && a.blobSha256 ? [a.blobSha256] : [])),
    ),
  ).slice(0, CANDIDATE_TERMS);
  const frequencies = await documentFrequencies(db, provider, candidates, memo);

  const weighted = candidates
    .map((t, i) => ({ ...t, df: frequencies[i] ?? 0 }))
    // In this document alone, nothing to find; in most of the archive, nothing to tell apart.
    .filter((t) => t.df > 1 && t.df <= Math.max(2, total / 2))
    .map((t) => ({ ...t, idfWeight: (1 + Math.log(t.weight)) * Math.log(total / t.df) }))
    .sort((a, b) => b.idfWeight - a.idfWeight)
    .slice(0, QUERY_TERMS);
  const textSelf = weighted.reduce((sum, t) => sum + t.idfWeight, 0);

  const [byText, byAuthority] = await Promise.all([
    scoreByTerms(db, provider, documentId, weighted),
    scoreByAuthorities(db, documentId, total),
  ]);
  const hasText = textSelf > 0;
  const hasAuthorities = byAuthority.self > 0;
  const textShare = hasText && hasAuthorities ? TEXT_SHARE : hasText ? 1 : 0;
  const blended = new Map<number, number>();
  for (const id of new Set([...byText.keys(), ...byAuthority.scores.keys()])) {
    const text = hasText ? (byText.get(id) ?? 0) / textSelf : 0;
    const shared = hasAuthorities ? (byAuthority.scores.get(id) ?? 0) / byAuthority.self : 0;
    const score = textShare * text + (1 - textShare) * shared;
    if (score >= MIN_SCORE && id !== documentId) blended.set(id, score);
  }
  const ranked = [...blended.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_SIMILAR);
  // Read back through the published-only listing: the index is already published-only, this makes sure.
  const stubs = await documents.listPublishedSummaries(ranked.map(([id]) => id));
  const scoreOf = new Map(ranked);
  return stubs
    .filter((s) => s.id !== documentId)
    .map((s) => ({ ...s, score: Math.round(scoreOf.get(s.id)! * 1000) / 1000 }));
}

/** One memory per database, so every page and API request of a process shares it. */
const memories = new WeakMap<
  Kysely<Database>,
  { version: number; results: SearchCache; frequencies: FrequencyMemo }
>();

/** The published documents most similar to a published one, best first (none for anything else). */
export async function findSimilarDocuments(
  deps: SimilarDeps,
  documentId: number,
  { limit = 5 }: { limit?: number } = {},
): Promise<SimilarDocument[]> {
  const version = await contentVersion(deps.db);
  let memory = memories.get(deps.db);
  if (!memory || memory.version !== version) {
    memory = { version, results: createSearchCache({ maxEntries: 1000 }), frequencies: new Map() };
    memories.set(deps.db, memory);
  }
  // Bounded like the results: a long-lived process on a large archive meets many words.
  if (memory.frequencies.size > 200_000) memory.frequencies.clear();
  const key = String(documentId);
  let found = memory.results.get<SimilarDocument[]>(key);
  if (!found) {
    found = await computeSimilar(deps, documentId, memory.frequencies);
    memory.results.set(key, found);
  }
  return found.slice(0, Math.min(limit, MAX_SIMILAR));
}
