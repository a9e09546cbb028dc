import type { Kysely, Selectable } from 'kysely';
import type { AuditEventsTable, Database } from '../../database/tables.ts';
import type { AuditFilter } from './audit.schemas.ts';

export type AuditEventRow = Selectable<AuditEventsTable>;

/** The day after an ISO day, for an inclusive "to" date compared with full timestamps. */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

/** Reading the audit log; writing goes through `createAuditLog`. */
export function createAuditRepository({ db }: { db: Kysely<Database> }) {
  const filtered = (filter: AuditFilter) => {
    let query = db.selectFrom('audit_events');
    if (filter.actor !== undefined) query = query.where('actor_id', '=', filter.actor);
    if (filter.action !== undefined) {
      // "user" selects every user.* action; "user.created" exactly that one.
      query = filter.action.includes('.')
        ? query.where('action', '=', filter.action)
        : query.where('action', 'like', `${filter.action.replace(/[%_\\]/g, '')}.%`);
    }
    if (filter.targetType !== undefined) query = query.where('target_type', '=', filter.targetType);
    if (filter.targetId !== undefined) query = query.where('target_id', '=', filter.targetId);
    if (filter.from !== undefined) query = query.where('occurred_at', '>=', `${filter.from}T00:00:00.000Z`);
    if (filter.to !== undefined) query = query.where('occurred_at', '<', dayAfter(filter.to));
    return query;
  };

  return {
    async list(filter: AuditFilter, limit: number): Promise<{ total: number; events: AuditEventRow[] }> {
      const counted = await filtered(filter)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      const events = await filtered(filter)
        .selectAll()
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset((filter.page - 1) * limit)
        .execute();
      return { total: Number(counted.count), events };
    },

    /** The choices of the filter form: actions and target types that occur, people who acted. */
    async facets() {
      const [actions, targetTypes, actors] = await Promise.all([
        db.selectFrom('audit_events').select('action').distinct().orderBy('action').execute(),
        db
          .selectFrom('audit_events')
          .select('target_type')
          .distinct()
          .where('target_type', 'is not', null)
          .orderBy('target_type')
          .execute(),
        db.selectFrom('users').select(['id', 'email']).orderBy('email').execute(),
      ]);
      return {
        actions: actions.map((row) => row.action),
        targetTypes: targetTypes.map((row) => row.target_type).filter((t): t is string => t !== null),
        actors: actors,
      };
    },
  };
}
