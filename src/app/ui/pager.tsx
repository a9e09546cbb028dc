import type { FC } from 'hono/jsx';

/** Previous / next links of a long list; `href(n)` gives the address of page n. */
export const Pager: FC<{ page: number; pages: number; href: (page: number) => string; label: string }> = ({
  page,
  pages,
  href,
  label,
}) =>
  pages > 1 ? (
    <nav class="pagination" aria-label={label}>
      {page > 1 ? (
        <a rel="prev" href={href(page - 1)}>
          Previous page
        </a>
      ) : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <a rel="next" href={href(page + 1)}>
          Next page
        </a>
      ) : null}
    </nav>
  ) : null;
