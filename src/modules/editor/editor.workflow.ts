import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../app/errors.ts';
import type { DialectName } from '../../database/database.ts';
import type { Database, DocumentStatus } from '../../database/tables.ts';
import type { ActionContext } from '../accounts/accounts.context.ts';
import { roleAtLeast, type UserRole } from '../accounts/roles.ts';
import { createAuditLog } from '../audit/audit.usecases.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import { createJobQueue } from '../jobs/jobs.queue.ts';
import { defineJob } from '../jobs/jobs.types.ts';
import { recordRevision } from '../revisions/revisions.snapshot.ts';
import { syncSearchIndex } from '../search/search.indexer.ts';
import { nowIso } from '../shared/text.ts';

export type WorkflowDeps = { db: Kysely<Database>; dialect: DialectName };

/**
 * The moves of the editorial workflow. Contributors write drafts and send them to review (and may
 * take back their own submission); editors publish, schedule, send back, withdraw and reinstate.
 */
export const workflowActions = {
  submit: { from: ['draft'], to: 'in_review', role: 'contributor', label: 'Submit for review' },
  return: { from: ['in_review', 'scheduled'], to: 'draft', role: 'contributor', label: 'Return to draft' },
  publish: {
    from: ['draft', 'in_review', 'scheduled'],
    to: 'published',
    role: 'editor',
    label: 'Publish now',
  },
  schedule: { from: ['draft', 'in_review', 'scheduled'], to: 'scheduled', role: 'editor', label: 'Schedule' },
  withdraw: { from: ['published'], to: 'withdrawn', role: 'editor', label: 'Withdraw' },
  reinstate: { from: ['withdrawn'], to: 'published', role: 'editor', label: 'Publish again' },
} as const satisfies Record<
  string,
  { from: readonly DocumentStatus[]; to: DocumentStatus; role: UserRole; label: string }
>;

export type WorkflowAction = keyof typeof workflowActions;

export const isWorkflowAction = (value: string): value is WorkflowAction => value in workflowActions;

/** Past tense for audit actions and revision labels. */
const doneVerb: Record<WorkflowAction, string> = {
  submit: 'submitted',
  return: 'returned',
  publish: 'published',
  schedule: 'scheduled',
  withdraw: 'withdrawn',
  reinstate: 'reinstated',
};

/** What someone with this role may do to a document in this status. */
export function allowedActions(role: UserRole, status: DocumentStatus): WorkflowAction[] {
  return (Object.keys(workflowActions) as WorkflowAction[]).filter((action) => {
    const rule = workflowActions[action];
    if (!roleAtLeast(role, rule.role)) return false;
    // A contributor may take back a submission, not cancel an editor's schedule.
    if (action === 'return' && status === 'scheduled' && !roleAtLeast(role, 'editor')) return false;
    return (rule.from as readonly DocumentStatus[]).includes(status);
  });
}

/** Who may change the content of a document in this status: drafts are everyone's, the rest editors'. */
export const mayEdit = (role: UserRole, status: DocumentStatus): boolean =>
  status === 'draft' || status === 'in_review' ? true : roleAtLeast(role, 'editor');

export type TransitionInput = {
  id: number;
  action: WorkflowAction;
  role: UserRole;
  context: ActionContext;
  /** For `schedule`: ISO UTC, in the future. */
  scheduledFor?: string | null | undefined;
  /** For `withdraw`: shown to the public with the notice. */
  reason?: string | null | undefined;
  /** An optional note for the revision ("checked against the original"). */
  note?: string | null | undefined;
  now?: Date;
};

export class WorkflowError extends AppError {
  constructor(
    readonly field: 'scheduledFor' | 'reason' | null,
    message: string,
    status: 409 | 422 = 422,
  ) {
    super(status === 409 ? 'documents.workflow_conflict' : 'documents.workflow_invalid', status, message);
  }
}

/**
 * Moves one document along the workflow in one transaction: the status, the search index, the
 * content version (page caches), a revision and the audit log change together or not at all.
 */
export async function changeStatus(deps: WorkflowDeps, input: TransitionInput): Promise<DocumentStatus> {
  const rule = workflowActions[input.action];
  const now = input.now ?? new Date();
  if (!roleAtLeast(input.role, rule.role)) {
    throw new AppError('auth.forbidden', 403, `${rule.label} needs the editor role.`);
  }
  let scheduledFor: string | null = null;
  if (input.action === 'schedule') {
    if (!input.scheduledFor)
      throw new WorkflowError('scheduledFor', 'Give the date and time of publication.');
    if (new Date(input.scheduledFor).getTime() <= now.getTime()) {
      throw new WorkflowError('scheduledFor', 'The publication time must be in the future.');
    }
    scheduledFor = new Date(input.scheduledFor).toISOString();
  }
  const reason = input.reason?.trim().slice(0, 5000) || null;
  if (input.action === 'withdraw' && !reason) {
    throw new WorkflowError('reason', 'Give the reason readers will see for the withdrawal.');
  }

  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('documents')
      .select(['status', 'title', 'published_at', 'withdrawal_reason'])
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row)
      throw new AppError('documents.not_found', 404, `There is no document with record ID ${input.id}.`);
    if (!allowedActions(input.role, row.status).includes(input.action)) {
      throw new WorkflowError(
        null,
        `“${rule.label}” is not possible for a document that is ${statusWords[row.status]}.`,
        409,
      );
    }
    const stamp = nowIso();
    const publishes = rule.to === 'published';
    const updated = await trx
      .updateTable('documents')
      .set({
        status: rule.to,
        scheduled_for: scheduledFor,
        withdrawal_reason: rule.to === 'withdrawn' ? reason : null,
        published_at: publishes ? (row.published_at ?? stamp) : row.published_at,
        updated_at: stamp,
      })
      // The status is checked again here, so two editors acting at once cannot both move it.
      .where('id', '=', input.id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new WorkflowError(
        null,
        'Someone else changed this document just now. Reload and try again.',
        409,
      );
    }
    await syncSearchIndex({ db: trx, dialect: deps.dialect }, input.id);
    await createDocumentsRepository({ db: trx }).bumpContentVersion();
    if (scheduledFor) await enqueueDuePublication({ db: trx, dialect: deps.dialect }, scheduledFor);
    await recordRevision(trx, input.id, {
      author: input.context.actor,
      action: doneVerb[input.action],
      note: input.note ?? (input.action === 'withdraw' ? reason : null),
    });
    await createAuditLog({ db: trx }).record({
      ...input.context,
      action: `document.${doneVerb[input.action]}`,
      target: { type: 'document', id: input.id, label: row.title },
      details: {
        from: row.status,
        to: rule.to,
        ...(scheduledFor ? { scheduledFor } : {}),
        ...(rule.to === 'withdrawn' && reason ? { reason: reason.slice(0, 300) } : {}),
      },
    });
    return rule.to;
  });
}

export const statusWords: Record<DocumentStatus, string> = {
  draft: 'a draft',
  in_review: 'in review',
  scheduled: 'scheduled',
  published: 'published',
  withdrawn: 'withdrawn',
};

export const statusLabels: Record<DocumentStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  withdrawn: 'Withdrawn',
};

/**
 * Publishes every scheduled document whose time has come. Safe to call from anywhere at any time,
 * from several processes at once: each document is moved by a conditional update, so only one caller
 * publishes it (and writes its revision and audit entry). Returns the IDs this call published.
 */
export async function publishDueDocuments(deps: WorkflowDeps, now: Date = new Date()): Promise<number[]> {
  const due = await deps.db
    .selectFrom('documents')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('scheduled_for', '<=', now.toISOString())
    .orderBy('scheduled_for')
    .limit(500)
    .execute();
  const published: number[] = [];
  for (const { id } of due) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('documents')
        .select(['title', 'scheduled_for', 'published_at'])
        .where('id', '=', id)
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      if (!row?.scheduled_for || row.scheduled_for > now.toISOString()) return false;
      const updated = await trx
        .updateTable('documents')
        .set({
          status: 'published',
          scheduled_for: null,
          // The embargo's end is the publication date, even when the check comes a little later.
          published_at: row.published_at ?? row.scheduled_for,
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return false;
      await syncSearchIndex({ db: trx, dialect: deps.dialect }, id);
      await createDocumentsRepository({ db: trx }).bumpContentVersion();
      await recordRevision(trx, id, {
        author: null,
        action: 'published',
        note: `Scheduled publication (${row.scheduled_for})`,
      });
      await createAuditLog({ db: trx }).record({
        actor: null,
        action: 'document.published',
        target: { type: 'document', id, label: row.title },
        details: { from: 'scheduled', to: 'published', scheduledFor: row.scheduled_for },
      });
      return true;
    });
    if (done) published.push(id);
  }
  return published;
}

/** The earliest pending publication time, or null; one index probe. */
export async function nextScheduledPublication(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.min('scheduled_for').as('next'))
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return (row?.next as string | null | undefined) ?? null;
}

export const publishDueJobName = 'documents.publish_due';

/** Publishes what is due; queued for each scheduled time, so the worker acts on the minute. */
export const publishDueJob = (deps: WorkflowDeps) =>
  defineJob({
    name: publishDueJobName,
    payload: z.object({ at: z.string().optional() }),
    maxAttempts: 10,
    async handler() {
      await publishDueDocuments(deps);
      // Documents scheduled by an import (not through the workspace) have no job of their own: the
      // chain reaches them, and the check on public requests covers any gap.
      const next = await nextScheduledPublication(deps.db);
      if (next) await enqueueDuePublication(deps, next);
    },
  });

/**
 * Publishes due documents before a request is answered, so a reader never sees the site a minute
 * behind its schedule even with no worker running. The check is one index probe; the work runs only
 * when something is due.
 */
export function publishDueOnRequest(deps: WorkflowDeps): MiddlewareHandler {
  return async (c, next) => {
    const skip = /^\/(static|fonts|healthz|admin\/assets)(\/|$)/.test(c.req.path);
    if (!skip) {
      const due = await nextScheduledPublication(deps.db);
      if (due && due <= new Date().toISOString()) await publishDueDocuments(deps);
    }
    await next();
  };
}

export async function enqueueDuePublication(deps: WorkflowDeps, at: string): Promise<void> {
  await createJobQueue(deps).enqueue(
    publishDueJob(deps),
    { at },
    { runAt: new Date(at), dedupeKey: `${publishDueJobName}:${at}` },
  );
}
