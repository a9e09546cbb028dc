import type { Kysely } from 'kysely';
import { AppError, notFound } from '../../app/errors.ts';
import type { Database } from '../../database/tables.ts';
import { createDocumentsRepository, type StoredDocument } from './documents.repository.ts';

/**
 * What the public may read. Every public surface goes through these, so the rule lives in one place:
 * only published documents exist for readers, and links to unpublished ones are dropped.
 */
export async function getPublicDocument(
  { db }: { db: Kysely<Database> },
  id: number,
): Promise<StoredDocument> {
  const documents = createDocumentsRepository({ db });
  const document = await documents.findById(id);
  if (document?.status === 'withdrawn') throw new DocumentWithdrawnError(document);
  if (document?.status !== 'published') {
    // Drafts and withdrawn records answer exactly like records that never existed.
    throw notFound('documents.not_found', `There is no published document with record ID ${id}.`);
  }
  const isPublic = (d: { status: string }) => d.status === 'published';
  return {
    ...document,
    related: document.related.filter(isPublic),
    attachments: document.attachments.filter(isPublic),
    attachedTo: document.attachedTo.filter(isPublic),
  };
}

/**
 * A record that was published and then withdrawn answers 410 Gone, with the reason, so a reader
 * following an old citation learns what happened. Pages show `document`'s citation and reason only.
 */
export class DocumentWithdrawnError extends AppError {
  constructor(readonly document: StoredDocument) {
    super(
      'documents.withdrawn',
      410,
      `Record ${document.id} was withdrawn from the archive.${document.withdrawalReason ? ` Reason: ${document.withdrawalReason}` : ''}`,
    );
  }
}

export async function listPublicDocuments(
  { db }: { db: Kysely<Database> },
  { page, perPage }: { page: number; perPage: number },
) {
  const documents = createDocumentsRepository({ db });
  const { total, items } = await documents.listPublished({ limit: perPage, offset: (page - 1) * perPage });
  return { total, page, perPage, items };
}
