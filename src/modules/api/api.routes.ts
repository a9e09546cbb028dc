import { Hono, type MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import type { Container } from '../../app/container.ts';
import { renderPage } from '../../app/ui/layout.tsx';
import { apiCors, apiEtag, apiRateLimit } from './api.middleware.ts';
import { openApiDocument } from './api.openapi.ts';
import { ApiPage } from './api.page.tsx';

/** Cross-cutting behaviour of every `/api` answer: rate limit first, then CORS, then ETags. */
export function apiMiddleware({ config }: Pick<Container, 'config'>): MiddlewareHandler {
  const chain = every(apiRateLimit(config), apiCors(), apiEtag());
  return (c, next) => (c.req.path === '/api' || c.req.path.startsWith('/api/') ? chain(c, next) : next());
}

/** The OpenAPI document and the human-readable API page. */
export function apiDocumentationRoutes({ config }: Pick<Container, 'config'>) {
  const app = new Hono();
  const document = JSON.stringify(openApiDocument(config));
  app.get('/api/v1/openapi.json', (c) => {
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(document);
  });
  app.get('/api', (c) => c.html(renderPage(ApiPage({ site: config, rateLimit: config.apiRateLimit }))));
  return app;
}
