import type { FC } from 'hono/jsx';
import { pageNumbers } from '../search/search.pages.tsx';

/**
 * Page links for a list: the first, the last and the pages around the current one, each an ordinary
 * link (`href(n)` builds the address with the other parameters kept), so paging works without script.
 */
export const Pager: FC<{ page: number; pages: number; label: string; href: (page: number) => string }> = ({
  page,
  pages,
  label,
  href,
}) =>
  pages <= 1 ? null : (
    <nav class="search-pagination" aria-label={label}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              ← Previous
            </a>
          </li>
        ) : null}
        {pageNumbers(page, pages).map((n) =>
          n === null ? (
            <li class="search-pagination__gap">…</li>
          ) : (
            <li>
              <a href={href(n)} aria-current={n === page ? 'page' : undefined}>
                <span class="visually-hidden">Page </span>
                {n}
              </a>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next">
              Next →
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );

/** A query string from the parameters that are set, in a stable order (cache keys and links agree). */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Reads a page number from the query string: absent is page 1, a malformed one is the caller's 400.
 */
export function parsePageParameter(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return 1;
  if (!/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}
