import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';
import { dateOfRow } from '../documents/documents.repository.ts';
import type { HistoricalDate } from '../documents/historical-date.ts';
import { searchProviderFor } from './providers/index.ts';
import { positiveClauses } from './query-parser.ts';
import type { DateSpan } from './search.dates.ts';
import {
  type CountRow,
  FACET_VALUE_LIMIT,
  type FilterSet,
  type MatchPlan,
  TREE_VALUE_LIMIT,
} from './search.engine.ts';
import {
  AUTHORITY_FACETS,
  type DateFacet,
  FACETS,
  type Facet,
  type FacetName,
  facetLabeler,
  flatFacet,
  isHierarchical,
  treeFacet,
} from './search.facets.ts';
import { buildSnippets, type Snippet } from './search.snippets.ts';
import type { SearchDeps } from './search.usecases.ts';

/** What a search returns besides counts: the page's hits with their details, and labelled facets. */

export type SearchHit = {
  id: number;
  externalId: string | null;
  title: string;
  /** The title, escaped, with the query's words in <mark>. */
  titleHtml: string;
  subtitle: string | null;
  date: HistoricalDate | null;
  type: string | null;
  languages: string[];
  translations: string[];
  summary: string | null;
  snippets: Snippet[];
  /** In a relaxed search, the query words this document lacks. */
  missing: string[];
};

/** Hit details for one page: record fields in one query, facet values in another, then snippets. */
export async function loadHits(
  deps: SearchDeps,
  plan: MatchPlan,
  rows: { documentId: number; mask: number }[],
): Promise<SearchHit[]> {
  if (rows.length === 0) return [];
  const { db } = deps;
  const ids = rows.map((row) => row.documentId);
  const [records, facetRows] = await Promise.all([
    db.selectFrom('documents').selectAll().where('id', 'in', ids).where('status', '=', 'published').execute(),
    db
      .selectFrom('search_facets')
      .select(['document_id', 'facet', 'value'])
      .where('document_id', 'in', ids)
      .where('facet', 'in', ['language', 'translation'])
      .orderBy('document_id')
      .orderBy('facet')
      .orderBy('value')
      .execute(),
  ]);
  const byId = new Map(records.map((r) => [r.id, r]));
  const snippets = await buildSnippets(
    db,
    searchProviderFor(deps.dialect),
    positiveClauses(plan.query),
    records.map((r) => ({ id: r.id, title: r.title, summary: r.summary })),
  );
  const hits: SearchHit[] = [];
  for (const row of rows) {
    const record = byId.get(row.documentId);
    // A document unpublished between the count and this read is simply left out.
    if (!record) continue;
    const values = (facet: string) =>
      facetRows.filter((f) => f.document_id === record.id && f.facet === facet).map((f) => f.value);
    const highlighted = snippets.get(record.id);
    hits.push({
      id: record.id,
      externalId: record.external_id,
      title: record.title,
      titleHtml: highlighted?.titleHtml ?? '',
      subtitle: record.subtitle,
      date: dateOfRow(record),
      type: record.document_type,
      languages: values('language'),
      translations: values('translation'),
      summary: record.summary,
      snippets: highlighted?.snippets ?? [],
      missing:
        plan.mode === 'relaxed'
          ? plan.optional.filter((_, i) => (row.mask & (2 ** i)) === 0).map((group) => group.terms[0]!.source)
          : [],
    });
  }
  return hits;
}

/** Facets with labels and hierarchy, and the date histogram, from the counted rows. */
export async function presentCounts(
  db: Kysely<Database>,
  counts: CountRow[],
  selections: FilterSet['facets'],
  dates: DateSpan | null,
): Promise<{ facets: Facet[]; dates: DateFacet }> {
  const authorityIds = new Set<number>();
  for (const row of counts) {
    if (AUTHORITY_FACETS.has(row.section as FacetName) && row.value !== null)
      authorityIds.add(Number(row.value));
  }
  for (const facet of AUTHORITY_FACETS)
    for (const value of selections[facet] ?? []) authorityIds.add(Number(value));
  const { label, authorities } = await facetLabeler(db, [...authorityIds]);
  const facets = FACETS.map((facet) => {
    const counted = counts
      .filter((row) => row.section === facet && row.value !== null)
      .map((row) => ({ value: row.value!, count: row.n }));
    const selected = selections[facet] ?? [];
    return isHierarchical(facet)
      ? treeFacet(facet, counted, selected, label, authorities, TREE_VALUE_LIMIT)
      : flatFacet(facet, counted, selected, label, FACET_VALUE_LIMIT);
  });
  const years = counts.filter((row) => row.section === 'year' && row.value !== null);
  // Undated documents have no year row: they are the rest of the documents the histogram counts.
  const base = counts.find((row) => row.section === (dates ? 'dated_base' : 'total'))?.n ?? 0;
  const dated = years.reduce((sum, row) => sum + row.n, 0);
  return {
    facets,
    dates: {
      from: dates?.from ?? null,
      to: dates?.to ?? null,
      histogram: years
        .map((row) => ({ year: Number(row.value), count: row.n }))
        .sort((a, b) => a.year - b.year),
      undated: Math.max(0, base - dated),
    },
  };
}
