import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DialectName } from '../../database/database.ts';
import type { Database } from '../../database/tables.ts';
import { searchProviderFor } from './providers/index.ts';
import {
  isPlainWord,
  type ParsedQuery,
  parseQuery,
  type QueryGroup,
  type SearchNotice,
} from './query-parser.ts';
import { contentVersion, type SearchCache } from './search.cache.ts';
import { type DateSpan, describeSpan, intersectSpans, type YearBounds } from './search.dates.ts';
import {
  type CountRow,
  countGroups,
  countSearch as countMatches,
  type FilterSet,
  type MatchPlan,
  pageOfHits,
  type SortOrder,
} from './search.engine.ts';
import { type DateFacet, expandHierarchies, type Facet, type FacetName } from './search.facets.ts';
import { indexStatusOf } from './search.indexer.ts';
import { loadHits, presentCounts, type SearchHit } from './search.results.ts';
import type { SearchRequest } from './search.schemas.ts';
import { correctWord, matchCase, replaceWord } from './search.spelling.ts';

/**
 * Searching the archive: the one entry point the JSON API and the search page share. Published
 * documents only, because only they are ever indexed.
 */

export type { SearchHit };

/** `cache`, when given, keeps facet counts between requests (see search.cache.ts). */
export type SearchDeps = { db: Kysely<Database>; dialect: DialectName; cache?: SearchCache };

export type SearchResult = {
  /** The query as searched (after a spelling correction, the corrected one). */
  query: string;
  total: number;
  /** Documents that match the whole query; below `total` when the search was relaxed. */
  exactTotal: number;
  page: number;
  perPage: number;
  sort: SortOrder;
  hits: SearchHit[];
  facets: Facet[];
  dates: DateFacet;
  /** Documents lacking some words were added because too few had them all. */
  relaxed: boolean;
  /** The words some of the listed documents lack. */
  dropped: string[];
  /** The original query, when the results are for a corrected one. */
  correctedFrom: string | null;
  /** A better-spelled query to offer, when the results were not replaced. */
  didYouMean: string | null;
  notices: SearchNotice[];
};

export async function searchDocuments(deps: SearchDeps, request: SearchRequest): Promise<SearchResult> {
  if (deps.dialect !== 'postgres' || deps.db.isTransaction) return search(deps, request);
  // On PostgreSQL a search runs in one read-only transaction: its counts and its page see the same
  // snapshot, and the planner is told that random reads are cheap (as they are on SSDs and in cache),
  // so it takes the GIN index for all but the commonest words instead of scanning every tsvector.
  return deps.db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) =>
      search({ ...deps, db: trx }, request, sql`set_config('random_page_cost', '1.1', true)`),
    );
}

async function search(
  deps: SearchDeps,
  request: SearchRequest,
  planner?: RawBuilder<unknown>,
): Promise<SearchResult> {
  const { db } = deps;
  const provider = searchProviderFor(deps.dialect);
  const years = await archiveYears(db, planner);
  const parsed = parseQuery(request.q, years);
  let notices: SearchNotice[] = [...parsed.notices];
  const hasWords = parsed.groups.length > 0 || parsed.excluded.length > 0;
  const sort: SortOrder = request.sortGiven ? request.sort : hasWords ? 'relevance' : 'date-asc';

  const selections = await resolveSelections(db, request.facets);
  let filters: FilterSet = {
    facets: await expandHierarchies(db, selections),
    dates: mergeDates(parsed.dates, request.dates, notices),
  };

  const counting = { facets: request.withFacets };
  const version = deps.cache ? await contentVersion(db) : 0;
  const countSearch = async (plan: MatchPlan, filters: FilterSet, options: { facets: boolean }) => {
    if (!deps.cache) return countMatches(db, provider, plan, filters, options);
    const key = JSON.stringify([version, deps.dialect, plan, filters, options]);
    const cached = deps.cache.get<CountRow[]>(key);
    if (cached) return cached;
    const rows = await countMatches(db, provider, plan, filters, options);
    deps.cache.set(key, rows);
    return rows;
  };
  /**
   * The documents the words match under `filters`: all the words, else with misspelt words corrected,
   * else most of the words (relaxed).
   */
  const matchWords = async (filters: FilterSet) => {
    const notices: SearchNotice[] = [];
    let searched = request.q.trim();
    let query = parsed;
    let plan: MatchPlan = { mode: 'strict', query };
    let counts = await countSearch(plan, filters, counting);
    let total = totalOf(counts);
    let exactTotal = total;
    let correctedFrom: string | null = null;
    let didYouMean: string | null = null;

    // Few or no documents: look for misspelt words, then for documents that lack some of the words.
    if (parsed.groups.length > 0 && total < request.perPage) {
      const { corrected, unknownOnly } = await correctQuery(deps, searched, parsed);
      if (unknownOnly && total === 0 && !request.verbatim) {
        const correctedQuery = parseQuery(unknownOnly, years);
        const correctedPlan: MatchPlan = { mode: 'strict', query: correctedQuery };
        const correctedCounts = await countSearch(correctedPlan, filters, counting);
        if (totalOf(correctedCounts) > 0) {
          notices.push({
            code: 'search.corrected',
            message: `No documents match “${searched}”; showing results for “${unknownOnly}” instead.`,
          });
          correctedFrom = searched;
          searched = unknownOnly;
          query = correctedQuery;
          plan = correctedPlan;
          counts = correctedCounts;
          total = exactTotal = totalOf(correctedCounts);
        } else didYouMean = corrected ?? null;
      } else if (corrected) didYouMean = corrected;

      const optional = query.groups.filter(isPlainWord);
      if (total < request.perPage && optional.length >= 2) {
        let relaxedPlan: MatchPlan & { mode: 'relaxed' } = {
          mode: 'relaxed',
          query,
          optional,
          required: query.groups.filter((group) => !isPlainWord(group)),
          minimum: relaxedMinimum(optional.length),
        };
        let relaxedCounts = await countSearch(relaxedPlan, filters, counting);
        // A long query often holds one rare, telling word (a code name) whose documents lack the
        // common words around it ("AMMUG-1 Cuban intelligence defector"): while fewer than a page
        // have most of the words, documents with fewer follow, down to two of them.
        while (totalOf(relaxedCounts) < request.perPage && relaxedPlan.minimum > 2) {
          relaxedPlan = { ...relaxedPlan, minimum: relaxedPlan.minimum - 1 };
          relaxedCounts = await countSearch(relaxedPlan, filters, counting);
        }
        if (totalOf(relaxedCounts) > total) {
          plan = relaxedPlan;
          counts = relaxedCounts;
          total = totalOf(relaxedCounts);
          notices.push({
            code: 'search.relaxed',
            message:
              exactTotal === 0
                ? 'No document contains all the words; listed are documents that contain most of them.'
                : `Only ${exactTotal} ${exactTotal === 1 ? 'document contains' : 'documents contain'} all the words; documents that contain most of them follow.`,
          });
        }
      }
    }
    return { notices, searched, query, plan, counts, total, exactTotal, correctedFrom, didYouMean };
  };

  let words = await matchWords(filters);
  // A year typed with words often says when the events were, not when the document was written
  // ("Oswald in Helsinki 1959" finds a memo of 1964): when the query's own dates leave nothing, the
  // words are searched at any date, and the page says so.
  if (words.total === 0 && parsed.dates && !request.dates && parsed.groups.length > 0) {
    const anyDate: FilterSet = { ...filters, dates: null };
    const undated = await matchWords(anyDate);
    if (undated.total > 0) {
      notices = notices.filter((notice) => notice.code !== 'search.date_in_query');
      notices.push({
        code: 'search.date_ignored',
        message: `No documents dated ${describeSpan(parsed.dates)} match; showing documents of any date.`,
      });
      filters = anyDate;
      words = undated;
    }
  }
  notices.push(...words.notices);
  const { searched, plan, counts, total, exactTotal, correctedFrom, didYouMean } = words;

  const offset = (request.page - 1) * request.perPage;
  const rows =
    offset < total
      ? await pageOfHits(db, provider, plan, filters, { sort, limit: request.perPage, offset })
      : [];
  const hits = await loadHits(deps, plan, rows);
  const { facets, dates } = request.withFacets
    ? await presentCounts(db, counts, selections, filters.dates)
    : {
        facets: [],
        dates: {
          from: filters.dates?.from ?? null,
          to: filters.dates?.to ?? null,
          histogram: [],
          undated: 0,
        },
      };
  const state = counts
    .filter((row) => row.section === 'state' && row.value !== null)
    .map((row) => ({ key: row.value!.split('=')[0]!, value: row.value!.split('=')[1] ?? '' }));
  if (!indexStatusOf(state).current) {
    notices.push({
      code: 'search.index_outdated',
      message:
        'The search index was built by another version of the text analyser; results may be incomplete until it is rebuilt (chancery reindex).',
    });
  }
  return {
    query: searched,
    total,
    exactTotal,
    page: request.page,
    perPage: request.perPage,
    sort,
    hits,
    facets,
    dates,
    relaxed: plan.mode === 'relaxed',
    dropped: plan.mode === 'relaxed' ? droppedWords(plan.optional, counts) : [],
    correctedFrom,
    didYouMean,
    notices,
  };
}

/** The years the published documents span (an index lookup at each end); none when none is dated. */
async function archiveYears(db: Kysely<Database>, planner?: RawBuilder<unknown>): Promise<YearBounds> {
  // Two subqueries, so each end is one step down the year index (min and max together scan it). A
  // planner setting for the rest of the transaction rides along, saving a round trip.
  const result = await sql<{ min: number | null; max: number | null }>`select
      (select min(year) from search_documents) as min, (select max(year) from search_documents) as max
      ${planner ? sql`, ${planner} as planner` : sql``}`.execute(db);
  const row = result.rows[0];
  if (row?.min === null || row?.min === undefined || row.max === null) return { min: 1, max: 0 };
  return { min: Number(row.min), max: Number(row.max) };
}

const totalOf = (rows: CountRow[]) => rows.find((row) => row.section === 'total')?.n ?? 0;

/** The fewest optional words a relaxed hit must have: one of two, else more than half. */
const relaxedMinimum = (optional: number) => (optional <= 2 ? 1 : Math.floor(optional / 2) + 1);

/** The words of a relaxed search that some listed document lacks (from the match masks counted). */
function droppedWords(optional: readonly QueryGroup[], counts: CountRow[]): string[] {
  const masks = counts.filter((row) => row.section === 'mask' && row.n > 0).map((row) => Number(row.value));
  return optional
    .filter((_, i) => masks.some((mask) => (mask & (2 ** i)) === 0))
    .map((group) => group.terms[0]!.source);
}

function mergeDates(fromQuery: DateSpan | null, fromFilter: DateSpan | null, notices: SearchNotice[]) {
  if (!fromQuery) return fromFilter;
  if (!fromFilter) return fromQuery;
  const both = intersectSpans(fromQuery, fromFilter);
  if (both) return both;
  notices.push({
    code: 'search.dates_disjoint',
    message: `The dates in the query (${describeSpan(fromQuery)}) and the date filter (${describeSpan(fromFilter)}) do not overlap.`,
  });
  // A span no document can overlap.
  return { from: '9999-12-31', to: '0000-01-01' };
}

/** Collection slugs become IDs (unknown slugs select nothing). */
async function resolveSelections(
  db: Kysely<Database>,
  selections: SearchRequest['facets'],
): Promise<FilterSet['facets']> {
  const resolved: FilterSet['facets'] = {};
  for (const [facet, values] of Object.entries(selections) as [FacetName, string[]][]) {
    const slugs = values.filter((v) => v.startsWith('slug:')).map((v) => v.slice(5));
    const ids = values.filter((v) => !v.startsWith('slug:'));
    if (slugs.length > 0) {
      const rows = await db
        .selectFrom('authorities')
        .select('id')
        .where('kind', '=', 'collection')
        .where('slug', 'in', slugs)
        .execute();
      ids.push(...rows.map((r) => String(r.id)));
    }
    resolved[facet] = [...new Set(ids)];
  }
  return resolved;
}

/**
 * The query with misspelt words corrected (`corrected`), or undefined. A word no document holds is
 * corrected to the closest word of the index; a word only a couple of documents hold is corrected
 * only to a spelling at least ten times as common (OCR and typists misspell names in the sources
 * too). `unknownOnly` corrects only the words no document holds: only that may replace the results,
 * since a rare word that is in the index (Pushinka, in one letter) is most likely what the reader
 * wants, and relaxed matching will find it even when the other words are not beside it.
 */
async function correctQuery(
  deps: SearchDeps,
  text: string,
  query: ParsedQuery,
): Promise<{ corrected: string | undefined; unknownOnly: string | undefined }> {
  const provider = searchProviderFor(deps.dialect);
  const counts = await countGroups(deps.db, provider, query.groups);
  let corrected = text;
  let unknownOnly = text;
  for (const [i, group] of query.groups.entries()) {
    const term = group.terms[0]!;
    const clause = term.clauses[0];
    if (group.terms.length !== 1 || term.kind !== 'word' || term.clauses.length !== 1 || !clause) continue;
    if (clause.exact.length !== 1) continue;
    const found = counts[i] ?? 0;
    if (found > 2) continue;
    const correction = await correctWord(deps.db, provider, clause.exact[0]!, found === 0 ? 0 : found * 10);
    if (!correction) continue;
    const replacement = matchCase(term.source, correction.word);
    corrected = replaceWord(corrected, term.source, replacement);
    if (found === 0) unknownOnly = replaceWord(unknownOnly, term.source, replacement);
  }
  return {
    corrected: corrected !== text ? corrected : undefined,
    unknownOnly: unknownOnly !== text ? unknownOnly : undefined,
  };
}
