import type { Kysely } from 'kysely';
import { AppError } from '../../app/errors.ts';
import type { Database } from '../../database/tables.ts';
import type { ActionContext } from '../accounts/accounts.context.ts';
import { createAuditLog } from '../audit/audit.usecases.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import type { DocumentRef } from '../documents/documents.schemas.ts';
import { sanitizeDocumentHtml } from '../shared/sanitize-html.ts';
import { slugify } from '../shared/text.ts';
import { CuratedFieldError, type SaveOptions } from '../themes/themes.usecases.ts';
import { createReadersRepository } from './readers.repository.ts';
import type { ReaderRecord } from './readers.schemas.ts';

/**
 * Documents named by external ID or record ID. A reader may hold a draft (it shows once published);
 * a reference to no document at all is an error, never a silent gap in a teaching sequence.
 */
async function resolveDocuments(
  db: Kysely<Database>,
  refs: DocumentRef[],
  documentIds?: Map<number, number>,
): Promise<number[]> {
  const ids: number[] = [];
  for (const [index, ref] of refs.entries()) {
    let id: number | undefined;
    if ('externalId' in ref && ref.externalId) {
      const row = await db
        .selectFrom('documents')
        .select('id')
        .where('external_id', '=', ref.externalId)
        .executeTakeFirst();
      id = row?.id;
    }
    if (id === undefined && ref.id !== undefined) {
      const candidate = documentIds?.get(ref.id) ?? ref.id;
      const row = await db
        .selectFrom('documents')
        .select('id')
        .where('id', '=', candidate)
        .executeTakeFirst();
      id = row?.id;
    }
    if (id === undefined) {
      const named =
        'externalId' in ref && ref.externalId ? `external ID “${ref.externalId}”` : `record ${ref.id}`;
      throw new CuratedFieldError(`items[${index}].document`, `There is no document with ${named}.`);
    }
    ids.push(id);
  }
  return ids;
}

/** Creates or changes a reader in one transaction, with an audit entry; cached pages go stale. */
export async function saveReader(
  db: Kysely<Database>,
  record: ReaderRecord,
  options: SaveOptions & { documentIds?: Map<number, number> | undefined },
): Promise<{ id: number; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const readers = createReadersRepository({ db: trx });
    const slug = record.slug ?? slugify(record.title);
    if (!slug) throw new CuratedFieldError('slug', 'Give an address (slug) made of letters and digits.');
    const existing =
      options.id !== undefined
        ? await readers.findById(options.id)
        : options.createOnly
          ? undefined
          : await readers.findBySlug(slug);
    if (options.id !== undefined && !existing) {
      throw new AppError('readers.not_found', 404, 'There is no such reader.');
    }
    if (await readers.slugTaken(slug, existing?.id)) {
      throw new CuratedFieldError('slug', `Another reader already has the address /readers/${slug}.`);
    }
    const documentIds = await resolveDocuments(
      trx,
      record.items.map((i) => i.document),
      options.documentIds,
    );
    const fields = {
      slug,
      title: record.title,
      compiler: record.compiler,
      introductionHtml: record.introduction ? sanitizeDocumentHtml(record.introduction) || null : null,
      status: record.status,
      items: record.items.map((item, index) => ({ documentId: documentIds[index]!, note: item.note })),
    };
    let id: number;
    if (existing) {
      id = existing.id;
      await readers.update(id, fields);
    } else id = await readers.create(fields);
    await createAuditLog({ db: trx }).record({
      ...options.context,
      action: existing ? 'reader.edited' : 'reader.created',
      target: { type: 'reader', id, label: record.title },
      details: { status: record.status, documents: fields.items.length },
    });
    await createDocumentsRepository({ db: trx }).bumpContentVersion();
    return { id, created: !existing };
  });
}

export async function deleteReader(db: Kysely<Database>, id: number, context: ActionContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const readers = createReadersRepository({ db: trx });
    const reader = await readers.findById(id);
    if (!reader) throw new AppError('readers.not_found', 404, 'There is no such reader.');
    await readers.delete(id);
    await createAuditLog({ db: trx }).record({
      ...context,
      action: 'reader.deleted',
      target: { type: 'reader', id, label: reader.title },
    });
    await createDocumentsRepository({ db: trx }).bumpContentVersion();
  });
}
