import type { Kysely, Selectable } from 'kysely';
import type { DialectName } from '../../database/database.ts';
import type { Database, JobsTable } from '../../database/tables.ts';

export type JobRow = Selectable<JobsTable>;

export type NewJob = {
  name: string;
  payload: string;
  priority: number;
  maxAttempts: number;
  runAt: string;
  dedupeKey: string | null;
};

/** What the queue holds for a set of job names, for deciding how long to wait. */
export type QueueOutlook = {
  pending: number;
  running: number;
  /** Earliest moment a waiting job becomes due, or a running job's lease lapses. */
  nextChangeAt: string | null;
};

export type JobsRepository = ReturnType<typeof createJobsRepository>;

/** SQL of the job queue; every state change is one statement, guarded by the worker's lock. */
export function createJobsRepository({ db, dialect }: { db: Kysely<Database>; dialect: DialectName }) {
  const owned = (id: number, workerId: string) =>
    db
      .updateTable('jobs')
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running');

  return {
    /** Inserts a job, or returns the waiting job with the same dedupe key. */
    async insert(job: NewJob, now: string): Promise<{ id: number; created: boolean }> {
      const inserted = await db
        .insertInto('jobs')
        .values({
          name: job.name,
          payload: job.payload,
          status: 'pending',
          priority: job.priority,
          max_attempts: job.maxAttempts,
          run_at: job.runAt,
          dedupe_key: job.dedupeKey,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return { id: inserted.id, created: true };
      const waiting = await db
        .selectFrom('jobs')
        .select('id')
        .where('dedupe_key', '=', job.dedupeKey)
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      return { id: waiting.id, created: false };
    },

    /**
     * Takes the next due job (or one whose worker's lease lapsed) and leases it to `workerId`, in one
     * statement. PostgreSQL skips rows other workers are claiming at that instant; SQLite serialises
     * writers, so its single UPDATE ... RETURNING is atomic by itself.
     */
    async claim(
      names: readonly string[],
      workerId: string,
      now: string,
      leaseUntil: string,
    ): Promise<JobRow | undefined> {
      if (names.length === 0) return undefined;
      let next = db
        .selectFrom('jobs')
        .select('id')
        .where('name', 'in', [...names])
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
            eb.and([eb('status', '=', 'running'), eb('lease_until', '<', now)]),
          ]),
        )
        .orderBy('priority', 'desc')
        .orderBy('run_at')
        .orderBy('id')
        .limit(1);
      if (dialect === 'postgres') next = next.forUpdate().skipLocked();
      return db
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          attempts: eb('attempts', '+', 1),
          locked_by: workerId,
          lease_until: leaseUntil,
          progress: null,
          updated_at: now,
        }))
        .where('id', '=', next)
        .returningAll()
        .executeTakeFirst();
    },

    /** Extends the lease; false when the job is no longer this worker's (its lease lapsed and was taken). */
    async renewLease(
      id: number,
      workerId: string,
      leaseUntil: string,
      progress: string | null,
      now: string,
    ): Promise<boolean> {
      const result = await owned(id, workerId)
        .set({ lease_until: leaseUntil, progress, updated_at: now })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async complete(id: number, workerId: string, now: string): Promise<boolean> {
      const result = await owned(id, workerId)
        .set({
          status: 'done',
          lease_until: null,
          locked_by: null,
          last_error: null,
          finished_at: now,
          updated_at: now,
        })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async fail(id: number, workerId: string, error: string, now: string): Promise<boolean> {
      const result = await owned(id, workerId)
        .set({
          status: 'failed',
          lease_until: null,
          locked_by: null,
          last_error: error,
          finished_at: now,
          updated_at: now,
        })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /**
     * Puts a running job back in the queue, due at `runAt`. When an identical job was queued meanwhile
     * (same dedupe key), that one will do the work and this one is cancelled instead.
     * `refundAttempt` is for interruptions (shutdown) that should not count against the job.
     */
    async requeue(
      id: number,
      workerId: string,
      {
        runAt,
        error,
        refundAttempt,
        now,
      }: { runAt: string; error: string | null; refundAttempt: boolean; now: string },
    ): Promise<'requeued' | 'superseded' | 'lost'> {
      const result = await owned(id, workerId)
        .set((eb) => ({
          status: 'pending',
          run_at: runAt,
          attempts: refundAttempt ? eb('attempts', '-', 1) : eb.ref('attempts'),
          lease_until: null,
          locked_by: null,
          last_error: error,
          updated_at: now,
        }))
        .where((eb) =>
          eb.or([
            eb('dedupe_key', 'is', null),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('jobs as twin')
                  .select('twin.id')
                  .whereRef('twin.dedupe_key', '=', 'jobs.dedupe_key')
                  .where('twin.status', '=', 'pending'),
              ),
            ),
          ]),
        )
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) > 0) return 'requeued';
      const cancelled = await owned(id, workerId)
        .set({
          status: 'cancelled',
          lease_until: null,
          locked_by: null,
          last_error: error
            ? `${error} (superseded by a newer identical job)`
            : 'superseded by a newer identical job',
          finished_at: now,
          updated_at: now,
        })
        .executeTakeFirst();
      return Number(cancelled.numUpdatedRows) > 0 ? 'superseded' : 'lost';
    },

    async findById(id: number): Promise<JobRow | undefined> {
      return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async outlook(names: readonly string[]): Promise<QueueOutlook> {
      if (names.length === 0) return { pending: 0, running: 0, nextChangeAt: null };
      const rows = await db
        .selectFrom('jobs')
        .select((eb) => [
          'status',
          eb.fn.countAll<number>().as('count'),
          eb.fn.min('run_at').as('next_run_at'),
          eb.fn.min('lease_until').as('next_lease_end'),
        ])
        .where('name', 'in', [...names])
        .where('status', 'in', ['pending', 'running'])
        .groupBy('status')
        .execute();
      const pending = rows.find((r) => r.status === 'pending');
      const running = rows.find((r) => r.status === 'running');
      const moments = [pending?.next_run_at, running?.next_lease_end].filter(
        (m): m is string => typeof m === 'string',
      );
      return {
        pending: Number(pending?.count ?? 0),
        running: Number(running?.count ?? 0),
        nextChangeAt: moments.length > 0 ? moments.sort()[0]! : null,
      };
    },

    /** Jobs per status, for operators. */
    async countByStatus(): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('jobs')
        .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
    },

    /** The most recent jobs with a given status, newest first, for operators. */
    async recent(status: JobRow['status'], limit: number): Promise<JobRow[]> {
      return db
        .selectFrom('jobs')
        .selectAll()
        .where('status', '=', status)
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    /**
     * Gives failed jobs a fresh set of attempts (after the operator fixed the cause: installed OCR
     * data, freed disk space). A failed job whose twin already waits is left as it is.
     */
    async retryFailed(now: string): Promise<number> {
      const result = await db
        .updateTable('jobs')
        .set({ status: 'pending', attempts: 0, run_at: now, finished_at: null, updated_at: now })
        .where('status', '=', 'failed')
        .where((eb) =>
          eb.or([
            eb('dedupe_key', 'is', null),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('jobs as twin')
                  .select('twin.id')
                  .whereRef('twin.dedupe_key', '=', 'jobs.dedupe_key')
                  .where('twin.status', '=', 'pending'),
              ),
            ),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Forgets finished jobs older than `before`; failed ones stay for an operator to read. */
    async purgeFinished(before: string): Promise<number> {
      const result = await db
        .deleteFrom('jobs')
        .where('status', 'in', ['done', 'cancelled'])
        .where('finished_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
