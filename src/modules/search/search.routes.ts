import { Hono } from 'hono';
import type { Container } from '../../app/container.ts';
import { badRequest } from '../../app/errors.ts';
import { createSearchCache } from './search.cache.ts';
import { presentSearchResult, presentSuggestion } from './search.presenters.ts';
import { parseSearchParameters } from './search.schemas.ts';
import { SUGGESTED_KINDS, type SuggestedKind, suggestNames } from './search.suggest.ts';
import { searchDocuments } from './search.usecases.ts';

/**
 * JSON API v1 for search (docs/search.md):
 *   GET /api/v1/search?q=&<filters>&sort=&page=&per_page=
 *   GET /api/v1/search/suggest?q=&kind=&limit=
 */
export function searchApiRoutes({ database, config }: Pick<Container, 'database' | 'config'>) {
  const app = new Hono();
  // Facet counts are kept between requests (paging through a search counts it once).
  const deps = { db: database.db, dialect: database.dialect, cache: createSearchCache() };

  app.get('/', async (c) => {
    const { request, problems } = parseSearchParameters(c.req.queries());
    if (problems.length > 0) {
      throw badRequest('search.invalid_parameters', problems.join(' '), problems);
    }
    const result = await searchDocuments(deps, request);
    return c.json(presentSearchResult(result, config.baseUrl, new URL(c.req.url)));
  });

  app.get('/suggest', async (c) => {
    const q = c.req.queries('q')?.join(' ') ?? '';
    const kinds = (c.req.queries('kind') ?? [])
      .flatMap((k) => k.split(','))
      .map((k) => k.trim())
      .filter((k) => k !== '');
    const unknown = kinds.filter((k) => !(SUGGESTED_KINDS as readonly string[]).includes(k));
    if (unknown.length > 0) {
      throw badRequest(
        'search.invalid_parameters',
        `kind: "${unknown[0]!.slice(0, 40)}" is not one of ${SUGGESTED_KINDS.join(', ')}.`,
      );
    }
    const limitText = c.req.query('limit');
    const limit = limitText === undefined ? 10 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
      throw badRequest('search.invalid_parameters', 'limit: must be a whole number from 1 to 50.');
    }
    const suggestions = await suggestNames(deps, q.slice(0, 200), { limit, kinds: kinds as SuggestedKind[] });
    return c.json({ query: q, suggestions: suggestions.map((s) => presentSuggestion(s, config.baseUrl)) });
  });

  return app;
}
