import { Hono } from 'hono';
import type { Container } from '../../app/container.ts';
import { authorityKinds } from '../../database/tables.ts';
import { type AdminEnv, requireRole } from '../accounts/accounts.middleware.ts';
import { createEditorRepository } from './editor.repository.ts';
import { statusLabels } from './editor.workflow.ts';

/**
 * JSON for the editor's script: authority and document suggestions while typing. Drafts and their
 * authorities are included (staff link to unpublished work); the routes sit behind the session like
 * every workspace route, and answer 401 without one.
 */
export function editorApi(container: Pick<Container, 'database'>) {
  const app = new Hono<AdminEnv>();
  const repository = () => createEditorRepository({ db: container.database.db });

  app.get('/authorities', requireRole('contributor'), async (c) => {
    const kind = authorityKinds.find((k) => k === c.req.query('kind'));
    const q = (c.req.query('q') ?? '').slice(0, 200);
    if (!kind) {
      return c.json(
        { error: { code: 'request.invalid', message: `kind must be one of ${authorityKinds.join(', ')}` } },
        400,
      );
    }
    return c.json({ kind, query: q, suggestions: await repository().suggestAuthorities(kind, q) });
  });

  app.get('/documents', requireRole('contributor'), async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const found = await repository().suggestDocuments(q);
    return c.json({
      query: q,
      suggestions: found.map((d) => ({ ...d, statusLabel: statusLabels[d.status] })),
    });
  });

  return app;
}
