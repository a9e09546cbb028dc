import type { Kysely } from 'kysely';
import { AppError } from '../../app/errors.ts';
import type { DialectName } from '../../database/database.ts';
import type { Database } from '../../database/tables.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import type { ActionContext } from '../accounts/accounts.context.ts';
import { createAuditLog } from '../audit/audit.usecases.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { createRevisionsRepository } from './revisions.repository.ts';
import { assetsFromSnapshot, parseSnapshot, recordFromSnapshot } from './revisions.snapshot.ts';

export type RestoreOutcome = {
  /** The revision the restore wrote. */
  number: number;
  /** Files of the old revision no longer in the store, and links to documents that are gone. */
  missingFiles: string[];
  missingLinks: number;
};

/**
 * Brings back the content of an earlier revision as a new revision: history is never rewritten. The
 * document keeps its current status, schedule and withdrawal reason (publishing is the workflow's
 * business); everything else is as it was in that revision, files included while they are stored.
 */
export async function restoreRevision(
  deps: { db: Kysely<Database>; dialect: DialectName; storage: Pick<BlobStore, 'size'> },
  input: { documentId: number; number: number; context: ActionContext },
): Promise<RestoreOutcome> {
  const revision = await createRevisionsRepository({ db: deps.db }).find(input.documentId, input.number);
  const current = await createDocumentsRepository({ db: deps.db }).findById(input.documentId);
  if (!revision || !current) {
    throw new AppError(
      'revisions.not_found',
      404,
      `Document ${input.documentId} has no revision ${input.number}.`,
    );
  }
  const snapshot = parseSnapshot(revision.snapshot);
  const record = recordFromSnapshot({
    ...snapshot,
    status: current.status,
    scheduledFor: current.scheduledFor,
    withdrawalReason: current.withdrawalReason,
    publishedAt: current.publishedAt,
    createdAt: current.createdAt,
  });
  const { assets, missing } = await assetsFromSnapshot(deps.storage, snapshot);
  let written = 0;
  const result = await saveDocument(deps, record, assets, {
    missingLinks: 'defer',
    target: current.id,
    revision: { author: input.context.actor, action: 'restored', note: `Restored revision ${input.number}` },
    onSaved: async (trx) => {
      written = await createRevisionsRepository({ db: trx }).nextNumber(current.id);
      await createAuditLog({ db: trx }).record({
        ...input.context,
        action: 'document.restored',
        target: { type: 'document', id: current.id, label: record.title },
        details: { revision: input.number, ...(missing.length > 0 ? { missingFiles: missing.length } : {}) },
      });
    },
  });
  return { number: written - 1, missingFiles: missing, missingLinks: result.deferredLinks.length };
}
