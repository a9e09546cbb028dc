import { Hono } from 'hono';
import { renderPage } from '../../app/ui/layout.tsx';
import type { PageDeps } from '../documents/documents.pages.tsx';
import { AzPage, azView } from './browse.az.tsx';
import { DatesPage, loadDatesView } from './browse.dates.tsx';
import { azIndexes } from './browse.parts.tsx';
import { countByDate, countedAuthorities, countsByKind, placeTree } from './browse.queries.ts';
import { dateBrowseSchema, listPageSchema, parseLetterParam } from './browse.schemas.ts';
import { BrowseIndexPage, PlacesPage } from './browse.views.tsx';

/** The one address of a date page, whatever else the request carried. */
function datesCanonical(params: ReturnType<(typeof dateBrowseSchema)['parse']>): string {
  const query = params.undated
    ? 'undated=1'
    : params.year !== undefined
      ? `year=${params.year}`
      : params.decade !== undefined
        ? `decade=${params.decade}${params.level ? '&level=decade' : ''}`
        : '';
  const page = params.page && params.page > 1 && query ? `&page=${params.page}` : '';
  return query ? `/browse/dates?${query}${page}` : '/browse/dates';
}

/**
 * Browsing without a query: `/browse`, dates (`/browse/dates`), the place hierarchy
 * (`/browse/places`) and A–Z indexes of people, organizations, subjects, archives and funders. Query
 * parameters are checked before anything is read: a malformed one is a 400 with a reason, never a 500.
 */
export function browsePages({ database, config, pageCache }: PageDeps) {
  const app = new Hono();

  app.get('/browse', (c) =>
    pageCache.respond(c, async () => {
      const [dates, tree, counts] = await Promise.all([
        countByDate(database),
        placeTree(database),
        countsByKind(database),
      ]);
      const places = (nodes: typeof tree): number =>
        nodes.reduce((sum, n) => sum + 1 + places(n.children), 0);
      return renderPage(
        <BrowseIndexPage
          site={config}
          view={{
            dated: dates.years.reduce((sum, y) => sum + y.count, 0),
            undated: dates.undated,
            places: places(tree),
            counts,
          }}
        />,
      );
    }),
  );

  app.get('/browse/dates', async (c) => {
    const params = dateBrowseSchema.parse(c.req.query());
    return pageCache.respond(c, async () =>
      renderPage(
        <DatesPage
          site={config}
          view={await loadDatesView(database, params)}
          canonicalPath={datesCanonical(params)}
        />,
      ),
    );
  });

  app.get('/browse/places', (c) =>
    pageCache.respond(c, async () =>
      renderPage(<PlacesPage site={config} tree={await placeTree(database)} />),
    ),
  );

  for (const index of azIndexes) {
    app.get(`/browse/${index.segment}`, async (c) => {
      const letter = parseLetterParam(c.req.query('letter'));
      const { page } = listPageSchema.parse({ page: c.req.query('page') });
      return pageCache.respond(c, async () => {
        const view = azView(index, await countedAuthorities(database, index.kind), {
          letter,
          page: page ?? 1,
        });
        const canonical = view.letter
          ? `/browse/${index.segment}?letter=${encodeURIComponent(view.letter)}${view.page > 1 ? `&page=${view.page}` : ''}`
          : `/browse/${index.segment}`;
        return renderPage(<AzPage site={config} view={view} canonicalPath={canonical} />);
      });
    });
  }

  return app;
}
