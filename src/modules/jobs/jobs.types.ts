import type { z } from 'zod';

/** What a running job may tell and ask the worker. */
export type JobContext = {
  jobId: number;
  /** 1 on the first run, 2 on the first retry... */
  attempt: number;
  /** True when a failure now would be final (no retry follows). */
  isLastAttempt: boolean;
  /** Aborted when the worker stops or loses the job's lease: stop at the next safe point. */
  signal: AbortSignal;
  /** A short human-readable state ("OCR 3/12 pages"), stored with the job on the next heartbeat. */
  reportProgress: (progress: string) => void;
};

/**
 * A kind of background job: a name, the schema of its payload and the handler. Handlers must be
 * idempotent: a job whose worker died runs again from the start, so it writes each result in one
 * transaction and skips what an earlier run already finished.
 */
export type JobDefinition<Schema extends z.ZodType = z.ZodType> = {
  name: string;
  payload: Schema;
  // A method, not a function property, so that definitions with specific payloads fit in one list.
  handler(payload: z.output<Schema>, context: JobContext): Promise<void>;
  /** Runs before the job is given up (default 5). */
  maxAttempts?: number;
  /**
   * Stops a run that reports no progress for this long (ms) and counts it as a failed attempt.
   * Without it a job may run as long as it likes.
   */
  stallTimeoutMs?: number;
  /**
   * Called once when the job ends as failed for good, whatever the reason (a permanent error, the
   * last retry failing, a worker dying on the last attempt), so the handler's own records can say so.
   */
  onFailure?(payload: z.output<Schema>, error: string): Promise<void>;
};

export const defineJob = <Schema extends z.ZodType>(
  definition: JobDefinition<Schema>,
): JobDefinition<Schema> => definition;

/**
 * A failure that retrying cannot fix (a broken file, an invalid payload): the job fails at once
 * instead of waiting through its backoff schedule.
 */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/** Thrown inside a handler when its signal was aborted; the job is released, not failed. */
export class JobAbortedError extends Error {
  constructor() {
    super('The job was interrupted');
    this.name = 'JobAbortedError';
  }
}

export const throwIfAborted = (signal: AbortSignal): void => {
  if (signal.aborted) throw new JobAbortedError();
};
