import { Hono } from 'hono';
import type { Container } from '../../app/container.ts';
import { notFound } from '../../app/errors.ts';
import type { PageCache } from '../../app/page-cache.ts';
import { parseRecordId } from '../../app/route-params.ts';
import { renderPage } from '../../app/ui/layout.tsx';
import { citationCatalogFor } from '../citations/csl-styles.ts';
import { scansWithPages } from '../iiif/iiif.scans.ts';
import { viewForPageLink } from '../iiif/scan-page-viewer.tsx';
import { DocumentWithdrawnError, getPublicDocument } from './documents.queries.ts';
import { DocumentPage } from './page/document-page.tsx';
import { documentViews, selectView } from './page/document-views.ts';
import { readHitQuery, yearsOf } from './page/hit-highlighting.ts';
import { loadSideBySide } from './page/side-by-side/side-by-side.data.ts';
import { WithdrawnPage } from './page/withdrawn-page.tsx';
import { loadRelatedDocuments } from './similar/related-documents.tsx';

export type PageDeps = Pick<Container, 'database' | 'config'> & { pageCache: PageCache };

/**
 * The public page of a document: `/documents/{id}`, with `?view=` choosing the version shown and `?q=`
 * (from search results) marking the words found. The page cache keys pages by their whole query string,
 * so a page with `?q=` never answers for the plain one, nor the plain one for it.
 */
export function documentPages({ database, config, pageCache }: PageDeps) {
  const app = new Hono();

  app.get('/documents/:id', async (c) => {
    const id = parseRecordId(c.req.param('id'));
    if (id === undefined) {
      // The raw value is not echoed: it can hold anything, control characters included.
      throw notFound(
        'documents.not_found',
        'This address does not contain a record ID. Record IDs are whole numbers, as in /documents/1234.',
      );
    }
    try {
      return await pageCache.respond(c, async () => {
        const document = await getPublicDocument(database, id);
        const related = await loadRelatedDocuments(database, document.id);
        const views = documentViews(document.assets);
        // A bare `?page=N` (a link from search results or a page's text) opens the scan at that page.
        const scanPages = await scansWithPages(database.db, document);
        const current = selectView(
          views,
          viewForPageLink(views, scanPages, { view: c.req.query('view'), page: c.req.query('page') }),
        );
        const sideBySide = await loadSideBySide(database, document, views, c.req.query());
        return renderPage(
          <DocumentPage
            site={config}
            document={document}
            views={views}
            current={current}
            citeStyle={c.req.query('cite')}
            requestedVersion={c.req.query('version')}
            scanPage={c.req.query('page')}
            scanPages={scanPages}
            citations={citationCatalogFor(config)}
            related={related}
            hitQuery={readHitQuery(c.req.query('q'), yearsOf(document.date))}
            sideBySide={sideBySide}
          />,
        );
      });
    } catch (error) {
      if (!(error instanceof DocumentWithdrawnError)) throw error;
      return c.html(renderPage(<WithdrawnPage site={config} document={error.document} />), 410);
    }
  });

  return app;
}
