import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../test/support/databases.ts';
import { openDatabase } from './database.ts';

const postgres = databaseKinds().includes('postgres');

describe.runIf(postgres)('a PostgreSQL connection ended by the server', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext('postgres');
  });
  afterAll(async () => {
    await context?.dispose();
  });

  it('is reported and replaced, and the process carries on', async () => {
    const lost: Error[] = [];
    const database = openDatabase(context.config.databaseUrl, { onConnectionError: (e) => lost.push(e) });
    try {
      const backend = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
      const pid = backend.rows[0]!.pid;

      // What a server restart or `drop database ... with (force)` does to an idle pooled connection.
      const admin = openDatabase(context.config.databaseUrl);
      await sql`select pg_terminate_backend(${pid})`.execute(admin.db);
      await admin.destroy();
      for (let i = 0; i < 50 && lost.length === 0; i++) await new Promise((r) => setTimeout(r, 100));

      expect(lost.map((e) => (e as Error & { code?: string }).code)).toEqual(['57P01']);
      const again = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
      expect(again.rows[0]!.pid).not.toBe(pid);
    } finally {
      await database.destroy();
    }
  });
});

describe('database URLs', () => {
  it('refuses a URL of another kind without echoing its password', () => {
    expect(() => openDatabase('mysql://user:secret@host/db')).toThrow(
      /Unsupported database URL: mysql:\/\/\*\*\*@host/,
    );
  });
});
