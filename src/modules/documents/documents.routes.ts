import { Hono } from 'hono';
import type { Container } from '../../app/container.ts';
import { notFound } from '../../app/errors.ts';
import { parseRecordId } from '../../app/route-params.ts';
import { loadDocumentProcessing } from '../ingest/pipeline/scan-processing.presenters.ts';
import { presentDocument, presentDocumentSummary } from './documents.presenters.ts';
import { getPublicDocument, listPublicDocuments } from './documents.queries.ts';
import { paginationSchema } from './documents.schemas.ts';

/** JSON API v1 for documents: published records only. */
export function documentsApiRoutes({ database, config }: Pick<Container, 'database' | 'config'>) {
  const app = new Hono();

  app.get('/', async (c) => {
    const { page, per_page } = paginationSchema.parse({
      page: c.req.query('page'),
      per_page: c.req.query('per_page'),
    });
    const result = await listPublicDocuments(database, { page, perPage: per_page });
    return c.json({
      total: result.total,
      page: result.page,
      perPage: result.perPage,
      documents: result.items.map((d) => presentDocumentSummary(d, config.baseUrl)),
    });
  });

  app.get('/:id', async (c) => {
    const id = parseRecordId(c.req.param('id'));
    if (id === undefined) throw notFound('documents.not_found', `"${c.req.param('id')}" is not a record ID.`);
    const document = await getPublicDocument(database, id);
    return c.json({
      ...presentDocument(document, config.baseUrl),
      // How far scans are from searchable text and page images ("OCR 3/12 pages").
      processing: await loadDocumentProcessing(database.db, document.assets),
    });
  });

  return app;
}
