import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { createJobQueue } from './jobs.queue.ts';
import { createJobsRepository } from './jobs.repository.ts';
import { defineJob } from './jobs.types.ts';

const noteJob = defineJob({
  name: 'test.note',
  payload: z.object({ text: z.string() }),
  async handler() {},
});

const seconds = (n: number) => new Date(Date.UTC(2026, 10, 28, 12, 0, n)).toISOString();

describe.each(databaseKinds())('job queue storage on %s', (kind) => {
  let context: TestContext;
  const repository = () => createJobsRepository(context.container.database);
  const queue = () => createJobQueue(context.container.database);

  beforeAll(async () => {
    context = await createTestContext(kind);
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('queues a job with a dedupe key once while it waits, and again once it has started', async () => {
    const first = await queue().enqueue(noteJob, { text: 'a' }, { dedupeKey: 'dedupe:1' });
    const second = await queue().enqueue(noteJob, { text: 'a' }, { dedupeKey: 'dedupe:1' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });

    const claimed = await repository().claim(['test.note'], 'w1', new Date().toISOString(), seconds(59));
    expect(claimed?.id).toBe(first.id);
    const third = await queue().enqueue(noteJob, { text: 'a' }, { dedupeKey: 'dedupe:1' });
    expect(third.created).toBe(true);
    expect(third.id).not.toBe(first.id);
  });

  it('rejects a payload that does not match the job schema when it is queued', async () => {
    await expect(queue().enqueue(noteJob, { text: 42 } as never)).rejects.toThrow();
  });

  it('hands out due jobs by priority, then age, and never jobs it has no handler for', async () => {
    const db = context.container.database.db;
    await db.deleteFrom('jobs').execute();
    const jobs = repository();
    const insert = (name: string, runAt: string, priority = 0) =>
      jobs.insert({ name, payload: '{"text":"x"}', priority, maxAttempts: 3, runAt, dedupeKey: null }, runAt);
    const old = await insert('test.order', seconds(1));
    const urgent = await insert('test.order', seconds(5), 10);
    const future = await insert('test.order', seconds(50));
    await insert('test.unknown', seconds(0));

    const now = seconds(10);
    const order = [];
    for (;;) {
      const row = await jobs.claim(['test.order'], 'w1', now, seconds(40));
      if (!row) break;
      order.push(row.id);
      expect(row.status).toBe('running');
      expect(row.attempts).toBe(1);
    }
    expect(order).toEqual([urgent.id, old.id]);
    expect((await jobs.findById(future.id))?.status).toBe('pending');
  });

  it('gives a job whose lease lapsed to another worker, and the first worker can no longer finish it', async () => {
    const jobs = repository();
    const { id } = await jobs.insert(
      { name: 'test.lease', payload: '{}', priority: 0, maxAttempts: 3, runAt: seconds(0), dedupeKey: null },
      seconds(0),
    );
    const first = await jobs.claim(['test.lease'], 'dead-worker', seconds(1), seconds(11));
    expect(first?.id).toBe(id);
    expect(await jobs.claim(['test.lease'], 'other', seconds(5), seconds(15))).toBeUndefined();

    const second = await jobs.claim(['test.lease'], 'other', seconds(12), seconds(22));
    expect(second?.id).toBe(id);
    expect(second?.attempts).toBe(2);
    expect(await jobs.renewLease(id, 'dead-worker', seconds(30), null, seconds(13))).toBe(false);
    expect(await jobs.complete(id, 'dead-worker', seconds(13))).toBe(false);
    expect(await jobs.renewLease(id, 'other', seconds(30), 'half way', seconds(13))).toBe(true);
    expect(await jobs.complete(id, 'other', seconds(14))).toBe(true);
    const done = await jobs.findById(id);
    expect(done).toMatchObject({ status: 'done', locked_by: null, progress: 'half way', attempts: 2 });
  });

  it('never gives the same job to two workers claiming at the same time', async () => {
    const jobs = repository();
    const runAt = seconds(0);
    const ids = [];
    for (let i = 0; i < 24; i++) {
      ids.push(
        (
          await jobs.insert(
            { name: 'test.race', payload: '{}', priority: 0, maxAttempts: 3, runAt, dedupeKey: null },
            runAt,
          )
        ).id,
      );
    }
    const claimedBy = async (worker: string) => {
      const mine: number[] = [];
      for (;;) {
        const row = await jobs.claim(['test.race'], worker, seconds(1), seconds(59));
        if (!row) return mine;
        mine.push(row.id);
      }
    };
    const results = await Promise.all(['a', 'b', 'c', 'd'].map(claimedBy));
    const all = results.flat();
    expect(all.sort((x, y) => x - y)).toEqual(ids.sort((x, y) => x - y));
  });

  it('cancels a retried job when an identical one was queued meanwhile, instead of running both', async () => {
    const jobs = repository();
    const job = { name: 'test.twin', payload: '{}', priority: 0, maxAttempts: 3, dedupeKey: 'twin:1' };
    const original = await jobs.insert({ ...job, runAt: seconds(0) }, seconds(0));
    await jobs.claim(['test.twin'], 'w1', seconds(1), seconds(30));
    const twin = await jobs.insert({ ...job, runAt: seconds(2) }, seconds(2));
    expect(twin.created).toBe(true);

    const outcome = await jobs.requeue(original.id, 'w1', {
      runAt: seconds(20),
      error: 'disk full',
      refundAttempt: false,
      now: seconds(3),
    });
    expect(outcome).toBe('superseded');
    expect((await jobs.findById(original.id))?.status).toBe('cancelled');
    expect((await jobs.findById(twin.id))?.status).toBe('pending');
  });

  it('tells how many jobs wait or run and when the next one falls due', async () => {
    const jobs = repository();
    await jobs.insert(
      {
        name: 'test.outlook',
        payload: '{}',
        priority: 0,
        maxAttempts: 3,
        runAt: seconds(40),
        dedupeKey: null,
      },
      seconds(0),
    );
    await jobs.insert(
      {
        name: 'test.outlook',
        payload: '{}',
        priority: 0,
        maxAttempts: 3,
        runAt: seconds(2),
        dedupeKey: null,
      },
      seconds(0),
    );
    await jobs.claim(['test.outlook'], 'w1', seconds(3), seconds(30));
    expect(await jobs.outlook(['test.outlook'])).toEqual({
      pending: 1,
      running: 1,
      nextChangeAt: seconds(30),
    });
  });

  it('gives failed jobs a fresh set of attempts on request, unless an identical job already waits', async () => {
    const jobs = repository();
    const job = { name: 'test.retry', payload: '{}', priority: 0, maxAttempts: 2 };
    const lonely = await jobs.insert({ ...job, runAt: seconds(0), dedupeKey: 'retry:1' }, seconds(0));
    const twinned = await jobs.insert({ ...job, runAt: seconds(0), dedupeKey: 'retry:2' }, seconds(0));
    for (const { id } of [lonely, twinned]) {
      await jobs.claim(['test.retry'], 'w1', seconds(1), seconds(30));
      await jobs.fail(id, 'w1', 'no OCR data', seconds(2));
    }
    await jobs.insert({ ...job, runAt: seconds(3), dedupeKey: 'retry:2' }, seconds(3));
    expect((await jobs.recent('failed', 10)).map((j) => j.id).sort()).toEqual([lonely.id, twinned.id].sort());

    expect(await jobs.retryFailed(seconds(4))).toBe(1);
    expect(await jobs.findById(lonely.id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      run_at: seconds(4),
    });
    expect((await jobs.findById(twinned.id))?.status).toBe('failed');
  });
});
