import { paths, presentDate } from '../documents/documents.presenters.ts';
import { hitHref } from './page/search-hits.tsx';
import type { NameSuggestion } from './search.suggest.ts';
import type { SearchResult } from './search.usecases.ts';

/** The public JSON of a search (API v1); docs/search.md describes every field. */
export function presentSearchResult(result: SearchResult, baseUrl: string, requestUrl: URL) {
  const totalPages = Math.ceil(result.total / result.perPage);
  const pageUrl = (page: number) => {
    const url = new URL(requestUrl.toString());
    url.searchParams.set('page', String(page));
    return `${baseUrl}${url.pathname}${url.search}`;
  };
  const withQuery = (q: string) => {
    const url = new URL(requestUrl.toString());
    url.searchParams.set('q', q);
    url.searchParams.delete('page');
    return `${baseUrl}${url.pathname}${url.search}`;
  };
  return {
    query: result.query,
    total: result.total,
    exactTotal: result.exactTotal,
    page: result.page,
    perPage: result.perPage,
    totalPages,
    sort: result.sort,
    relaxed: result.relaxed,
    dropped: result.dropped,
    didYouMean: result.didYouMean,
    didYouMeanUrl: result.didYouMean === null ? null : withQuery(result.didYouMean),
    correctedFrom: result.correctedFrom,
    messages: result.notices.map((n) => ({ code: n.code, text: n.message })),
    links: {
      self: pageUrl(result.page),
      prev: result.page > 1 ? pageUrl(Math.min(result.page - 1, Math.max(totalPages, 1))) : null,
      next: result.page < totalPages ? pageUrl(result.page + 1) : null,
    },
    hits: result.hits.map((hit) => ({
      id: hit.id,
      externalId: hit.externalId,
      url: `${baseUrl}${paths.document(hit.id)}`,
      // The page with this search's words marked in its texts, as the results page links to it.
      highlightUrl: `${baseUrl}${hitHref(hit.id, result.query)}`,
      title: hit.title,
      titleHtml: hit.titleHtml,
      subtitle: hit.subtitle,
      date: presentDate(hit.date),
      type: hit.type,
      languages: hit.languages,
      translations: hit.translations,
      summary: hit.summary,
      snippets: hit.snippets,
      missing: hit.missing,
    })),
    facets: {
      ...Object.fromEntries(
        result.facets.map((facet) => [
          facet.name,
          { label: facet.label, hierarchical: facet.hierarchical, more: facet.more, values: facet.values },
        ]),
      ),
      date: { label: 'Date', ...result.dates },
    },
  };
}

export function presentSuggestion(suggestion: NameSuggestion, baseUrl: string) {
  return {
    ...suggestion,
    url: `${baseUrl}${paths.authority(suggestion)}`,
    /** The search parameter that filters by this record. */
    filter: { [suggestion.kind]: String(suggestion.id) },
  };
}
