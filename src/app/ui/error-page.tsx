import { Layout, SearchForm, type SiteInfo } from './layout.tsx';

const titles: Record<number, string> = {
  400: 'This request cannot be answered',
  404: 'Page not found',
  410: 'This record has been withdrawn',
  422: 'This request cannot be answered',
};

/** The page people see for 404s and other errors: what happened and where to go from here. */
export const ErrorPage = ({
  site,
  status,
  message,
  hint,
}: {
  site: SiteInfo;
  status: number;
  message: string;
  /** A sentence about what the reader might do next, when the cause suggests one. */
  hint?: string | undefined;
}) => {
  const title =
    titles[status] ?? (status >= 500 ? 'Something went wrong' : 'This request cannot be answered');
  return (
    <Layout site={site} title={title}>
      <article class="error-page" aria-labelledby="error-title">
        <p class="error-page__status">Error {status}</p>
        <h1 id="error-title">{title}</h1>
        <p class="error-page__message">{message}</p>
        {hint ? <p>{hint}</p> : null}
        {status === 404 ? (
          <p>
            If you followed a link or a citation, check the record ID in the address. A record that is still
            being prepared, or that was withdrawn, is not shown.
          </p>
        ) : null}
        <h2>Find what you were looking for</h2>
        <SearchForm id="error-search" label="Search again" />
        <p>
          Or start from the <a href="/">home page</a>, which lists the most recently published documents.
        </p>
      </article>
    </Layout>
  );
};
