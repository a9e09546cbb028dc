import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { notFound } from '../../app/errors.ts';
import { pluralize } from '../../app/ui/format.ts';
import { Layout, renderPage, type SiteInfo } from '../../app/ui/layout.tsx';
import { Pager, queryString } from '../collections/pager.tsx';
import type { PageDeps } from '../documents/documents.pages.tsx';
import { paths } from '../documents/documents.presenters.ts';
import { formatHistoricalDate } from '../documents/historical-date.ts';
import { DocumentListItem } from '../documents/page/document-list.tsx';
import { ThemeMap } from './themes.map.tsx';
import {
  getPublicTheme,
  listPublicThemes,
  type PublicTheme,
  parseThemeFilters,
  THEME_PAGE_SIZE,
  type ThemeFilters,
} from './themes.queries.ts';

export const themePath = (slug: string) => `/themes/${encodeURIComponent(slug)}`;

const ThemesIndexPage: FC<{ site: SiteInfo; items: Awaited<ReturnType<typeof listPublicThemes>> }> = ({
  site,
  items,
}) => (
  <Layout
    site={site}
    title="Themes"
    description={`Themes of ${site.archiveName}: collections brought together, with a timeline and a map.`}
    canonicalPath="/themes"
    bodyClass="page-themes"
  >
    <article class="discovery-page" aria-labelledby="themes-heading">
      <header class="discovery-header">
        <h1 id="themes-heading">Themes</h1>
        <p>
          Each theme brings collections together, with an overview, a timeline and a map of the documents.
        </p>
      </header>
      {items.length === 0 ? (
        <p>No theme has been published yet.</p>
      ) : (
        <ul class="discovery-list">
          {items.map(({ theme, collections }) => (
            <li class="discovery-list__item">
              <h2 class="discovery-list__title">
                <a href={themePath(theme.slug)}>{theme.title}</a>
              </h2>
              {theme.summary ? <p>{theme.summary}</p> : null}
              {collections.length > 0 ? (
                <p class="discovery-list__meta">
                  {collections.length === 1 ? 'Collection' : 'Collections'}:{' '}
                  {collections.map((c) => c.name).join(', ')}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </article>
  </Layout>
);

type Link = (change: Partial<ThemeFilters>) => string;

/** The address of this theme with some filters changed; the page number resets unless given. */
function linkMaker(slug: string, filters: ThemeFilters): Link {
  return (change) => {
    const next = { ...filters, page: 1, ...change };
    return `${themePath(slug)}${queryString({
      collection: next.collection,
      decade: next.year === null ? next.decade : null,
      year: next.year,
      place: next.place,
      page: next.page === 1 ? null : next.page,
    })}`;
  };
}

const ActiveFilters: FC<{ data: PublicTheme; link: Link }> = ({ data, link }) => {
  const { filters, selectedCollection, selectedPlace } = data;
  const active = [
    selectedCollection
      ? { label: `Collection: ${selectedCollection.name}`, href: link({ collection: null }) }
      : null,
    filters.year !== null ? { label: `Year: ${filters.year}`, href: link({ year: null }) } : null,
    filters.year === null && filters.decade !== null
      ? { label: `Decade: ${filters.decade}s`, href: link({ decade: null }) }
      : null,
    selectedPlace ? { label: `Place: ${selectedPlace.name}`, href: link({ place: null }) } : null,
  ].filter((f) => f !== null);
  if (active.length === 0) return null;
  return (
    <section class="theme-filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" class="theme-filters__heading">
        Showing only
      </h2>
      <ul>
        {active.map((f) => (
          <li>
            {f.label} <a href={`${f.href}#documents`}>remove this filter</a>
          </li>
        ))}
      </ul>
      <p>
        <a href={`${link({ collection: null, year: null, decade: null, place: null })}#documents`}>
          Show everything
        </a>
      </p>
    </section>
  );
};

const Timeline: FC<{ data: PublicTheme; link: Link }> = ({ data, link }) => {
  const { timeline, filters } = data;
  const isSelected = (start: number) =>
    timeline.unit === 'year'
      ? filters.year === start
      : filters.decade === start || (filters.year !== null && filters.year - (filters.year % 10) === start);
  return (
    <section class="theme-section" aria-labelledby="timeline-heading" id="timeline">
      <h2 id="timeline-heading">Timeline</h2>
      <p class="theme-section__note">
        Documents per {timeline.unit}
        {data.selectedCollection || data.selectedPlace ? ' (with the filters above)' : ''}, and events the
        editors chose. Each {timeline.unit} leads to its documents.
      </p>
      {timeline.periods.length === 0 ? (
        <p>No dated documents or events.</p>
      ) : (
        <ol class="timeline">
          {timeline.periods.map((p) => {
            const width = p.count === 0 ? 0 : Math.max(1, Math.round((10 * p.count) / timeline.largest));
            const change =
              timeline.unit === 'year' ? { year: p.start, decade: null } : { decade: p.start, year: null };
            return (
              <li
                class={
                  isSelected(p.start) ? 'timeline__period timeline__period--selected' : 'timeline__period'
                }
              >
                <h3 class="timeline__label">{p.label}</h3>
                {p.count > 0 ? (
                  <a
                    class="timeline__count"
                    href={`${link(change)}#documents`}
                    aria-current={isSelected(p.start) ? 'true' : undefined}
                  >
                    <span class={`timeline__bar timeline__bar--${width}`} aria-hidden="true"></span>
                    {pluralize(p.count, 'document')}
                    <span class="visually-hidden"> from {p.label}</span>
                  </a>
                ) : (
                  <p class="timeline__count timeline__count--none">No documents</p>
                )}
                {p.events.length > 0 ? (
                  <ul class="timeline__events">
                    {p.events.map((e) => (
                      <li class="timeline__event">
                        <p class="timeline__event-title">
                          <span class="timeline__event-date">{formatHistoricalDate(e.date)}</span>{' '}
                          {e.link ? <a href={e.link}>{e.title}</a> : <strong>{e.title}</strong>}
                        </p>
                        {e.description ? <p class="timeline__event-text">{e.description}</p> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {timeline.undated > 0 ? (
        <p class="theme-section__note">{pluralize(timeline.undated, 'undated document')} not shown.</p>
      ) : null}
    </section>
  );
};

const PlacesMap: FC<{ data: PublicTheme; link: Link }> = ({ data, link }) => {
  const { places, filters } = data;
  const mapped = places.filter((p) => p.latitude !== null && p.longitude !== null);
  const period =
    filters.year !== null
      ? ` in ${filters.year}`
      : filters.decade !== null
        ? ` in the ${filters.decade}s`
        : '';
  return (
    <section class="theme-section" aria-labelledby="map-heading" id="map">
      <h2 id="map-heading">Map</h2>
      {places.length === 0 ? (
        <p>No document{period} names a place.</p>
      ) : (
        <>
          <figure class="theme-map">
            <ThemeMap
              title={`Map of the places of the documents${period}`}
              description={`${pluralize(mapped.length, 'place')} marked; a larger circle means more documents. The table below lists the same places.`}
              points={mapped.map((p) => ({
                id: p.id,
                name: p.name,
                latitude: p.latitude!,
                longitude: p.longitude!,
                count: p.count,
                href: `${link({ place: p.id })}#documents`,
                selected: filters.place === p.id,
              }))}
            />
            <figcaption>
              Places named in the documents{period}. Choose a circle, or a place in the table, to see its
              documents. Outlines: Natural Earth.
            </figcaption>
          </figure>
          <table class="theme-places">
            <caption>Places of the documents{period}</caption>
            <thead>
              <tr>
                <th scope="col">Place</th>
                <th scope="col">Documents</th>
              </tr>
            </thead>
            <tbody>
              {places.map((p) => (
                <tr>
                  <th scope="row">
                    <a
                      href={`${link({ place: p.id })}#documents`}
                      aria-current={filters.place === p.id ? 'true' : undefined}
                    >
                      {p.name}
                    </a>
                    {p.latitude === null ? <span class="muted"> (not on the map)</span> : null}
                  </th>
                  <td>{p.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
};

const ThemePage: FC<{ site: SiteInfo; data: PublicTheme }> = ({ site, data }) => {
  const { theme, collections, documents, filters } = data;
  const link = linkMaker(theme.slug, filters);
  return (
    <Layout
      site={site}
      title={theme.title}
      description={theme.summary ?? `A theme of ${site.archiveName}: ${theme.title}.`}
      canonicalPath={themePath(theme.slug)}
      bodyClass="page-theme"
    >
      <article class="discovery-page theme-page" aria-labelledby="theme-title">
        <header class="discovery-header">
          <nav class="breadcrumbs" aria-label="Where this theme belongs">
            <ol>
              <li>
                <a href="/themes">Themes</a>
              </li>
              <li aria-current="page">{theme.title}</li>
            </ol>
          </nav>
          <p class="document-kicker">Theme</p>
          <h1 id="theme-title">{theme.title}</h1>
          {theme.summary ? <p class="discovery-header__summary">{theme.summary}</p> : null}
          <p class="authority-count">{pluralize(data.totalDocuments, 'published document')}</p>
        </header>

        {theme.overviewHtml ? (
          <section
            class="theme-overview document-text"
            aria-label="Overview"
            dangerouslySetInnerHTML={{ __html: theme.overviewHtml }}
          />
        ) : null}

        {collections.length > 0 ? (
          <section class="theme-section" aria-labelledby="theme-collections-heading">
            <h2 id="theme-collections-heading">Collections</h2>
            <ul class="collection-list">
              {collections.map((c) => (
                <li>
                  <a href={paths.authority({ kind: 'collection', id: c.id, slug: c.slug })}>{c.name}</a>{' '}
                  <span class="collection-list__count">({pluralize(c.count, 'document')})</span>{' '}
                  {filters.collection === c.slug ? (
                    <span class="muted">(shown below)</span>
                  ) : (
                    <a class="theme-collections__filter" href={`${link({ collection: c.slug })}#documents`}>
                      only this collection<span class="visually-hidden">: {c.name}</span>
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <ActiveFilters data={data} link={link} />
        <div class="theme-views">
          <Timeline data={data} link={link} />
          <PlacesMap data={data} link={link} />
        </div>

        <section class="theme-section" aria-labelledby="theme-documents-heading" id="documents">
          <h2 id="theme-documents-heading">Documents</h2>
          <p class="authority-count">
            {pluralize(documents.total, 'published document')}
            {documents.pages > 1 ? `, page ${documents.page} of ${documents.pages}` : ''}
          </p>
          {documents.items.length > 0 ? (
            <ol class="document-list" start={(documents.page - 1) * THEME_PAGE_SIZE + 1}>
              {documents.items.map((d) => (
                <DocumentListItem document={d} />
              ))}
            </ol>
          ) : null}
          <Pager
            page={documents.page}
            pages={documents.pages}
            label="Pages of documents"
            href={(n) => `${link({ page: n })}#documents`}
          />
        </section>
      </article>
    </Layout>
  );
};

/** `/themes` and `/themes/{slug}` with `?collection=&year=&decade=&place=&page=` filters. */
export function themePages({ database, config, pageCache }: PageDeps) {
  const app = new Hono();
  const { db } = database;

  app.get('/themes', (c) =>
    pageCache.respond(c, async () =>
      renderPage(<ThemesIndexPage site={config} items={await listPublicThemes(db)} />),
    ),
  );

  app.get('/themes/:slug', async (c) => {
    const slug = c.req.param('slug');
    if (!/^[\p{L}\p{N}-]{1,100}$/u.test(slug))
      throw notFound('themes.not_found', 'There is no such theme in this archive.');
    const filters = parseThemeFilters((name) => c.req.query(name));
    return pageCache.respond(c, async () =>
      renderPage(<ThemePage site={config} data={await getPublicTheme(db, slug, filters)} />),
    );
  });

  return app;
}
