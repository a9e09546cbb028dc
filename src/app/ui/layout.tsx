import type { FC, PropsWithChildren } from 'hono/jsx';
import type { Config } from '../../config/config.ts';

export type SiteInfo = Pick<Config, 'archiveName' | 'archiveTagline' | 'baseUrl'>;

type LayoutProps = PropsWithChildren<{
  site: SiteInfo;
  title: string;
  /** Extra elements for <head> (meta tags, links). */
  head?: unknown;
  query?: string;
}>;

/** The frame of every HTML page: header with the search box, main content, footer. */
export const Layout: FC<LayoutProps> = ({ site, title, head, query, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · ${site.archiveName}`}</title>
      <link rel="stylesheet" href="/static/app.css" />
      <script src="/static/app.js" defer></script>
      {head}
    </head>
    <body>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <div class="site-header__inner">
          <a class="site-name" href="/">
            <span class="site-name__title">{site.archiveName}</span>
            <span class="site-name__tagline">{site.archiveTagline}</span>
          </a>
          <form class="site-search" action="/search" method="get" role="search">
            <label for="site-search-scope">Search in</label>
            <select id="site-search-scope" name="scope">
              <option value="documents">Documents</option>
              <option value="collections">Collections</option>
              <option value="all">Everything</option>
            </select>
            <label for="site-search-q" class="visually-hidden">
              Search terms
            </label>
            <input
              id="site-search-q"
              name="q"
              type="search"
              value={query ?? ''}
              placeholder="Names, places, words…"
            />
            <button type="submit">Search</button>
          </form>
        </div>
      </header>
      <main id="main" tabindex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <p>
          {site.archiveName} · <a href="/">Home</a> · <a href="/api/v1/documents">Open data (JSON API)</a>
        </p>
        <p class="site-footer__software">Published with Chancery, open-source archive software.</p>
      </footer>
    </body>
  </html>
);

/** hono/jsx renders no doctype; every page response goes through here to add it. */
export const renderPage = (element: unknown): string => `<!doctype html>${String(element)}`;
