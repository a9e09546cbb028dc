import path from 'node:path';
import type { Config } from '../config/config.ts';
import { type DatabaseHandle, openDatabase } from '../database/database.ts';
import { migrateToLatest } from '../database/migrate.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { createFsBlobStore } from '../storage/providers/fs-blob-store.ts';
import { createLogger, type Logger } from './logger.ts';

/**
 * The composition root: the one place that builds the services and hands them down. Nothing below
 * imports a database or a store as a singleton, so tests build their own container with their own
 * configuration.
 */
export type Container = {
  config: Config;
  database: DatabaseHandle;
  storage: BlobStore;
  logger: Logger;
  close: () => Promise<void>;
};

export async function createContainer(
  config: Config,
  options: { logger?: Logger; migrate?: boolean } = {},
): Promise<Container> {
  const logger = options.logger ?? createLogger();
  const database = openDatabase(config.databaseUrl, {
    onConnectionError: (error) => logger.warn('database connection lost', { error: error.message }),
  });
  if (options.migrate !== false) await migrateToLatest(database.db, database.dialect);
  const storage = createFsBlobStore({ root: path.join(config.dataDir, 'blobs') });
  return {
    config,
    database,
    storage,
    logger,
    close: () => database.destroy(),
  };
}
