import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { FC } from 'hono/jsx';
import type { Kysely } from 'kysely';
import type { Container } from '../../app/container.ts';
import { AppError, notFound } from '../../app/errors.ts';
import { parseRecordId } from '../../app/route-params.ts';
import type { Database } from '../../database/tables.ts';
import type { ActionContext } from '../accounts/accounts.context.ts';
import { type AdminEnv, actionContext, requireRole } from '../accounts/accounts.middleware.ts';
import { CsrfField } from '../admin/ui/forms.tsx';
import { sniffMediaType } from '../assets/media-type.ts';
import { createAuditLog } from '../audit/audit.usecases.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import { nowIso } from '../shared/text.ts';
import { collectionImageTypes } from './collections.queries.ts';

export const maxCollectionImageBytes = 5 * 1024 * 1024;

const problems: Record<string, string> = {
  missing: 'Choose a picture file to upload.',
  type: 'The picture must be a PNG, JPEG, GIF or WebP image.',
  size: 'The picture may be at most 5 MB.',
  alt: 'Describe the picture in a few words (at most 300 characters) for readers who cannot see it.',
};

export type CollectionImage = { sha256: string; mediaType: string; alt: string | null };

/**
 * Stores a collection's picture and its text alternative, or removes it, in one transaction with an
 * audit entry; cached pages go stale. The file is already in the blob store (content-addressed).
 */
export async function setCollectionImage(
  db: Kysely<Database>,
  input: { id: number; image: CollectionImage | null; context: ActionContext },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('authorities')
      .select(['name', 'kind'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (row?.kind !== 'collection') throw notFound('collections.not_found', 'There is no such collection.');
    await trx
      .updateTable('authorities')
      .set({
        image_sha256: input.image?.sha256 ?? null,
        image_media_type: input.image?.mediaType ?? null,
        image_alt: input.image?.alt ?? null,
        updated_at: nowIso(),
      })
      .where('id', '=', input.id)
      .execute();
    await createAuditLog({ db: trx }).record({
      ...input.context,
      action: input.image ? 'authority.image_set' : 'authority.image_removed',
      target: { type: 'authority', id: input.id, label: row.name },
    });
    await createDocumentsRepository({ db: trx }).bumpContentVersion();
  });
}

/** The picture panel on a collection's page in the workspace. */
export const CollectionImagePanel: FC<{
  id: number;
  slug: string;
  image: { alt: string | null } | null;
  problem: string | undefined;
  csrfToken: string;
}> = ({ id, slug, image, problem, csrfToken }) => {
  const message = problem ? problems[problem] : undefined;
  return (
    <section class="editor-panel" aria-labelledby="image-title">
      <h2 id="image-title">Picture</h2>
      {image ? (
        <p>
          <img src={`/collections/${encodeURIComponent(slug)}/image`} alt={image.alt ?? ''} width="200" />
        </p>
      ) : (
        <p class="field__hint">No picture yet. It shows on the collections page and the collection’s page.</p>
      )}
      {message ? (
        <p class="field__error" role="alert" id="image-error">
          <span class="visually-hidden">Error: </span>
          {message}
        </p>
      ) : null}
      {/* The token comes first: the CSRF check reads it from the head of the upload. */}
      <form method="post" action={`/admin/authorities/${id}/image`} enctype="multipart/form-data">
        <CsrfField token={csrfToken} />
        <div class="field">
          <label for="image-alt">Text alternative</label>
          <input id="image-alt" name="alt" type="text" maxlength={300} value={image?.alt ?? ''} required />
        </div>
        <div class="field">
          <label for="image-file">Picture file (PNG, JPEG, GIF or WebP, at most 5 MB)</label>
          <input
            id="image-file"
            name="file"
            type="file"
            accept={collectionImageTypes.join(',')}
            aria-describedby={message ? 'image-error' : undefined}
          />
        </div>
        <button type="submit" class="button button--secondary">
          {image ? 'Replace the picture' : 'Upload the picture'}
        </button>
      </form>
      {image ? (
        <form method="post" action={`/admin/authorities/${id}/image/remove`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="button button--danger">
            Remove the picture
          </button>
        </form>
      ) : null}
    </section>
  );
};

/** `/admin/authorities/{id}/image` (upload, or a new text alternative alone) and `/image/remove`. */
export function collectionImageAdminRoutes(container: Pick<Container, 'database' | 'storage'>) {
  const { db } = container.database;
  const app = new Hono<AdminEnv>();
  // Uploads are exempt from the workspace's form limit, so they get their own; other bodies were
  // already capped (and read by the CSRF check) before this route.
  const uploadLimit = bodyLimit({
    maxSize: maxCollectionImageBytes + 64 * 1024,
    onError: () => {
      throw new AppError('collections.image_too_large', 413, problems.size!);
    },
  });
  const limitUploads: MiddlewareHandler = (c, next) =>
    (c.req.header('content-type') ?? '').startsWith('multipart/form-data') ? uploadLimit(c, next) : next();
  const back = (id: number, outcome: string) => `/admin/authorities/${id}?${outcome}`;
  const collectionId = async (param: string | undefined) => {
    const id = parseRecordId(param);
    const row =
      id === undefined
        ? undefined
        : await db
            .selectFrom('authorities')
            .select(['kind', 'image_sha256', 'image_media_type'])
            .where('id', '=', id)
            .executeTakeFirst();
    if (id === undefined || row?.kind !== 'collection') {
      throw notFound('collections.not_found', 'There is no such collection.');
    }
    return { id, current: row };
  };

  app.post('/:id/image', requireRole('editor'), limitUploads, async (c) => {
    const { id, current } = await collectionId(c.req.param('id'));
    const body = await c.req.parseBody();
    const alt = typeof body.alt === 'string' ? body.alt.trim() : '';
    if (!alt || alt.length > 300) return c.redirect(back(id, 'image=alt'), 303);
    const file = body.file instanceof File && body.file.size > 0 ? body.file : null;
    if (!file) {
      // A new text alternative for the picture already there.
      if (!current.image_sha256 || !current.image_media_type)
        return c.redirect(back(id, 'image=missing'), 303);
      await setCollectionImage(db, {
        id,
        image: { sha256: current.image_sha256, mediaType: current.image_media_type, alt },
        context: actionContext(c),
      });
      return c.redirect(back(id, 'done=saved'), 303);
    }
    if (file.size > maxCollectionImageBytes) return c.redirect(back(id, 'image=size'), 303);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const mediaType = sniffMediaType(bytes.subarray(0, 16));
    if (!mediaType || !collectionImageTypes.includes(mediaType))
      return c.redirect(back(id, 'image=type'), 303);
    const stored = await container.storage.put(bytes);
    await setCollectionImage(db, {
      id,
      image: { sha256: stored.sha256, mediaType, alt },
      context: actionContext(c),
    });
    return c.redirect(back(id, 'done=saved'), 303);
  });

  app.post('/:id/image/remove', requireRole('editor'), async (c) => {
    const { id } = await collectionId(c.req.param('id'));
    await setCollectionImage(db, { id, image: null, context: actionContext(c) });
    return c.redirect(back(id, 'done=saved'), 303);
  });

  return app;
}
