import { FACETS, type FacetName } from '../search.facets.ts';
import type { SearchRequest } from '../search.schemas.ts';

/**
 * The state of the search page as URL parameters. Every link and form of the page is built from it,
 * so a filtered, sorted page is always a link one can share, and a parameter the page could not read
 * is dropped from every link instead of being carried along.
 */
export type SearchScope = 'documents' | 'collections' | 'all';

export type PageState = {
  q: string;
  scope: SearchScope;
  facets: Partial<Record<FacetName, string[]>>;
  from: string | null;
  to: string | null;
  /** Only when given: without it the engine picks relevance for words, dates for browsing. */
  sort: string | null;
  perPage: number;
  page: number;
  verbatim: boolean;
};

export function pageStateOf(
  request: SearchRequest,
  rawScope: string | undefined,
  validDates: { from: string | null; to: string | null },
): PageState {
  const facets: Partial<Record<FacetName, string[]>> = {};
  for (const facet of FACETS) {
    // Collections chosen by slug are stored as `slug:…`; links carry them as they were written.
    const values = request.facets[facet]?.map((v) => (v.startsWith('slug:') ? v.slice(5) : v));
    if (values && values.length > 0) facets[facet] = values;
  }
  const scope = rawScope === 'collections' || rawScope === 'all' ? rawScope : 'documents';
  return {
    q: request.q.trim(),
    scope,
    facets,
    from: validDates.from,
    to: validDates.to,
    sort: request.sortGiven ? request.sort : null,
    perPage: request.perPage,
    page: request.page,
    verbatim: request.verbatim,
  };
}

/** The parameters of a state, in a fixed order so equal states give equal links. */
export function stateParameters(state: PageState): [string, string][] {
  const pairs: [string, string][] = [];
  if (state.q !== '') pairs.push(['q', state.q]);
  if (state.scope !== 'documents') pairs.push(['scope', state.scope]);
  for (const facet of FACETS) for (const value of state.facets[facet] ?? []) pairs.push([facet, value]);
  if (state.from) pairs.push(['from', state.from]);
  if (state.to) pairs.push(['to', state.to]);
  if (state.sort) pairs.push(['sort', state.sort]);
  if (state.perPage !== 20) pairs.push(['per_page', String(state.perPage)]);
  if (state.verbatim) pairs.push(['verbatim', '1']);
  if (state.page > 1) pairs.push(['page', String(state.page)]);
  return pairs;
}

/** The address of the page in another state; any change but paging goes back to page 1. */
export function searchHref(state: PageState, change: Partial<PageState> = {}): string {
  const next: PageState = { ...state, page: 1, ...change };
  const query = new URLSearchParams(stateParameters(next)).toString();
  return query ? `/search?${query}` : '/search';
}

export const hasFilters = (state: PageState) =>
  Object.keys(state.facets).length > 0 || state.from !== null || state.to !== null;

/** Hidden inputs carrying the parts of the state a form does not itself show. */
export function hiddenParameters(state: PageState, shownByForm: ReadonlySet<string>): [string, string][] {
  return stateParameters({ ...state, page: 1 }).filter(([name]) => !shownByForm.has(name));
}
