import type { Kysely } from 'kysely';
import type { DialectName } from '../../database/database.ts';
import type { Database } from '../../database/tables.ts';
import type { ActionContext } from '../accounts/accounts.context.ts';
import { createAuditLog } from '../audit/audit.usecases.ts';
import { createDocumentsRepository, type StoredDocument } from '../documents/documents.repository.ts';
import { RecordFieldError, saveDocument } from '../documents/documents.usecases.ts';
import { changedFieldNames } from '../revisions/revisions.diff.ts';
import { snapshotOf } from '../revisions/revisions.snapshot.ts';
import type { EditorForm } from './editor.form.ts';
import { describeField, type FieldError, fieldOfRecordError, recordFromForm } from './editor.record.ts';
import { createEditorRepository } from './editor.repository.ts';

export type EditorDeps = { db: Kysely<Database>; dialect: DialectName };

export type SaveOutcome =
  | { ok: true; id: number; created: boolean }
  | { ok: false; status: 409 | 422; errors: FieldError[]; latestRevision?: number };

/**
 * Saves the editor's form: a new draft, or the content of an existing document (its status stays:
 * status moves go through the workflow). Everything goes through saveDocument, so the search index,
 * the content version and the revision follow; the audit entry is written in the same transaction.
 * When someone else saved the document since the form was opened, nothing is saved and the person is
 * told, with their own input kept.
 */
export async function saveEditorForm(
  deps: EditorDeps,
  input: { current: StoredDocument | undefined; form: EditorForm; context: ActionContext },
): Promise<SaveOutcome> {
  const { current, form, context } = input;
  if (current) {
    const latest = await createEditorRepository({ db: deps.db }).latestRevision(current.id);
    if (Number(form.baseRevision) < latest) {
      return {
        ok: false,
        status: 409,
        latestRevision: latest,
        errors: [
          {
            field: 'title',
            message:
              'Someone else saved this document after you opened it. Nothing was saved: your changes are still in the form. ' +
              `Compare with revision ${latest} (under Revisions), then save again to keep yours.`,
          },
        ],
      };
    }
  }
  const built = recordFromForm(form, current);
  if (!built.ok) return { ok: false, status: 422, errors: built.errors };
  const before = current ? snapshotOf(current) : undefined;
  try {
    const result = await saveDocument(deps, built.record, built.assets, {
      missingLinks: 'error',
      target: current ? current.id : 'new',
      revision: {
        author: context.actor,
        action: current ? 'edited' : 'created',
        note: form.note.trim() || null,
      },
      onSaved: async (trx, saved) => {
        const after = await createDocumentsRepository({ db: trx }).findById(saved.id);
        const changed = before && after ? changedFieldNames(before, snapshotOf(after)) : [];
        await createAuditLog({ db: trx }).record({
          ...context,
          action: saved.created ? 'document.created' : 'document.edited',
          target: { type: 'document', id: saved.id, label: built.record.title },
          details: saved.created ? { status: built.record.status } : { fields: changed.slice(0, 40) },
        });
      },
    });
    return { ok: true, id: result.id, created: result.created };
  } catch (error) {
    if (!(error instanceof RecordFieldError)) throw error;
    const field = fieldOfRecordError(error.field, built.rows);
    const message = error.message.replace(/^[^:]*: /, '');
    return { ok: false, status: 422, errors: [{ field, message: describeField(field, message) }] };
  }
}
