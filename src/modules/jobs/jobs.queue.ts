import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DialectName } from '../../database/database.ts';
import type { Database } from '../../database/tables.ts';
import { createJobsRepository } from './jobs.repository.ts';
import type { JobDefinition } from './jobs.types.ts';

export type EnqueueOptions = {
  /** Queue this job at most once while it waits (e.g. `scan:<sha256>`). */
  dedupeKey?: string;
  /** Higher runs first; interactive work (an editor's re-OCR) above bulk imports. */
  priority?: number;
  /** Not before this time. */
  runAt?: Date;
};

export const defaultMaxAttempts = 5;

/**
 * Puts jobs in the queue. Built on any Kysely handle, so a usecase can enqueue inside its own
 * transaction: the job exists exactly when the change that needs it was committed.
 */
export function createJobQueue({
  db,
  dialect,
  now = () => new Date(),
}: {
  db: Kysely<Database>;
  dialect: DialectName;
  now?: () => Date;
}) {
  const jobs = createJobsRepository({ db, dialect });
  return {
    async enqueue<Schema extends z.ZodType>(
      definition: JobDefinition<Schema>,
      payload: z.input<Schema>,
      options: EnqueueOptions = {},
    ): Promise<{ id: number; created: boolean }> {
      // Validated here too, so a bad payload fails where it was made, not later in a worker.
      const valid = definition.payload.parse(payload);
      const at = now();
      return jobs.insert(
        {
          name: definition.name,
          payload: JSON.stringify(valid),
          priority: options.priority ?? 0,
          maxAttempts: definition.maxAttempts ?? defaultMaxAttempts,
          runAt: (options.runAt ?? at).toISOString(),
          dedupeKey: options.dedupeKey ?? null,
        },
        at.toISOString(),
      );
    },
    countByStatus: () => jobs.countByStatus(),
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
