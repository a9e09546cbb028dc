import { AppError } from '../../app/errors.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import type { ActionContext } from '../accounts/accounts.context.ts';
import type { UserRole } from '../accounts/roles.ts';
import { createAuditLog } from '../audit/audit.usecases.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { assetsFromSnapshot, recordFromSnapshot, snapshotOf } from '../revisions/revisions.snapshot.ts';
import type { EditorDeps } from './editor.usecases.ts';
import { changeStatus, mayEdit, type WorkflowAction } from './editor.workflow.ts';

export const bulkActions = {
  submit: 'Submit for review',
  publish: 'Publish now',
  collection: 'Add to a collection',
} as const;
export type BulkAction = keyof typeof bulkActions;

export type BulkResult = { id: number; title: string | null; ok: boolean; message: string };

/** More than a page of a list at once is not a selection anyone made on purpose. */
export const maxBulkItems = 500;

/**
 * Applies one action to many documents, each on its own (one transaction per document): one that
 * cannot take the action (wrong status, not allowed, gone) is reported and the others go ahead.
 */
export async function runBulkAction(
  deps: EditorDeps & { storage: BlobStore },
  input: {
    ids: number[];
    action: BulkAction;
    collectionId?: number | undefined;
    role: UserRole;
    context: ActionContext;
  },
): Promise<BulkResult[]> {
  const documents = createDocumentsRepository({ db: deps.db });
  const collection =
    input.action === 'collection' && input.collectionId !== undefined
      ? await createAuthoritiesRepository({ db: deps.db }).findById(input.collectionId)
      : undefined;
  if (input.action === 'collection' && collection?.kind !== 'collection') {
    throw new AppError('documents.bulk_invalid', 422, 'Choose the collection to add the documents to.');
  }
  const results: BulkResult[] = [];
  for (const id of [...new Set(input.ids)].slice(0, maxBulkItems)) {
    const document = await documents.findById(id);
    if (!document) {
      results.push({ id, title: null, ok: false, message: 'There is no such document.' });
      continue;
    }
    const result = { id, title: document.title };
    try {
      if (input.action === 'collection') {
        if (!mayEdit(input.role, document.status)) {
          results.push({ ...result, ok: false, message: 'Only editors change a document in this status.' });
          continue;
        }
        if (document.collections.some((c) => c.id === collection!.id)) {
          results.push({ ...result, ok: true, message: 'Already in the collection.' });
          continue;
        }
        const snapshot = snapshotOf(document);
        const record = recordFromSnapshot(snapshot);
        record.collections.push({
          id: collection!.id,
          name: collection!.name,
          variants: [],
          note: null,
          dates: null,
        });
        const { assets } = await assetsFromSnapshot(deps.storage, snapshot);
        await saveDocument(deps, record, assets, {
          missingLinks: 'defer',
          target: id,
          revision: {
            author: input.context.actor,
            action: 'edited',
            note: `Added to the collection ${collection!.name}`,
          },
          onSaved: async (trx) => {
            await createAuditLog({ db: trx }).record({
              ...input.context,
              action: 'document.edited',
              target: { type: 'document', id, label: document.title },
              details: { fields: ['collections'], collection: collection!.name, bulk: true },
            });
          },
        });
        results.push({ ...result, ok: true, message: `Added to ${collection!.name}.` });
      } else {
        const action: WorkflowAction = input.action;
        const status = await changeStatus(deps, { id, action, role: input.role, context: input.context });
        results.push({
          ...result,
          ok: true,
          message: status === 'published' ? 'Published.' : 'Submitted for review.',
        });
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ ...result, ok: false, message: error.message });
    }
  }
  return results;
}
