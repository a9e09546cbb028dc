import { type CreateTableBuilder, type Kysely, type Migration, Migrator } from 'kysely';
import type { DialectName } from './database.ts';
import * as core from './migrations/0001-core.ts';
import * as search from './migrations/0002-search.ts';
import * as ingest from './migrations/0003-ingest.ts';
import * as accounts from './migrations/0004-accounts.ts';
import * as workflow from './migrations/0005-workflow.ts';
import * as discovery from './migrations/0006-discovery.ts';
import * as alignment from './migrations/0007-alignment.ts';

/** What a migration may need to know about the dialect it runs on. */
export type MigrationContext = {
  dialect: DialectName;
  /**
   * Adds an integer primary key that is never reused, even after deletes: SQLite needs AUTOINCREMENT
   * for that guarantee, PostgreSQL identity columns give it by construction. Record IDs are cited in
   * print, so a deleted record's number must never come back for another document.
   */
  addIdColumn: <T extends string>(table: CreateTableBuilder<T, never>) => CreateTableBuilder<T, never>;
};

type ChanceryMigration = {
  up: (db: Kysely<unknown>, context: MigrationContext) => Promise<void>;
};

/** Every migration, in order. Names are permanent once released. */
const migrations: Record<string, ChanceryMigration> = {
  '0001-core': core,
  '0002-search': search,
  '0003-ingest': ingest,
  '0004-accounts': accounts,
  '0005-workflow': workflow,
  '0006-discovery': discovery,
  '0007-alignment': alignment,
};

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema they create exists
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  const context: MigrationContext = {
    dialect,
    addIdColumn: (table) =>
      dialect === 'sqlite'
        ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        : table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity()),
  };
  const provider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(
        Object.entries(migrations).map(([name, migration]) => [
          name,
          { up: (database: Kysely<unknown>) => migration.up(database, context) },
        ]),
      );
    },
  };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
