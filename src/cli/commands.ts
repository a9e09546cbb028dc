import { serve } from '@hono/node-server';
import { createApp } from '../app/app.ts';
import { createContainer } from '../app/container.ts';
import type { Config } from '../config/config.ts';
import { createUserCommand } from '../modules/accounts/accounts.cli.ts';
import { jobsCommand, workerCommand } from '../modules/jobs/jobs.cli.ts';
import { reindexCommand } from '../modules/search/search.cli.ts';
import { exportCommand, importCommand } from './import-export.commands.ts';

export type CommandContext = {
  config: Config;
  args: string[];
  options: Record<string, string | boolean | undefined>;
};

export type Command = (context: CommandContext) => Promise<number>;

const serveCommand: Command = async ({ config }) => {
  const container = await createContainer(config);
  if (config.loadDemo) {
    const { loadDemoArchive } = await import('../modules/demo/demo.loader.ts');
    await loadDemoArchive(container);
  }
  const app = createApp(container);
  // Scans are processed in this process unless a separate `chancery worker` does it (CHANCERY_WORKER=off).
  const worker = config.worker
    ? (await import('../modules/jobs/jobs.runtime.ts')).createArchiveWorker(container)
    : undefined;
  worker?.start();
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    container.logger.info(`Chancery is serving ${config.archiveName}`, {
      url: `http://localhost:${info.port}`,
      database: container.database.dialect,
    });
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await worker?.close();
  await container.close();
  return 0;
};

const migrateCommand: Command = async ({ config }) => {
  const container = await createContainer(config, { migrate: false });
  const { migrateToLatest } = await import('../database/migrate.ts');
  const applied = await migrateToLatest(container.database.db, container.database.dialect);
  process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
  await container.close();
  return 0;
};

export const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  import: importCommand,
  export: exportCommand,
  reindex: reindexCommand,
  user: createUserCommand(),
  worker: workerCommand,
  jobs: jobsCommand,
};
