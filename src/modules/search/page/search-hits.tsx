import type { FC } from 'hono/jsx';
import { pluralize } from '../../../app/ui/format.ts';
import { paths } from '../../documents/documents.presenters.ts';
import { shortenSummary } from '../../documents/page/document-list.tsx';
import { DocumentDate } from '../../documents/page/document-metadata.tsx';
import { languageName } from '../../shared/languages.ts';
import type { SearchHit } from '../search.usecases.ts';

/** The document's address with the query, so its page can highlight the words found. */
export function hitHref(id: number, query: string): string {
  const base = paths.document(id);
  return query === '' ? base : `${base}?${new URLSearchParams({ q: query }).toString()}`;
}

const typeLabel = (type: string) => type.charAt(0).toUpperCase() + type.slice(1);

/** One result: the title (highlighted by the engine), date and type, summary, and passages found. */
const SearchHitItem: FC<{ hit: SearchHit; query: string }> = ({ hit, query }) => {
  const languages = hit.languages.map(languageName).join(', ');
  const translations = hit.translations.map(languageName).join(', ');
  return (
    <li class="search-hit">
      <article>
        <h3 class="search-hit__title">
          {/* titleHtml and snippet html come escaped from the engine, with only <mark> added. */}
          <a href={hitHref(hit.id, query)} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
        </h3>
        {hit.subtitle ? <p class="search-hit__subtitle">{hit.subtitle}</p> : null}
        <p class="search-hit__meta">
          {hit.date ? <DocumentDate date={hit.date} /> : 'Undated'}
          {hit.type ? <span> · {typeLabel(hit.type)}</span> : null}
          {languages ? <span> · {languages}</span> : null}
          {translations ? <span> · translated into {translations}</span> : null}
        </p>
        {hit.summary ? <p class="search-hit__summary">{shortenSummary(hit.summary, 280)}</p> : null}
        {hit.snippets.length > 0 ? (
          <ul class="search-hit__snippets" aria-label="Passages that match">
            {hit.snippets.map((snippet) => (
              <li class="search-snippet">
                <span class="search-snippet__where">{snippet.label}:</span>{' '}
                <span
                  class="search-snippet__text"
                  lang={snippet.language ?? undefined}
                  dangerouslySetInnerHTML={{ __html: snippet.html }}
                />
              </li>
            ))}
          </ul>
        ) : null}
        {hit.missing.length > 0 ? (
          <p class="search-hit__missing">
            Does not contain: {hit.missing.map((w, i) => [i > 0 ? ', ' : '', <s>{w}</s>])}
          </p>
        ) : null}
      </article>
    </li>
  );
};

export const SearchHits: FC<{ hits: SearchHit[]; query: string; offset: number }> = ({
  hits,
  query,
  offset,
}) => (
  <ol class="search-hits" start={offset + 1}>
    {hits.map((hit) => (
      <SearchHitItem hit={hit} query={query} />
    ))}
  </ol>
);

/** "1–20 of 134 documents", or why there is nothing to list. */
export function countLine(total: number, page: number, perPage: number, shown: number): string {
  if (total === 0) return 'No documents';
  if (shown === 0) return `No results on page ${page}; the search found ${pluralize(total, 'document')}`;
  const first = (page - 1) * perPage + 1;
  const last = first + shown - 1;
  const of = `${total.toLocaleString('en-US')} ${total === 1 ? 'document' : 'documents'}`;
  return first === last ? `${first} of ${of}` : `${first}–${last} of ${of}`;
}
