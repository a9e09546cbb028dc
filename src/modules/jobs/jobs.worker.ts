import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Logger } from '../../app/logger.ts';
import type { DialectName } from '../../database/database.ts';
import type { Database } from '../../database/tables.ts';
import { createJobsRepository, type JobRow } from './jobs.repository.ts';
import { JobAbortedError, type JobContext, type JobDefinition, PermanentJobError } from './jobs.types.ts';

export type WorkerOptions = {
  db: Kysely<Database>;
  dialect: DialectName;
  definitions: readonly JobDefinition[];
  logger: Logger;
  /** How long a claimed job stays ours without a heartbeat; heartbeats come every third of it. */
  leaseMs?: number;
  /** How often an idle worker looks for new jobs. */
  pollMs?: number;
  /** First retry delay; each further retry waits twice as long, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Jobs run side by side (each in its own loop). */
  concurrency?: number;
  /** Finished jobs are forgotten after this long. */
  keepFinishedMs?: number;
  workerId?: string;
  now?: () => Date;
};

export type WorkerSummary = { succeeded: number; failed: number; retried: number };

const hour = 3_600_000;

/**
 * Runs queued jobs. `runUntilIdle` drains the queue and returns (scripts, tests); `start` keeps
 * polling until `stop`, which interrupts running jobs and hands them back to the queue.
 */
export function createJobWorker(options: WorkerOptions) {
  const {
    db,
    dialect,
    logger,
    leaseMs = 60_000,
    pollMs = 1_000,
    backoffMs = 10_000,
    maxBackoffMs = hour,
    concurrency = 1,
    keepFinishedMs = 7 * 24 * hour,
    now = () => new Date(),
  } = options;
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const repository = createJobsRepository({ db, dialect });
  const definitions = new Map(options.definitions.map((d) => [d.name, d]));
  const names = [...definitions.keys()];
  const stopController = new AbortController();
  const summary: WorkerSummary = { succeeded: 0, failed: 0, retried: 0 };
  const sleepers = new Set<() => void>();
  let loops: Promise<void>[] = [];
  let lastPurge = 0;

  const iso = (offsetMs = 0) => new Date(now().getTime() + offsetMs).toISOString();

  /** Sleeps, but wakes early on `nudge` or `stop`. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        stopController.signal.removeEventListener('abort', done);
        sleepers.delete(done);
        resolve();
      }
      sleepers.add(done);
      stopController.signal.addEventListener('abort', done, { once: true });
    });

  const retryDelay = (attempt: number) =>
    Math.min(backoffMs * 2 ** Math.max(0, attempt - 1), maxBackoffMs) * (0.8 + Math.random() * 0.4);

  async function fail(row: JobRow, message: string) {
    if (!(await repository.fail(row.id, workerId, message, iso()))) return;
    summary.failed++;
    logger.error('job failed', { job: row.id, name: row.name, attempt: row.attempts, error: message });
    const definition = definitions.get(row.name);
    if (!definition?.onFailure) return;
    try {
      const parsed = definition.payload.safeParse(JSON.parse(row.payload));
      if (parsed.success) await definition.onFailure(parsed.data, message);
    } catch (error) {
      logger.error('job failure hook failed', { job: row.id, error: (error as Error).message });
    }
  }

  async function run(row: JobRow): Promise<void> {
    const definition = definitions.get(row.name);
    if (!definition) return fail(row, `no handler for job "${row.name}"`);
    if (row.attempts > row.max_attempts) {
      return fail(
        row,
        `gave up after ${row.max_attempts} attempts; the last one stopped without finishing (${row.last_error ?? 'its worker died'})`,
      );
    }
    let payload: unknown;
    try {
      payload = definition.payload.parse(JSON.parse(row.payload));
    } catch (error) {
      return fail(row, `invalid payload: ${(error as Error).message}`);
    }

    const controller = new AbortController();
    const onStop = () => controller.abort();
    stopController.signal.addEventListener('abort', onStop, { once: true });
    let progress: string | null = null;
    let leaseLost = false;
    let beat = Promise.resolve();
    // A handler stuck for good (a hostile file that sends a parser round in circles) keeps renewing
    // its lease through the heartbeat; only its silence can tell. It is then given up as failed.
    let lastProgressAt = Date.now();
    let declareStalled: (error: Error) => void = () => {};
    const stalled = new Promise<never>((_, reject) => {
      declareStalled = reject;
    });
    stalled.catch(() => {});
    const heartbeat = setInterval(
      () => {
        const stallMs = definition.stallTimeoutMs;
        if (stallMs && Date.now() - lastProgressAt > stallMs) {
          declareStalled(new Error(`no progress for ${Math.round(stallMs / 1000)} s; the job was stopped`));
          controller.abort();
        }
        beat = beat.then(async () => {
          try {
            if (!(await repository.renewLease(row.id, workerId, iso(leaseMs), progress, iso()))) {
              leaseLost = true;
              controller.abort();
            }
          } catch (error) {
            logger.warn('job heartbeat failed', { job: row.id, error: (error as Error).message });
          }
        });
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    const context: JobContext = {
      jobId: row.id,
      attempt: row.attempts,
      isLastAttempt: row.attempts >= row.max_attempts,
      signal: controller.signal,
      reportProgress: (text) => {
        progress = text.slice(0, 200);
        lastProgressAt = Date.now();
      },
    };

    const started = Date.now();
    try {
      const handled = definition.handler(payload, context);
      handled.catch(() => {}); // a stalled handler may still fail later, unobserved
      await Promise.race([handled, stalled]);
      clearInterval(heartbeat);
      await beat;
      if (await repository.complete(row.id, workerId, iso())) {
        summary.succeeded++;
        logger.info('job done', { job: row.id, name: row.name, ms: Date.now() - started });
      } else {
        logger.warn('job finished after its lease was taken by another worker', { job: row.id });
      }
    } catch (error) {
      clearInterval(heartbeat);
      await beat;
      const message = error instanceof Error ? error.message : String(error);
      if (leaseLost) {
        logger.warn('job lease lost; another worker has it now', { job: row.id, name: row.name });
      } else if (
        (error instanceof JobAbortedError || stopController.signal.aborted) &&
        !(Date.now() - lastProgressAt > (definition.stallTimeoutMs ?? Number.POSITIVE_INFINITY))
      ) {
        await repository.requeue(row.id, workerId, {
          runAt: iso(),
          error: null,
          refundAttempt: true,
          now: iso(),
        });
        logger.info('job interrupted and returned to the queue', { job: row.id, name: row.name });
      } else if (error instanceof PermanentJobError || row.attempts >= row.max_attempts) {
        await fail(row, message);
      } else {
        const delay = retryDelay(row.attempts);
        await repository.requeue(row.id, workerId, {
          runAt: iso(delay),
          error: message,
          refundAttempt: false,
          now: iso(),
        });
        summary.retried++;
        logger.warn('job failed; will retry', {
          job: row.id,
          name: row.name,
          attempt: row.attempts,
          retryInMs: Math.round(delay),
          error: message,
        });
      }
    } finally {
      stopController.signal.removeEventListener('abort', onStop);
    }
  }

  async function purgeNow() {
    if (Date.now() - lastPurge < hour) return;
    lastPurge = Date.now();
    const purged = await repository.purgeFinished(iso(-keepFinishedMs));
    if (purged > 0) logger.info('forgot finished jobs', { count: purged });
  }

  async function loop(untilIdle: boolean): Promise<void> {
    while (!stopController.signal.aborted) {
      try {
        const row = await repository.claim(names, workerId, iso(), iso(leaseMs));
        if (row) {
          await run(row);
          continue;
        }
        await purgeNow();
        if (untilIdle) {
          const outlook = await repository.outlook(names);
          if (outlook.pending === 0 && outlook.running === 0) return;
          // Wait for the next retry to fall due or for a dead worker's lease to lapse.
          const until = outlook.nextChangeAt ? Date.parse(outlook.nextChangeAt) - now().getTime() : pollMs;
          await pause(Math.min(Math.max(until + 5, 5), pollMs));
        } else {
          await pause(pollMs);
        }
      } catch (error) {
        // The database may be briefly unavailable (restart, lock): keep the worker alive and retry.
        logger.error('job worker error', { error: (error as Error).stack ?? String(error) });
        await pause(pollMs);
      }
    }
  }

  return {
    workerId,
    /** Processes every job it can run until none is waiting or running, then resolves. */
    async runUntilIdle(): Promise<WorkerSummary> {
      await Promise.all(Array.from({ length: concurrency }, () => loop(true)));
      return { ...summary };
    },
    start(): void {
      if (loops.length > 0) return;
      loops = Array.from({ length: concurrency }, () => loop(false));
      logger.info('job worker started', { worker: workerId, jobs: names, concurrency });
    },
    /** Looks for work now instead of at the next poll (after this process queued a job). */
    nudge(): void {
      for (const wake of [...sleepers]) wake();
    },
    async stop(): Promise<void> {
      stopController.abort();
      await Promise.all(loops);
      loops = [];
    },
    summary: () => ({ ...summary }),
  };
}

export type JobWorker = ReturnType<typeof createJobWorker>;
