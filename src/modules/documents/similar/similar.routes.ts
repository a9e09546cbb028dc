import { Hono } from 'hono';
import { z } from 'zod';
import type { Container } from '../../../app/container.ts';
import { notFound } from '../../../app/errors.ts';
import { parseRecordId } from '../../../app/route-params.ts';
import { paths, presentDate } from '../documents.presenters.ts';
import { getPublicDocument } from '../documents.queries.ts';
import { loadRelatedDocuments } from './related-documents.tsx';
import { MAX_SIMILAR } from './similar-documents.ts';

const similarQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_SIMILAR).default(5),
});

/**
 * `GET /api/v1/documents/{id}/similar`: the editors' related links (both ways, with their direction)
 * and the similar documents the search index finds, for a published document only.
 */
export function similarDocumentsApiRoutes({ database, config }: Pick<Container, 'database' | 'config'>) {
  const app = new Hono();

  app.get('/:id/similar', async (c) => {
    const id = parseRecordId(c.req.param('id'));
    if (id === undefined) throw notFound('documents.not_found', 'This is not a record ID.');
    const { limit } = similarQuerySchema.parse({ limit: c.req.query('limit') });
    // Unpublished and withdrawn records answer exactly as on their own address.
    await getPublicDocument(database, id);
    const related = await loadRelatedDocuments(database, id, { similarLimit: limit });
    const stub = (d: {
      id: number;
      externalId: string | null;
      title: string;
      date: Parameters<typeof presentDate>[0];
    }) => ({
      id: d.id,
      externalId: d.externalId,
      title: d.title,
      date: presentDate(d.date),
      url: `${config.baseUrl}${paths.document(d.id)}`,
    });
    return c.json({
      document: id,
      related: related.curated.map((d) => ({ ...stub(d), direction: d.direction })),
      similar: related.similar.map((d) => ({ ...stub(d), score: d.score })),
    });
  });

  return app;
}
