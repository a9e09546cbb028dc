import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { pluralize } from '../../app/ui/format.ts';
import { Layout, renderPage, SearchForm, type SiteInfo } from '../../app/ui/layout.tsx';
import type { Authority } from '../authorities/authorities.repository.ts';
import type { PageDeps } from '../documents/documents.pages.tsx';
import { paths } from '../documents/documents.presenters.ts';
import type { DocumentStub } from '../documents/documents.repository.ts';
import { DocumentListItem } from '../documents/page/document-list.tsx';
import { siteFeedPath } from '../feeds/atom.routes.ts';
import { type ArchiveCounts, archiveCounts, featuredCollections, recentlyPublished } from './home.queries.ts';

const RECENT_COUNT = 8;

const CountsLine: FC<{ counts: ArchiveCounts }> = ({ counts }) => {
  const years =
    counts.earliestDate && counts.latestDate
      ? ` from ${counts.earliestDate.slice(0, 4)} to ${counts.latestDate.slice(0, 4)}`
      : '';
  const figures = [
    `${pluralize(counts.documents, 'document')}${years}`,
    counts.translations > 0 ? pluralize(counts.translations, 'translation') : null,
    counts.people + counts.organizations > 0
      ? pluralize(counts.people + counts.organizations, 'person or organization', 'people and organizations')
      : null,
    counts.places > 0 ? pluralize(counts.places, 'place') : null,
    counts.collections > 0 ? pluralize(counts.collections, 'collection') : null,
    counts.repositories > 0
      ? pluralize(counts.repositories, 'archive of origin', 'archives of origin')
      : null,
  ].filter((f): f is string => f !== null);
  return (
    <ul class="archive-counts" aria-label="The archive in figures">
      {figures.map((f) => (
        <li>{f}</li>
      ))}
    </ul>
  );
};

const HomePage: FC<{
  site: SiteInfo;
  counts: ArchiveCounts;
  recent: (DocumentStub & { summary: string | null })[];
  collections: { collection: Authority; total: number }[];
}> = ({ site, counts, recent, collections }) => (
  <Layout
    site={site}
    title={site.archiveName}
    description={site.archiveTagline}
    canonicalPath="/"
    bodyClass="page-home"
    head={
      <link
        rel="alternate"
        type="application/atom+xml"
        title={`${site.archiveName}: new documents`}
        href={siteFeedPath}
      />
    }
  >
    <section class="home-hero" aria-labelledby="home-title">
      <h1 id="home-title" class="home-hero__title">
        {site.archiveName}
      </h1>
      <p class="home-hero__tagline">{site.archiveTagline}</p>
      <SearchForm id="home-search" label="Search the documents" large />
      {counts.documents > 0 ? <CountsLine counts={counts} /> : null}
    </section>

    <div class="home-sections">
      <section class="home-recent" aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recently published</h2>
        {recent.length > 0 ? (
          <ol class="document-list">
            {recent.map((d) => (
              <DocumentListItem document={d} />
            ))}
          </ol>
        ) : (
          <p class="empty-state">Nothing has been published in this archive yet.</p>
        )}
      </section>

      {collections.length > 0 ? (
        <section class="home-collections" aria-labelledby="collections-heading">
          <h2 id="collections-heading">Collections</h2>
          <ul class="collection-list">
            {collections.map(({ collection, total }) => (
              <li>
                <a href={paths.authority(collection)}>{collection.name}</a>{' '}
                <span class="collection-list__count">{pluralize(total, 'document')}</span>
              </li>
            ))}
          </ul>
          <p>
            <a href="/collections">All collections</a> · <a href="/themes">Themes</a> ·{' '}
            <a href="/readers">Readers for teaching</a>
          </p>
        </section>
      ) : null}
    </div>
  </Layout>
);

/** The home page: the archive's name, a prominent search box, what is new, and the archive in figures. */
export function homePages({ database, config, pageCache }: PageDeps) {
  const app = new Hono();
  app.get('/', (c) =>
    pageCache.respond(c, async () => {
      const [counts, recent, collections] = await Promise.all([
        archiveCounts(database),
        recentlyPublished(database, RECENT_COUNT),
        featuredCollections(database),
      ]);
      return renderPage(<HomePage site={config} counts={counts} recent={recent} collections={collections} />);
    }),
  );
  return app;
}
