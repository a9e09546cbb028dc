import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { ZodError } from 'zod';
import { adminRoutes } from '../modules/admin/admin.routes.tsx';
import { authoritiesApiRoutes } from '../modules/api/api.authorities.routes.ts';
import { apiDocumentationRoutes, apiMiddleware } from '../modules/api/api.routes.ts';
import { assetFileRoutes } from '../modules/assets/assets.routes.ts';
import { authorityPages } from '../modules/authorities/authorities.pages.tsx';
import { browsePages } from '../modules/browse/browse.pages.tsx';
import { bulkDataRoutes } from '../modules/bulk-data/bulk-data.routes.tsx';
import { citationRoutes } from '../modules/citations/citations.routes.ts';
import { collectionPages } from '../modules/collections/collections.pages.tsx';
import { documentPages } from '../modules/documents/documents.pages.tsx';
import { documentsApiRoutes } from '../modules/documents/documents.routes.ts';
import { similarDocumentsApiRoutes } from '../modules/documents/similar/similar.routes.ts';
import { publishDueOnRequest } from '../modules/editor/editor.workflow.ts';
import { atomRoutes } from '../modules/feeds/atom.routes.ts';
import { sitemapRoutes } from '../modules/feeds/sitemap.routes.ts';
import { homePages } from '../modules/home/home.pages.tsx';
import { iiifRoutes } from '../modules/iiif/iiif.routes.ts';
import { scanPageImageRoutes, scanPagesApiRoutes } from '../modules/ingest/pipeline/scan-pages.routes.ts';
import { oaiRoutes } from '../modules/oai/oai.routes.ts';
import { readerPages } from '../modules/readers/readers.pages.tsx';
import { searchPages } from '../modules/search/search.pages.tsx';
import { searchApiRoutes } from '../modules/search/search.routes.ts';
import { themePages } from '../modules/themes/themes.pages.tsx';
import type { Container } from './container.ts';
import { AppError } from './errors.ts';
import { contentVersionReader, createPageCache } from './page-cache.ts';
import { securityHeaders } from './security-headers.ts';
import { ErrorPage } from './ui/error-page.tsx';
import { fontRoutes } from './ui/fonts.ts';
import { renderPage } from './ui/layout.tsx';

const staticDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');
const staticTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Builds the whole web application from its dependencies. */
export function createApp(container: Container) {
  const { config, logger } = container;
  const app = new Hono();
  app.use(securityHeaders());
  // Scheduled documents whose time has come are published before anything is read.
  app.use(publishDueOnRequest({ db: container.database.db, dialect: container.database.dialect }));

  app.get('/healthz', (c) => c.text('ok'));

  app.get('/static/:file', (c) => {
    const name = c.req.param('file');
    const type = staticTypes[path.extname(name)];
    if (!type || !/^[\w.-]+$/.test(name)) return c.notFound();
    const file = path.join(staticDir, name);
    if (!fs.existsSync(file)) return c.notFound();
    c.header('Content-Type', type);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(fs.readFileSync(file));
  });

  // Rate limit, CORS and ETags for every /api answer, registered before any API route.
  app.use(apiMiddleware(container));
  app.route('/', apiDocumentationRoutes(container));
  app.route('/api/v1', authoritiesApiRoutes(container));
  app.route('/api/v1/documents', documentsApiRoutes(container));
  app.route('/api/v1/documents', similarDocumentsApiRoutes(container));
  app.route('/api/v1/search', searchApiRoutes(container));
  app.route('/oai', oaiRoutes(container));
  app.route('/', sitemapRoutes(container));
  app.route('/', atomRoutes(container));
  app.route('/', bulkDataRoutes(container));
  app.route('/documents', assetFileRoutes(container));
  app.route('/api/v1/documents', scanPagesApiRoutes(container));
  app.route('/documents', scanPageImageRoutes(container));
  app.route('/', iiifRoutes(container));
  // The editorial workspace: sessions, CSRF checks and role guards live inside it.
  app.route('/admin', adminRoutes(container));

  // Public HTML pages, served from a render cache that a bump of the content version invalidates.
  const pageCache = createPageCache({
    enabled: config.pageCache,
    currentVersion: contentVersionReader(container.database.db),
  });
  const pageDeps = { ...container, pageCache };
  app.route('/', fontRoutes());
  app.route('/', homePages(pageDeps));
  // Before the page: /documents/{id}.ris and friends must not be read as a record ID.
  app.route('/', citationRoutes(container));
  app.route('/', documentPages(pageDeps));
  app.route('/', authorityPages(pageDeps));
  app.route('/', browsePages(pageDeps));
  app.route('/', collectionPages(pageDeps));
  app.route('/', themePages(pageDeps));
  app.route('/', readerPages(pageDeps));
  app.route('/', searchPages(pageDeps));

  const site = config;
  const isApi = (p: string) => p.startsWith('/api/');

  app.notFound((c) => {
    if (isApi(c.req.path)) {
      return c.json({ error: { code: 'not_found', message: 'There is no such API endpoint.' } }, 404);
    }
    return c.html(
      renderPage(ErrorPage({ site, status: 404, message: 'There is no page at this address.' })),
      404,
    );
  });

  app.onError((error, c) => {
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (error instanceof ZodError) {
      appError = new AppError(
        'request.invalid',
        400,
        error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    } else {
      logger.error('unhandled error', { path: c.req.path, error: error.stack ?? String(error) });
      appError = new AppError(
        'internal',
        500,
        'The archive could not answer this request. The error has been logged.',
      );
    }
    if (isApi(c.req.path)) {
      return c.json({ error: { code: appError.code, message: appError.message } }, appError.status);
    }
    return c.html(
      renderPage(ErrorPage({ site, status: appError.status, message: appError.message })),
      appError.status,
    );
  });

  return app;
}
