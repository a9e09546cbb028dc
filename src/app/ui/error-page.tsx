import { Layout, type SiteInfo } from './layout.tsx';

/** The page people see for 404s and other errors: what happened and where to go from here. */
export const ErrorPage = ({ site, status, message }: { site: SiteInfo; status: number; message: string }) => {
  const title =
    status === 404
      ? 'Not found'
      : status === 410
        ? 'Withdrawn'
        : status >= 500
          ? 'Something went wrong'
          : 'Cannot do that';
  return (
    <Layout site={site} title={title}>
      <article class="error-page">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          Try <a href="/search">searching the archive</a> or go back to the <a href="/">home page</a>.
        </p>
      </article>
    </Layout>
  );
};
