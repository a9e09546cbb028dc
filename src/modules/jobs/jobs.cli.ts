import { createContainer } from '../../app/container.ts';
import type { Command } from '../../cli/commands.ts';

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
