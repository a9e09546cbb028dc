import type { Kysely } from 'kysely';
import { AppError } from '../../app/errors.ts';
import type { Database } from '../../database/tables.ts';
import type { ActionContext } from '../accounts/accounts.context.ts';
import { createAuditLog } from '../audit/audit.usecases.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import type { AuthorityRef } from '../documents/documents.schemas.ts';
import { sanitizeDocumentHtml } from '../shared/sanitize-html.ts';
import { slugify } from '../shared/text.ts';
import { createThemesRepository } from './themes.repository.ts';
import type { ThemeRecord } from './themes.schemas.ts';

/** A problem with one field of a theme or reader; the workspace shows it beside the field. */
export class CuratedFieldError extends AppError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('curated.invalid', 422, message);
  }
}

/**
 * Collections named by ID or name, as this database knows them. A theme never creates a collection:
 * a name that matches none is an error, so a typo does not make an empty collection.
 */
export async function resolveCollections(
  db: Kysely<Database>,
  refs: AuthorityRef[],
  idsFromFile?: Map<number, number>,
): Promise<number[]> {
  const authorities = createAuthoritiesRepository({ db });
  const ids: number[] = [];
  for (const [index, ref] of refs.entries()) {
    const mapped = ref.id === undefined ? undefined : (idsFromFile?.get(ref.id) ?? ref.id);
    let id = mapped !== undefined && (await authorities.kindOf(mapped)) === 'collection' ? mapped : undefined;
    id ??= await authorities.findIdByName('collection', ref.name);
    if (id === undefined) {
      throw new CuratedFieldError(
        `collections[${index}]`,
        `There is no collection named “${ref.name.slice(0, 80)}”.`,
      );
    }
    ids.push(id);
  }
  return ids;
}

export type SaveOptions = {
  /** The theme to change (the workspace); without it, a theme with the record's slug is updated (import). */
  id?: number | undefined;
  /** A new record only (the workspace's "new" form): an existing one at the same address is a conflict. */
  createOnly?: boolean;
  context: ActionContext;
  idsFromFile?: Map<number, number> | undefined;
};

/**
 * Creates or changes a theme in one transaction: its collections resolved, its overview sanitised,
 * its events replaced, an audit entry written and the content version bumped so cached pages go.
 */
export async function saveTheme(
  db: Kysely<Database>,
  record: ThemeRecord,
  options: SaveOptions,
): Promise<{ id: number; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const themes = createThemesRepository({ db: trx });
    const slug = record.slug ?? slugify(record.title);
    if (!slug) throw new CuratedFieldError('slug', 'Give an address (slug) made of letters and digits.');
    const existing =
      options.id !== undefined
        ? await themes.findById(options.id)
        : options.createOnly
          ? undefined
          : await themes.findBySlug(slug);
    if (options.id !== undefined && !existing) {
      throw new AppError('themes.not_found', 404, 'There is no such theme.');
    }
    if (await themes.slugTaken(slug, existing?.id)) {
      throw new CuratedFieldError('slug', `Another theme already has the address /themes/${slug}.`);
    }
    const fields = {
      slug,
      title: record.title,
      summary: record.summary,
      overviewHtml: record.overview ? sanitizeDocumentHtml(record.overview) || null : null,
      status: record.status,
      collectionIds: await resolveCollections(trx, record.collections, options.idsFromFile),
      events: record.events,
    };
    let id: number;
    if (existing) {
      id = existing.id;
      await themes.update(id, fields);
    } else id = await themes.create(fields);
    await createAuditLog({ db: trx }).record({
      ...options.context,
      action: existing ? 'theme.edited' : 'theme.created',
      target: { type: 'theme', id, label: record.title },
      details: {
        status: record.status,
        collections: fields.collectionIds.length,
        events: record.events.length,
      },
    });
    await createDocumentsRepository({ db: trx }).bumpContentVersion();
    return { id, created: !existing };
  });
}

export async function deleteTheme(db: Kysely<Database>, id: number, context: ActionContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const themes = createThemesRepository({ db: trx });
    const theme = await themes.findById(id);
    if (!theme) throw new AppError('themes.not_found', 404, 'There is no such theme.');
    await themes.delete(id);
    await createAuditLog({ db: trx }).record({
      ...context,
      action: 'theme.deleted',
      target: { type: 'theme', id, label: theme.title },
    });
    await createDocumentsRepository({ db: trx }).bumpContentVersion();
  });
}
