import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../database/tables.ts';
import {
  FIELD_SCOPES,
  type ParsedQuery,
  positiveClauses,
  type QueryGroup,
  type QueryTerm,
} from './query-parser.ts';
import type { DateSpan } from './search.dates.ts';
import { FACETS, type FacetName, isHierarchical } from './search.facets.ts';
import type { SearchProvider } from './search.provider.ts';

/**
 * The SQL of a search, shared by both databases: the provider contributes only the full-text pieces
 * (which documents match a clause, how they score). Every statement is built from the same common
 * table expressions:
 *
 *   matched   documents matching the query text (all of them when there is none)
 *   filtered  matched documents that pass every filter
 *   base_<f>  matched documents that pass every filter except facet f's own: a facet's counts
 *             ignore its own selection, so several values of one facet combine with OR
 *
 * Only published documents have index rows, so nothing here can count or list anything else.
 */

export type SortOrder = 'relevance' | 'date-asc' | 'date-desc' | 'title' | 'added';

/** Facet selections after hierarchical ones were widened to their descendants. */
export type FilterSet = {
  facets: Partial<Record<FacetName, string[]>>;
  dates: DateSpan | null;
};

/**
 * How the query text selects documents. `strict`: every group. `relaxed`: every required group and
 * at least `minimum` of the optional ones (plain words), for when too few documents have them all.
 */
export type MatchPlan =
  | { mode: 'strict'; query: ParsedQuery }
  | { mode: 'relaxed'; query: ParsedQuery; required: QueryGroup[]; optional: QueryGroup[]; minimum: number };

/** A set operation over SELECTs of `document_id`; each operand is wrapped so both dialects agree on precedence. */
function combine(operator: 'intersect' | 'union', selects: RawBuilder<unknown>[]): RawBuilder<unknown> {
  if (selects.length === 1) return selects[0]!;
  const op = operator === 'intersect' ? sql` intersect ` : sql` union `;
  return sql.join(
    selects.map((select, i) => sql`select document_id from (${select}) as ${sql.raw(`s${i}`)}`),
    op,
  );
}

export function termDocuments(provider: SearchProvider, term: QueryTerm): RawBuilder<unknown> {
  const scope = FIELD_SCOPES[term.field];
  return combine(
    'intersect',
    term.clauses.map((clause) => provider.clauseDocuments(clause, scope)),
  );
}

export const groupDocuments = (provider: SearchProvider, group: QueryGroup) =>
  combine(
    'union',
    group.terms.map((term) => termDocuments(provider, term)),
  );

/** The `matched` CTE body: columns document_id, matched_groups (relaxed plans) and mask. */
function matchedSelect(provider: SearchProvider, plan: MatchPlan): RawBuilder<unknown> {
  const { query } = plan;
  const excluded =
    query.excluded.length > 0
      ? sql` and m.document_id not in (select document_id from (${combine(
          'union',
          query.excluded.map((term) => termDocuments(provider, term)),
        )}) as x)`
      : sql``;
  if (plan.mode === 'strict') {
    if (query.groups.length === 0) {
      // Every document, or every one without the excluded words: read from the table itself, so
      // filters and sorts can use its indexes.
      return sql`select m.document_id, 0 as matched_groups, 0 as mask from search_documents m where 1 = 1${excluded}`;
    }
    const positive = combine(
      'intersect',
      query.groups.map((group) => groupDocuments(provider, group)),
    );
    return sql`select distinct m.document_id, 0 as matched_groups, 0 as mask
      from (${positive}) as m where 1 = 1${excluded}`;
  }
  const tagged = plan.optional.map(
    (group, i) =>
      sql`select distinct document_id, ${sql.lit(2 ** i)} as bit from (${groupDocuments(provider, group)}) as ${sql.raw(`o${i}`)}`,
  );
  const required =
    plan.required.length > 0
      ? sql` and m.document_id in (select document_id from (${combine(
          'intersect',
          plan.required.map((group) => groupDocuments(provider, group)),
        )}) as r)`
      : sql``;
  return sql`select m.document_id, m.matched_groups, m.mask from (
      select document_id, count(*) as matched_groups, sum(bit) as mask
      from (${sql.join(tagged, sql` union all `)}) as t
      group by document_id having count(*) >= ${sql.lit(plan.minimum)}
    ) as m where 1 = 1${required}${excluded}`;
}

/**
 * Conditions on `m.document_id` for every active filter, optionally leaving one out. With `probe`
 * (the query has words, so the matched documents are a set already computed), each matched document
 * is looked up in the filter's table by its ID; otherwise (browsing) the filter's own documents
 * drive the scan. A broad filter (a language, twenty years) holds a large share of the archive:
 * building its whole set of documents for a few thousand matches made filtered searches the slowest
 * kind at 100,000 documents (docs/performance.md).
 */
function filterConditions(
  filters: FilterSet,
  probe: boolean,
  except?: FacetName | 'date',
): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [];
  const { dates } = filters;
  if (dates && except !== 'date') {
    const parts: RawBuilder<unknown>[] = [];
    if (dates.from !== null) parts.push(sql`date_end >= ${dates.from}`);
    if (dates.to !== null) parts.push(sql`date_start <= ${dates.to}`);
    // Undated documents never match a date filter.
    if (parts.length === 0) parts.push(sql`date_start is not null`);
    const span = sql.join(parts, sql` and `);
    conditions.push(
      probe
        ? sql`exists (select 1 from search_documents sd where sd.document_id = m.document_id and ${span})`
        : sql`m.document_id in (select document_id from search_documents where ${span})`,
    );
  }
  for (const facet of FACETS) {
    const values = filters.facets[facet];
    if (!values || facet === except) continue;
    conditions.push(
      values.length === 0
        ? sql`1 = 0`
        : probe
          ? sql`exists (select 1 from search_facets sf where sf.document_id = m.document_id and sf.facet = ${facet} and sf.value in (${sql.join(values)}))`
          : sql`m.document_id in (select document_id from search_facets where facet = ${facet} and value in (${sql.join(values)}))`,
    );
  }
  return conditions.length === 0 ? sql`1 = 1` : sql.join(conditions, sql` and `);
}

/** Facets (and the date) whose counts need their own base set, because they have a selection. */
function selectedDimensions(filters: FilterSet): (FacetName | 'date')[] {
  const selected: (FacetName | 'date')[] = FACETS.filter((facet) => filters.facets[facet] !== undefined);
  if (filters.dates) selected.push('date');
  return selected;
}

const baseName = (dimension: FacetName | 'date' | undefined) =>
  sql.raw(dimension === undefined ? 'filtered' : `base_${dimension}`);

/** Whether the plan reads the full-text index at all (without words, it lists every document). */
const usesText = (plan: MatchPlan) => plan.mode === 'relaxed' || plan.query.groups.length > 0;

function commonTables(provider: SearchProvider, plan: MatchPlan, filters: FilterSet, withBases: boolean) {
  // Full-text matches are computed once and kept. Without words, `matched` is the table itself, best
  // left to the planner to combine with the filters and the sort order's index; the filtered set is
  // kept only when several counts read it.
  const text = usesText(plan);
  const keepFiltered = text || (withBases && selectedDimensions(filters).length > 0);
  const ctes = [
    sql`matched as ${text ? sql`materialized ` : sql``}(${matchedSelect(provider, plan)})`,
    sql`filtered as ${keepFiltered ? sql`materialized ` : sql``}(select m.* from matched m where ${filterConditions(filters, text)})`,
  ];
  if (withBases) {
    for (const dimension of selectedDimensions(filters)) {
      ctes.push(
        sql`${baseName(dimension)} as materialized (select m.* from matched m where ${filterConditions(filters, text, dimension)})`,
      );
    }
  }
  return ctes;
}

export type CountRow = { section: string; value: string | null; n: number };

/** How many values of a flat facet are listed; the UI can ask for more by filtering. */
export const FACET_VALUE_LIMIT = 50;
/** Places and collections are listed as trees, with room for their branches. */
export const TREE_VALUE_LIMIT = 300;

/**
 * Total, facet counts (with the selected values always counted) and the year histogram, in one
 * statement so the full-text work is done once.
 */
export async function countSearch(
  db: Kysely<Database>,
  provider: SearchProvider,
  plan: MatchPlan,
  filters: FilterSet,
  options: { facets: boolean } = { facets: true },
): Promise<CountRow[]> {
  const dimensions = selectedDimensions(filters);
  const selected = new Set(dimensions);
  const noText = !usesText(plan) && plan.query.excluded.length === 0;
  /**
   * The facet rows of the documents a dimension is counted over. Without words or other filters
   * that is the whole index, counted straight from the facet table's index. Otherwise the join
   * starts from the (usually much smaller) set of documents and reads each one's rows with one index
   * lookup; CROSS JOIN keeps SQLite's planner to that order (PostgreSQL plans it as a plain join).
   */
  const rowsOf = (dimension: FacetName | 'date' | undefined, condition: RawBuilder<unknown>) => {
    const own = dimension !== undefined && selected.has(dimension);
    const everything = noText && dimensions.length === (own ? 1 : 0);
    return everything
      ? sql`search_facets f where ${condition}`
      : sql`${baseName(own ? dimension : undefined)} b cross join search_facets f
          where f.document_id = b.document_id and ${condition}`;
  };
  /** The most frequent values of each facet in `rows`, ranked in SQL so only those travel. */
  const ranked = (name: string, rows: RawBuilder<unknown>) =>
    sql`select section, value, n from (
        select f.facet as section, f.value as value, count(*) as n,
          row_number() over (partition by f.facet order by count(*) desc, f.value) as place_in_facet
        from ${rows} group by f.facet, f.value
      ) as ${sql.raw(name)} where place_in_facet <= (case section when 'year' then 10000 else ${sql.lit(FACET_VALUE_LIMIT + 1)} end)`;

  const ctes = commonTables(provider, plan, filters, options.facets);
  const branches: RawBuilder<unknown>[] = [
    sql`select 'total' as section, cast(null as text) as value, count(*) as n from filtered`,
    // Which optional words relaxed hits have, so the result can say which words were dropped.
    sql`select 'mask' as section, cast(mask as text) as value, count(*) as n from filtered group by mask`,
    // Read along, to save a round trip: which analyser and format the index was built with.
    sql`select 'state' as section, key || '=' || value as value, 0 as n from search_state`,
  ];
  if (options.facets) {
    // One pass over the documents for every flat facet not selected, and the years unless dates are.
    const together = FACETS.filter((facet) => !isHierarchical(facet) && !selected.has(facet));
    const sections: string[] = [...together, ...(selected.has('date') ? [] : ['year'])];
    if (sections.length > 0) {
      branches.push(ranked('together', rowsOf(undefined, sql`f.facet in (${sql.join(sections)})`)));
    }
    // Each selected dimension is counted over its own base, as if its selection were not made.
    for (const dimension of dimensions) {
      if (dimension !== 'date' && isHierarchical(dimension)) continue;
      const facet = dimension === 'date' ? 'year' : dimension;
      branches.push(ranked(`own_${facet}`, rowsOf(dimension, sql`f.facet = ${facet}`)));
      const values = dimension === 'date' ? undefined : filters.facets[dimension];
      if (values && values.length > 0) {
        branches.push(sql`select f.facet as section, f.value as value, count(*) as n
          from ${rowsOf(dimension, sql`f.facet = ${facet} and f.value in (${sql.join(values)})`)}
          group by f.facet, f.value`);
      }
    }
    if (selected.has('date')) {
      branches.push(
        sql`select 'dated_base' as section, cast(null as text) as value, count(*) as n from base_date`,
      );
    }
    for (const facet of FACETS.filter(isHierarchical)) {
      // The facet rows in scope, once; their values with every ancestor; then each document counted
      // once per ancestor, the rows driving the join and the closure looked up by value.
      const rows = sql.raw(`rows_${facet}`);
      const closure = sql.raw(`closure_${facet}`);
      ctes.push(
        sql`${rows} as materialized (select f.document_id, f.value from ${rowsOf(facet, sql`f.facet = ${facet}`)})`,
      );
      ctes.push(sql`${closure}(ancestor, descendant) as (
        select distinct cast(value as integer), value from ${rows}
        union
        select p.parent_id, c.descendant from ${closure} c join authorities p on p.id = c.ancestor
          where p.parent_id is not null)`);
      branches.push(sql`select * from (select ${facet} as section, cast(c.ancestor as text) as value,
          count(distinct r.document_id) as n
        from ${rows} r cross join ${closure} c where c.descendant = r.value
        group by c.ancestor
        order by n desc, value limit ${sql.lit(TREE_VALUE_LIMIT)}) as ${sql.raw(`s_${facet}`)}`);
    }
  }
  const result = await sql<CountRow>`with recursive ${sql.join(ctes)}
    ${sql.join(branches, sql` union all `)}`.execute(db);
  return result.rows.map((row) => ({ section: row.section, value: row.value, n: Number(row.n) }));
}

/** Documents matching each group on its own (filters aside): which words the archive lacks. */
export async function countGroups(
  db: Kysely<Database>,
  provider: SearchProvider,
  groups: readonly QueryGroup[],
): Promise<number[]> {
  if (groups.length === 0) return [];
  const branches = groups.map(
    (group, i) =>
      sql`select ${sql.lit(i)} as g, count(*) as n from (select distinct document_id from (${groupDocuments(provider, group)}) as t) as ${sql.raw(`c${i}`)}`,
  );
  const result = await sql<{ g: number; n: number }>`${sql.join(branches, sql` union all `)}`.execute(db);
  const counts = groups.map(() => 0);
  for (const row of result.rows) counts[Number(row.g)] = Number(row.n);
  return counts;
}

/** How many documents contain each of these exact words (for checking spelling suggestions). */
export async function countExactWords(
  db: Kysely<Database>,
  provider: SearchProvider,
  words: readonly string[],
): Promise<number[]> {
  if (words.length === 0) return [];
  const branches = words.map((word, i) => {
    const clause = { terms: [word], exact: [word], prefix: false, exactOnly: true };
    return sql`select ${sql.lit(i)} as w, count(*) as n from (select distinct document_id from (${provider.clauseDocuments(clause)}) as t) as ${sql.raw(`c${i}`)}`;
  });
  const result = await sql<{ w: number; n: number }>`${sql.join(branches, sql` union all `)}`.execute(db);
  const counts = words.map(() => 0);
  for (const row of result.rows) counts[Number(row.w)] = Number(row.n);
  return counts;
}

export type HitRow = { documentId: number; matchedGroups: number; mask: number; score: number | null };

const orderings: Record<SortOrder, RawBuilder<unknown>> = {
  relevance: sql`coalesce(s.score, 0) desc, d.date_start asc nulls last, d.document_id asc`,
  'date-asc': sql`d.date_start asc nulls last, d.date_end asc nulls last, d.document_id asc`,
  'date-desc': sql`d.date_start desc nulls last, d.date_end desc nulls last, d.document_id asc`,
  title: sql`d.title_sort asc, d.document_id asc`,
  added: sql`d.published_at desc nulls last, d.document_id desc`,
};

/** One page of hits in the requested order; relaxed plans list the best-covered documents first. */
export async function pageOfHits(
  db: Kysely<Database>,
  provider: SearchProvider,
  plan: MatchPlan,
  filters: FilterSet,
  options: { sort: SortOrder; limit: number; offset: number },
): Promise<HitRow[]> {
  const ctes = commonTables(provider, plan, filters, false);
  const clauses = positiveClauses(plan.query);
  const scored = options.sort === 'relevance' && clauses.length > 0;
  if (scored)
    ctes.push(sql`scored as (${provider.scoreDocuments(clauses, sql`select document_id from filtered`)})`);
  // Without words to score, "relevance" has nothing to go by: the archive's natural order is by date.
  const order = options.sort === 'relevance' && !scored ? orderings['date-asc'] : orderings[options.sort];
  const result = await sql<{
    document_id: number;
    matched_groups: number;
    mask: number;
    score: number | null;
  }>`
    with recursive ${sql.join(ctes)}
    select f.document_id, f.matched_groups, f.mask, ${scored ? sql`s.score` : sql`cast(null as real)`} as score
    from filtered f join search_documents d on d.document_id = f.document_id
    ${scored ? sql`left join scored s on s.document_id = f.document_id` : sql``}
    order by ${plan.mode === 'relaxed' ? sql`f.matched_groups desc, ` : sql``}${order}
    limit ${options.limit} offset ${options.offset}`.execute(db);
  return result.rows.map((row) => ({
    documentId: Number(row.document_id),
    matchedGroups: Number(row.matched_groups),
    mask: Number(row.mask),
    score: row.score === null ? null : Number(row.score),
  }));
}
