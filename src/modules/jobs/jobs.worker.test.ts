import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { createLogger } from '../../app/logger.ts';
import { createJobQueue } from './jobs.queue.ts';
import { createJobsRepository } from './jobs.repository.ts';
import { defineJob, type JobDefinition, PermanentJobError, throwIfAborted } from './jobs.types.ts';
import { createJobWorker, type WorkerOptions } from './jobs.worker.ts';

const counterPayload = z.object({ key: z.string() });

describe.each(databaseKinds())('job worker on %s', (kind) => {
  let context: TestContext;
  const runs = new Map<string, number>();
  const bump = (key: string) => {
    runs.set(key, (runs.get(key) ?? 0) + 1);
    return runs.get(key)!;
  };

  const worker = (definitions: JobDefinition[], options: Partial<WorkerOptions> = {}) =>
    createJobWorker({
      ...context.container.database,
      definitions,
      logger: createLogger({ silent: true }),
      backoffMs: 5,
      maxBackoffMs: 20,
      pollMs: 20,
      leaseMs: 600,
      ...options,
    });
  const queue = () => createJobQueue(context.container.database);
  const job = (id: number) => createJobsRepository(context.container.database).findById(id);

  beforeAll(async () => {
    context = await createTestContext(kind);
  });
  afterAll(async () => {
    await context.dispose();
  });
  beforeEach(async () => {
    runs.clear();
    await context.container.database.db.deleteFrom('jobs').execute();
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    const flaky = defineJob({
      name: 'test.flaky',
      payload: counterPayload,
      maxAttempts: 4,
      async handler({ key }) {
        if (bump(key) < 3) throw new Error(`not yet (${runs.get(key)})`);
      },
    });
    const { id } = await queue().enqueue(flaky, { key: 'flaky' });
    const summary = await worker([flaky]).runUntilIdle();
    expect(summary).toEqual({ succeeded: 1, failed: 0, retried: 2 });
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 3, last_error: null });
  });

  it('gives up after the last allowed attempt and keeps the error for the operator', async () => {
    const broken = defineJob({
      name: 'test.broken',
      payload: counterPayload,
      maxAttempts: 3,
      async handler({ key }) {
        throw new Error(`attempt ${bump(key)} failed`);
      },
    });
    const { id } = await queue().enqueue(broken, { key: 'broken' });
    await worker([broken]).runUntilIdle();
    expect(runs.get('broken')).toBe(3);
    expect(await job(id)).toMatchObject({ status: 'failed', attempts: 3, last_error: 'attempt 3 failed' });
  });

  it('fails at once on a permanent error such as a broken file', async () => {
    const hopeless = defineJob({
      name: 'test.hopeless',
      payload: counterPayload,
      async handler({ key }) {
        bump(key);
        throw new PermanentJobError('the file is not a PDF');
      },
    });
    const { id } = await queue().enqueue(hopeless, { key: 'hopeless' });
    await worker([hopeless]).runUntilIdle();
    expect(runs.get('hopeless')).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'failed', last_error: 'the file is not a PDF' });
  });

  it('fails a job whose stored payload no longer fits its schema without running it', async () => {
    const strict = defineJob({
      name: 'test.strict',
      payload: counterPayload,
      async handler({ key }) {
        bump(key);
      },
    });
    const { id } = await createJobsRepository(context.container.database).insert(
      {
        name: 'test.strict',
        payload: '{"key": 7}',
        priority: 0,
        maxAttempts: 3,
        runAt: new Date().toISOString(),
        dedupeKey: null,
      },
      new Date().toISOString(),
    );
    await worker([strict]).runUntilIdle();
    expect(runs.size).toBe(0);
    const row = await job(id);
    expect(row?.status).toBe('failed');
    expect(row?.last_error).toMatch(/invalid payload/);
  });

  it('stores the progress a long job reports with its heartbeat', async () => {
    let seen: string | null | undefined;
    const slow = defineJob({
      name: 'test.slow',
      payload: counterPayload,
      async handler(_payload, { reportProgress, jobId }) {
        reportProgress('OCR 3/12 pages');
        await new Promise((r) => setTimeout(r, 450));
        seen = (await job(jobId))?.progress;
      },
    });
    await queue().enqueue(slow, { key: 'slow' });
    await worker([slow], { leaseMs: 300 }).runUntilIdle();
    expect(seen).toBe('OCR 3/12 pages');
  });

  it('hands an interrupted job back to the queue on shutdown without counting the attempt', async () => {
    let started: () => void = () => {};
    const isRunning = new Promise<void>((resolve) => {
      started = resolve;
    });
    const endless = defineJob({
      name: 'test.endless',
      payload: counterPayload,
      async handler(_payload, { signal }) {
        started();
        while (true) {
          await new Promise((r) => setTimeout(r, 10));
          throwIfAborted(signal);
        }
      },
    });
    const { id } = await queue().enqueue(endless, { key: 'endless' });
    const background = worker([endless]);
    background.start();
    await isRunning;
    await background.stop();
    expect(await job(id)).toMatchObject({ status: 'pending', attempts: 0, locked_by: null });
  });

  it('gives up on a job that hangs without reporting progress, instead of renewing its lease for ever', async () => {
    const hung = defineJob({
      name: 'test.hung',
      payload: counterPayload,
      maxAttempts: 1,
      stallTimeoutMs: 150,
      handler: () => new Promise<void>(() => {}),
    });
    const { id } = await queue().enqueue(hung, { key: 'hung' });
    expect(await worker([hung]).runUntilIdle()).toMatchObject({ failed: 1 });
    const row = await job(id);
    expect(row?.status).toBe('failed');
    expect(row?.last_error).toMatch(/no progress/);
  });

  it('leaves jobs it has no handler for to the workers that have one', async () => {
    const known = defineJob({ name: 'test.known', payload: counterPayload, async handler() {} });
    const other = defineJob({ name: 'test.other', payload: counterPayload, async handler() {} });
    const { id } = await queue().enqueue(other, { key: 'x' });
    const summary = await worker([known]).runUntilIdle();
    expect(summary.succeeded).toBe(0);
    expect((await job(id))?.status).toBe('pending');
  });
});
