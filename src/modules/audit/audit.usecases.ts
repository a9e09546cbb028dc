import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';
import { nowIso } from '../shared/text.ts';

/** Who did something: a signed-in person, or a named non-person (`cli`, `system`). */
export type AuditActor = { id: number | null; label: string };

/** Where a request came from, as far as the server can tell. */
export type RequestOrigin = { ip: string | null; userAgent: string | null };

export type AuditTarget = {
  /** `user`, `session`, `document`, `authority`, `collection`, ... */
  type: string;
  id: string | number;
  /** A human-readable name at the time (a title, an e-mail), so the log reads well later. */
  label?: string | null | undefined;
};

export type AuditEvent = {
  actor: AuditActor | null;
  /** Dotted and stable, `<area>.<verb>`: `auth.login`, `user.role_changed`, `document.published`. */
  action: string;
  target?: AuditTarget | null | undefined;
  /** What changed, small and flat (`{ from: 'draft', to: 'published' }`); never secrets. */
  details?: Record<string, unknown> | null | undefined;
  ip?: string | null | undefined;
  userAgent?: string | null | undefined;
};

const systemActor: AuditActor = { id: null, label: 'system' };

/** Longest stored user agent and label: enough to tell browsers apart, not a storage sink. */
const maxText = 400;
const clip = (value: string | null | undefined): string | null =>
  value == null ? null : value.length > maxText ? `${value.slice(0, maxText)}…` : value;

/**
 * The audit log's one way in. Pass the caller's transaction as `db`, so the event is written
 * together with the change it describes or not at all:
 *
 *     await db.transaction().execute(async (trx) => {
 *       await documents(trx).publish(id);
 *       await createAuditLog({ db: trx }).record({ ...auditContext(c), action: 'document.published',
 *         target: { type: 'document', id, label: title } });
 *     });
 */
export function createAuditLog({ db }: { db: Kysely<Database> }) {
  return {
    async record(event: AuditEvent): Promise<void> {
      const actor = event.actor ?? systemActor;
      await db
        .insertInto('audit_events')
        .values({
          occurred_at: nowIso(),
          actor_id: actor.id,
          actor_label: clip(actor.label) ?? 'system',
          action: event.action,
          target_type: event.target?.type ?? null,
          target_id: event.target ? String(event.target.id) : null,
          target_label: clip(event.target?.label ?? null),
          details:
            event.details && Object.keys(event.details).length > 0 ? JSON.stringify(event.details) : null,
          ip: clip(event.ip ?? null),
          user_agent: clip(event.userAgent ?? null),
        })
        .execute();
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
