import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { hasChinese, pluralize } from '../../app/ui/format.ts';
import { Layout, renderPage, type SiteInfo } from '../../app/ui/layout.tsx';
import type { PageDeps } from '../documents/documents.pages.tsx';
import { paths } from '../documents/documents.presenters.ts';
import { SearchFilters } from './page/search-facets.tsx';
import { countLine, SearchHits } from './page/search-hits.tsx';
import { hiddenParameters, type PageState, pageStateOf, searchHref } from './page/search-url.ts';
import { parseDatePoint } from './search.dates.ts';
import { FACETS } from './search.facets.ts';
import { MAX_PAGE, PER_PAGE_CHOICES, parseSearchParameters } from './search.schemas.ts';
import { type NameSuggestion, suggestNames } from './search.suggest.ts';
import { type SearchResult, searchDocuments } from './search.usecases.ts';

/**
 * The public search page, `/search`: the same engine as the JSON API, as one GET form with its
 * results, so it works without JavaScript and every state of it is a link. A parameter it cannot read
 * is never an error here: it is named in a notice and left out, and the search runs without it.
 */

const SORT_CHOICES = [
  { value: 'relevance', label: 'Relevance' },
  { value: 'date-asc', label: 'Date, oldest first' },
  { value: 'date-desc', label: 'Date, newest first' },
  { value: 'title', label: 'Title' },
  { value: 'added', label: 'Recently added' },
] as const;

const COLLECTIONS_LISTED = 20;

type SearchPageProps = {
  site: SiteInfo;
  state: PageState;
  result: SearchResult | null;
  collections: NameSuggestion[] | null;
  problems: string[];
};

const SortForm: FC<{ state: PageState; sort: string }> = ({ state, sort }) => (
  <form method="get" action="/search" class="search-toolbar">
    {hiddenParameters(state, new Set(['sort', 'per_page'])).map(([name, value]) => (
      <input type="hidden" name={name} value={value} />
    ))}
    <label for="search-sort">Sort by</label>
    <select id="search-sort" name="sort">
      {SORT_CHOICES.map((choice) => (
        <option value={choice.value} selected={choice.value === sort}>
          {choice.label}
        </option>
      ))}
    </select>
    <label for="search-per-page">Per page</label>
    <select id="search-per-page" name="per_page">
      {PER_PAGE_CHOICES.map((n) => (
        <option value={String(n)} selected={n === state.perPage}>
          {n}
        </option>
      ))}
    </select>
    <button type="submit">Apply</button>
  </form>
);

/** Page numbers to offer: the first, the last, and two either side of the current one. */
export function pageNumbers(current: number, last: number): (number | null)[] {
  const wanted = new Set([1, last, current - 2, current - 1, current, current + 1, current + 2]);
  const sorted = [...wanted].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
  const withGaps: (number | null)[] = [];
  for (const n of sorted) {
    const previous = withGaps[withGaps.length - 1];
    if (typeof previous === 'number' && n - previous > 1) withGaps.push(null);
    withGaps.push(n);
  }
  return withGaps;
}

const Pagination: FC<{ state: PageState; totalPages: number }> = ({ state, totalPages }) => {
  const last = Math.min(totalPages, MAX_PAGE);
  if (last <= 1 && state.page === 1) return null;
  const current = state.page;
  const to = (page: number) => searchHref(state, { page });
  return (
    <nav class="search-pagination" aria-label="Result pages">
      <ul>
        {current > 1 ? (
          <li>
            <a href={to(Math.min(current - 1, Math.max(last, 1)))} rel="prev">
              ← Previous
            </a>
          </li>
        ) : null}
        {pageNumbers(current, last).map((n) =>
          n === null ? (
            <li class="search-pagination__gap">…</li>
          ) : n === current ? (
            <li>
              <a href={to(n)} aria-current="page">
                <span class="visually-hidden">Page </span>
                {n}
              </a>
            </li>
          ) : (
            <li>
              <a href={to(n)}>
                <span class="visually-hidden">Page </span>
                {n}
              </a>
            </li>
          ),
        )}
        {current < last ? (
          <li>
            <a href={to(current + 1)} rel="next">
              Next →
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
};

const Notices: FC<{ state: PageState; result: SearchResult; problems: string[] }> = ({
  state,
  result,
  problems,
}) => {
  const others = result.notices.filter((n) => n.code !== 'search.relaxed' && n.code !== 'search.corrected');
  return (
    <div class="search-notices">
      {problems.length > 0 ? (
        <div class="search-notice search-notice--problem">
          <p>Some parameters of this address could not be read and were ignored:</p>
          <ul>
            {problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.correctedFrom !== null ? (
        <p class="search-notice">
          No documents match “{result.correctedFrom}”; showing results for “<strong>{result.query}</strong>”.{' '}
          <a href={searchHref(state, { q: result.correctedFrom, verbatim: true })}>
            Search for “{result.correctedFrom}” as typed
          </a>
        </p>
      ) : null}
      {result.didYouMean !== null ? (
        <p class="search-notice search-notice--suggestion">
          Did you mean{' '}
          <a href={searchHref(state, { q: result.didYouMean, verbatim: false })}>{result.didYouMean}</a>?
        </p>
      ) : null}
      {result.relaxed ? (
        <p class="search-notice">
          {result.exactTotal === 0
            ? 'No document contains all the words.'
            : `Only ${pluralize(result.exactTotal, 'document contains', 'documents contain')} all the words.`}{' '}
          {result.dropped.length > 0
            ? `Also listed are documents without ${result.dropped.map((w) => `“${w}”`).join(' or ')}.`
            : 'Also listed are documents that contain most of them.'}
        </p>
      ) : null}
      {others.map((n) => (
        <p class="search-notice">{n.message}</p>
      ))}
    </div>
  );
};

const EmptyResults: FC<{ state: PageState }> = ({ state }) => (
  <div class="empty-state search-empty">
    <p>No published document matches {state.q ? `“${state.q}”` : 'this search'}.</p>
    <ul>
      {state.q.split(/\s+/).length > 1 ? <li>Try fewer words, or check their spelling.</li> : null}
      {Object.keys(state.facets).length > 0 || state.from || state.to ? (
        <li>
          <a href={searchHref(state, { facets: {}, from: null, to: null })}>Search again without filters</a>
        </li>
      ) : null}
      <li>
        Names are found in every spelling the archive knows; try a surname alone, or a place name in another
        language.
      </li>
      <li>
        <a href="/search">Browse all documents</a>
      </li>
    </ul>
  </div>
);

const CollectionMatches: FC<{ collections: NameSuggestion[]; state: PageState }> = ({
  collections,
  state,
}) => (
  <section class="search-collections" aria-labelledby="search-collections-heading">
    <h2 id="search-collections-heading">Collections</h2>
    {state.q === '' ? (
      <p>Type a word of a collection’s name to find it.</p>
    ) : collections.length === 0 ? (
      <p class="empty-state">No collection’s name matches “{state.q}”.</p>
    ) : (
      <ul class="collection-list">
        {collections.map((c) => (
          <li>
            <a href={paths.authority(c)}>{c.name}</a>
            {c.matched ? <span class="search-collections__variant"> (“{c.matched}”)</span> : null}{' '}
            <span class="collection-list__count">{pluralize(c.documents, 'document')}</span>
          </li>
        ))}
      </ul>
    )}
    {state.scope === 'collections' ? (
      <p>
        <a href={searchHref(state, { scope: 'documents' })}>Search the documents for “{state.q}” instead</a>
      </p>
    ) : null}
  </section>
);

const SearchPage: FC<SearchPageProps> = ({ site, state, result, collections, problems }) => {
  const heading =
    state.q === '' ? (state.scope === 'collections' ? 'Collections' : 'All documents') : `Search: ${state.q}`;
  const snippetLanguages = result?.hits.flatMap((h) => [
    ...h.languages,
    ...h.snippets.map((s) => s.language),
  ]);
  const totalPages = result ? Math.ceil(result.total / result.perPage) : 0;
  return (
    <Layout
      site={site}
      title={heading}
      query={state.q}
      scope={state.scope}
      chineseText={hasChinese(snippetLanguages ?? [])}
      bodyClass="page-search"
    >
      <h1 class="search-title">{heading}</h1>
      {collections ? <CollectionMatches collections={collections} state={state} /> : null}
      {result ? (
        <div class="search-layout">
          <section class="search-results" aria-labelledby="search-results-heading">
            <h2 id="search-results-heading" class="search-count">
              {countLine(result.total, result.page, result.perPage, result.hits.length)}
            </h2>
            <Notices state={state} result={result} problems={problems} />
            {result.total > 0 ? <SortForm state={state} sort={result.sort} /> : null}
            {result.total === 0 ? (
              <EmptyResults state={state} />
            ) : result.hits.length === 0 ? (
              <p class="empty-state">
                <a href={searchHref(state, { page: 1 })}>Go to the first page of results</a>
              </p>
            ) : (
              <SearchHits
                hits={result.hits}
                query={result.query}
                offset={(result.page - 1) * result.perPage}
              />
            )}
            <Pagination state={state} totalPages={totalPages} />
          </section>
          <SearchFilters facets={result.facets} dates={result.dates} state={state} />
        </div>
      ) : null}
    </Layout>
  );
};

/** Reads the address, runs the search, and renders; nothing in the address can make it fail. */
export function searchPages({ database, config, pageCache }: PageDeps) {
  const app = new Hono();
  const deps = { db: database.db, dialect: database.dialect };
  app.get('/search', (c) =>
    pageCache.respond(c, async () => {
      const { request, problems } = parseSearchParameters(c.req.queries());
      const rawDate = (name: string) => {
        const text = c.req
          .queries(name)
          ?.find((v) => v.trim() !== '')
          ?.trim();
        return text !== undefined && parseDatePoint(text) ? text : null;
      };
      let dates = { from: rawDate('from'), to: rawDate('to') };
      if (problems.some((p) => p.startsWith('from: the start date'))) {
        // Reversed dates would find nothing; the page searches without them and says so.
        request.dates = null;
        dates = { from: null, to: null };
      }
      // A facet whose every value was unreadable must not filter at all (an empty selection would match nothing).
      for (const facet of FACETS) if (request.facets[facet]?.length === 0) delete request.facets[facet];
      const state = pageStateOf(request, c.req.query('scope'), dates);
      request.q = state.q.slice(0, 2000);
      const wantsDocuments = state.scope !== 'collections';
      const [result, collections] = await Promise.all([
        wantsDocuments ? searchDocuments(deps, request) : Promise.resolve(null),
        state.scope === 'documents'
          ? Promise.resolve(null)
          : state.q === ''
            ? Promise.resolve([])
            : suggestNames(deps, state.q.slice(0, 200), { limit: COLLECTIONS_LISTED, kinds: ['collection'] }),
      ]);
      return renderPage(
        <SearchPage
          site={config}
          state={state}
          result={result}
          collections={collections}
          problems={problems}
        />,
      );
    }),
  );
  return app;
}
