import { createContainer } from '../../app/container.ts';
import type { Command } from '../../cli/commands.ts';
import { jobStatuses } from '../../database/tables.ts';
import { enqueueAllScans } from '../ingest/pipeline/scan-jobs.ts';
import { createJobsRepository } from './jobs.repository.ts';

/**
 * `chancery worker`: runs background jobs until stopped (SIGINT/SIGTERM hand running jobs back to
 * the queue). `--until-idle` processes everything queued, waiting for retries and for jobs of dead
 * workers to fall due, then exits: 0 when every job succeeded, 1 when some failed.
 */
export const workerCommand: Command = async ({ config, options }) => {
  const container = await createContainer(config);
  // Loaded here, not at start-up: the pipeline brings pdf.js, sharp and Tesseract with it.
  const { createArchiveWorker } = await import('./jobs.runtime.ts');
  const worker = createArchiveWorker(container);
  try {
    if (options['until-idle']) {
      const stop = () => void worker.stop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const summary = await worker.runUntilIdle();
      process.stdout.write(
        `Jobs done: ${summary.succeeded}, failed: ${summary.failed}, retried: ${summary.retried}.\n`,
      );
      return summary.failed > 0 ? 1 : 0;
    }
    worker.start();
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    return 0;
  } finally {
    await worker.close();
    await container.close();
  }
};

/**
 * `chancery jobs [status]`: counts, running jobs with their progress, recent failures with their error.
 * `chancery jobs retry`: gives failed jobs a fresh set of attempts.
 * `chancery jobs rescan`: queues every scan again; unchanged ones are skipped by the worker, others
 * are made again (after installing OCR language data, say).
 */
export const jobsCommand: Command = async ({ config, args }) => {
  const action = args[0] ?? 'status';
  if (!['status', 'retry', 'rescan'].includes(action)) {
    process.stderr.write('Usage: chancery jobs [status | retry | rescan]\n');
    return 2;
  }
  const container = await createContainer(config);
  const deps = { db: container.database.db, dialect: container.database.dialect };
  const jobs = createJobsRepository(deps);
  const out = (line = '') => process.stdout.write(`${line}\n`);
  try {
    if (action === 'retry') {
      out(`${await jobs.retryFailed(new Date().toISOString())} failed jobs queued again.`);
    } else if (action === 'rescan') {
      out(`${await enqueueAllScans(deps)} scans queued; a worker skips those already up to date.`);
    } else {
      const counts = await jobs.countByStatus();
      out(jobStatuses.map((status) => `${status}: ${counts[status] ?? 0}`).join('   '));
      for (const job of await jobs.recent('running', 20)) {
        out(
          `running  #${job.id} ${job.name} (attempt ${job.attempts}) ${job.progress ?? ''} on ${job.locked_by ?? '?'}`,
        );
      }
      for (const job of await jobs.recent('failed', 20)) {
        out(
          `failed   #${job.id} ${job.name} ${job.payload} at ${job.finished_at ?? job.updated_at}: ${job.last_error ?? ''}`,
        );
      }
    }
    return 0;
  } finally {
    await container.close();
  }
};
