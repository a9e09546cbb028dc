import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FC, PropsWithChildren } from 'hono/jsx';
import type { Config } from '../../config/config.ts';

export type SiteInfo = Pick<Config, 'archiveName' | 'archiveTagline' | 'baseUrl'>;

export const searchScopes = [
  { value: 'documents', label: 'Documents' },
  { value: 'collections', label: 'Collections' },
  { value: 'all', label: 'Everything' },
] as const;

const staticDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'static');

/** A short content hash in asset URLs, so a new release never runs against a cached old script. */
export function assetUrl(name: string): string {
  try {
    const hash = createHash('sha1')
      .update(fs.readFileSync(path.join(staticDir, name)))
      .digest('hex')
      .slice(0, 10);
    return `/static/${name}?v=${hash}`;
  } catch {
    return `/static/${name}`;
  }
}
const assets = { css: assetUrl('app.css'), js: assetUrl('app.js') };

type LayoutProps = PropsWithChildren<{
  site: SiteInfo;
  title: string;
  /** Extra elements for <head> (meta tags, links). */
  head?: unknown;
  /** One sentence describing the page, for search engines and link previews. */
  description?: string | null | undefined;
  /** The page's address without view parameters, as a path (`/documents/12`). */
  canonicalPath?: string | undefined;
  query?: string;
  scope?: string;
  /** Loads the Chinese reading font; pages set it when they show Chinese text. */
  chineseText?: boolean;
  bodyClass?: string;
}>;

/** The frame of every HTML page: header with the search box, main content, footer. */
export const Layout: FC<LayoutProps> = ({
  site,
  title,
  head,
  description,
  canonicalPath,
  query,
  scope,
  chineseText,
  bodyClass,
  children,
}) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title === site.archiveName ? title : `${title} · ${site.archiveName}`}</title>
      {description ? <meta name="description" content={description} /> : null}
      {canonicalPath ? <link rel="canonical" href={`${site.baseUrl}${canonicalPath}`} /> : null}
      <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      {/* The regular Latin face sets nearly every page; fetching it with the stylesheet avoids a late swap. */}
      <link
        rel="preload"
        href="/fonts/noto-serif-latin-400-normal.woff2"
        as="font"
        type="font/woff2"
        crossorigin=""
      />
      <link rel="stylesheet" href="/fonts/reading.css" />
      {chineseText ? <link rel="stylesheet" href="/fonts/chinese.css" /> : null}
      <link rel="stylesheet" href={assets.css} />
      <script src={assets.js} defer></script>
      {head}
    </head>
    <body class={bodyClass}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <div class="site-header__inner">
          <a class="site-name" href="/">
            <span class="site-name__title">{site.archiveName}</span>
            <span class="site-name__tagline">{site.archiveTagline}</span>
          </a>
          <SearchForm id="site-search" label="Search the archive" query={query} scope={scope} />
        </div>
      </header>
      <main id="main" tabindex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <div class="site-footer__inner">
          <p>
            <a href="/">{site.archiveName}</a> · <a href="/search">Search</a> · <a href="/browse">Browse</a> ·{' '}
            <a href="/collections">Collections</a> · <a href="/themes">Themes</a> ·{' '}
            <a href="/readers">Readers</a> · <a href="/api/v1/documents">Open data (JSON API)</a>
          </p>
          <p class="site-footer__software">Published with Chancery, open-source software for archives.</p>
        </div>
      </footer>
    </body>
  </html>
);

/** The search box with its scope; the header and the home page both use it. */
export const SearchForm: FC<{
  id: string;
  /** Names the search landmark; a page with two search boxes needs two different names. */
  label: string;
  query?: string | undefined;
  scope?: string | undefined;
  large?: boolean;
}> = ({ id, label, query, scope, large }) => (
  // biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for some screen readers; role="search" on the form is understood everywhere
  <form
    class={large ? 'search-form search-form--large' : 'search-form'}
    action="/search"
    method="get"
    role="search"
    aria-label={label}
  >
    <label for={`${id}-scope`} class="search-form__scope-label">
      Search in
    </label>
    <select id={`${id}-scope`} name="scope">
      {searchScopes.map((s) => (
        <option value={s.value} selected={s.value === (scope ?? 'documents')}>
          {s.label}
        </option>
      ))}
    </select>
    <label for={`${id}-q`} class="visually-hidden">
      Search terms
    </label>
    <input id={`${id}-q`} name="q" type="search" value={query ?? ''} placeholder="Names, places, words…" />
    <button type="submit">Search</button>
  </form>
);

/** hono/jsx renders no doctype; every page response goes through here to add it. */
export const renderPage = (element: unknown): string => `<!doctype html>${String(element)}`;
