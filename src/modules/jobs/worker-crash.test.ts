import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContainer } from '../../app/container.ts';
import { createLogger } from '../../app/logger.ts';
import { loadConfig } from '../../config/config.ts';
import { openDatabase } from '../../database/database.ts';
import { makeTextPdf, saveScanDocument } from '../ingest/pipeline/pipeline.test-support.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const pageCount = 6;

/**
 * The promise a queue makes: a worker killed outright (SIGKILL, the OOM killer, a pulled plug) in the
 * middle of a job leaves nothing half-written, and the job is finished, once, by the next worker.
 */
// SQLite only, and so skipped in the PostgreSQL pass of the suite, which would only repeat it.
describe.skipIf(Boolean(process.env.CHANCERY_TEST_DATABASE_URL))(
  'a worker killed in the middle of a job',
  () => {
    let dataDir: string;
    let env: Record<string, string>;
    const children: ChildProcess[] = [];

    const startWorker = (...args: string[]) => {
      const child = spawn(process.execPath, ['bin/chancery.js', 'worker', ...args], {
        cwd: repoRoot,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (chunk) => {
        output += String(chunk);
      });
      child.stderr?.on('data', (chunk) => {
        output += String(chunk);
      });
      children.push(child);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      return { child, exited, output: () => output };
    };

    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-crash-'));
      env = {
        CHANCERY_DATA_DIR: dataDir,
        DATABASE_URL: `sqlite:${path.join(dataDir, 'archive.db')}`,
        // A short lease, so the test need not wait a minute for the dead worker's claim to lapse.
        CHANCERY_JOB_LEASE_SECONDS: '2',
      };
      const container = await createContainer(loadConfig(env), { logger: createLogger({ silent: true }) });
      const pdf = await makeTextPdf(
        Array.from({ length: pageCount }, (_, i) => `Page ${i + 1} of the long report`),
      );
      await saveScanDocument(container, pdf, { externalId: 'crash/long-report' });
      await container.close();
    });

    afterAll(() => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('is finished, complete and once, by the next worker', async () => {
      const database = openDatabase(env.DATABASE_URL!);
      const { db } = database;
      const scan = () => db.selectFrom('scan_files').selectAll().executeTakeFirstOrThrow();
      try {
        const first = startWorker();
        const deadline = Date.now() + 90_000;
        let pagesAtKill = 0;
        for (;;) {
          if (first.child.exitCode !== null) throw new Error(`the worker exited early:\n${first.output()}`);
          if (Date.now() > deadline) throw new Error(`the job never got going:\n${first.output()}`);
          const state = await scan();
          if (state.pages_done >= 1 && state.pages_done < pageCount) {
            first.child.kill('SIGKILL');
            pagesAtKill = state.pages_done;
            break;
          }
          await new Promise((r) => setTimeout(r, 25));
        }
        await first.exited;

        // The dead worker's state: a job still marked running, and only whole pages stored.
        expect((await scan()).status).toBe('processing');
        const job = await db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
        expect(job).toMatchObject({ status: 'running', attempts: 1 });
        const stored = await db.selectFrom('scan_pages').selectAll().execute();
        expect(stored.length).toBeGreaterThanOrEqual(pagesAtKill);
        expect(stored.length).toBeLessThan(pageCount);
        for (const page of stored) {
          expect(page.image_sha256).not.toBeNull();
          expect(page.text).toContain(`Page ${page.page} of the long report`);
        }

        const second = startWorker('--until-idle');
        const code = await second.exited;
        expect(code, second.output()).toBe(0);

        expect(await scan()).toMatchObject({ status: 'done', pages_done: pageCount, page_count: pageCount });
        const pages = await db.selectFrom('scan_pages').selectAll().orderBy('page').execute();
        expect(pages.map((p) => p.page)).toEqual(Array.from({ length: pageCount }, (_, i) => i + 1));
        for (const page of pages) {
          expect(page.text).toContain(`Page ${page.page} of the long report`);
          for (const sha of [page.image_sha256!, page.thumbnail_sha256!]) {
            const file = path.join(dataDir, 'blobs', sha.slice(0, 2), sha.slice(2, 4), sha);
            expect(fs.statSync(file).size).toBeGreaterThan(0);
          }
        }
        const jobs = await db.selectFrom('jobs').selectAll().execute();
        expect(jobs).toHaveLength(1);
        expect(jobs[0]).toMatchObject({ status: 'done', attempts: 2, locked_by: null });
      } finally {
        await database.destroy();
      }
    }, 240_000);
  },
);
