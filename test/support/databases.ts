import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp } from '../../src/app/app.ts';
import { type Container, createContainer } from '../../src/app/container.ts';
import { createLogger } from '../../src/app/logger.ts';
import { type Config, loadConfig } from '../../src/config/config.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

const postgresUrl = process.env.CHANCERY_TEST_DATABASE_URL;

/**
 * The databases a storage test runs on: SQLite always, PostgreSQL too when CHANCERY_TEST_DATABASE_URL
 * names a server. Suites use `describe.each(databaseKinds())` so one suite covers both.
 * `npm run test:postgres` also sets CHANCERY_TEST_POSTGRES_ONLY: CI runs it after `npm test`, which has
 * already run every suite on SQLite, so running those halves again would only lengthen CI.
 */
export const databaseKinds = (): DatabaseKind[] => {
  if (!postgresUrl) return ['sqlite'];
  return process.env.CHANCERY_TEST_POSTGRES_ONLY ? ['postgres'] : ['sqlite', 'postgres'];
};

/**
 * A fresh, empty database: a temporary SQLite file, or a new PostgreSQL database created for this
 * test and dropped afterwards (so test files can run in parallel without seeing each other's rows).
 */
async function createEmptyDatabase(
  kind: DatabaseKind,
  dataDir: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') return { url: `sqlite:${path.join(dataDir, 'test.db')}`, drop: async () => {} };
  if (!postgresUrl) throw new Error('CHANCERY_TEST_DATABASE_URL is not set');
  const name = `chancery_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export type TestContext = {
  container: Container;
  config: Config;
  dataDir: string;
  app: ReturnType<typeof createApp>;
  dispose: () => Promise<void>;
};

/** A whole application on a fresh database and data directory, built exactly as `chancery serve` does. */
export async function createTestContext(
  kind: DatabaseKind = 'sqlite',
  env: Record<string, string> = {},
): Promise<TestContext> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-test-'));
  const database = await createEmptyDatabase(kind, dataDir);
  const config = loadConfig({
    CHANCERY_DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    CHANCERY_BASE_URL: 'http://archive.test',
    ...env,
  });
  const container = await createContainer(config, { logger: createLogger({ silent: true }) });
  return {
    container,
    config,
    dataDir,
    app: createApp(container),
    dispose: async () => {
      await container.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
