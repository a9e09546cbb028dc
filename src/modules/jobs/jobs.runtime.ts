import type { Container } from '../../app/container.ts';
import { publishDueJob } from '../editor/editor.workflow.ts';
import { createIngestJobs } from '../ingest/pipeline/ingest.tasks.ts';
import { createJobWorker, type JobWorker, type WorkerOptions } from './jobs.worker.ts';

/**
 * A worker for every kind of job the archive runs, built from the container. Modules that add job
 * kinds register them here, the one place that knows them all.
 */
export function createArchiveWorker(
  container: Pick<Container, 'config' | 'database' | 'storage' | 'logger'>,
  options: Partial<Pick<WorkerOptions, 'pollMs' | 'concurrency' | 'backoffMs'>> = {},
): JobWorker & { close: () => Promise<void> } {
  const ingest = createIngestJobs(container);
  const worker = createJobWorker({
    db: container.database.db,
    dialect: container.database.dialect,
    logger: container.logger,
    definitions: [
      ...ingest.definitions,
      publishDueJob({ db: container.database.db, dialect: container.database.dialect }),
    ],
    leaseMs: container.config.jobLeaseSeconds * 1000,
    ...options,
  });
  return {
    ...worker,
    /** Stops taking jobs, hands running ones back, and frees the OCR threads. */
    close: async () => {
      await worker.stop();
      await ingest.close();
    },
  };
}
