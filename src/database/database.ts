import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './tables.ts';

export type DialectName = 'sqlite' | 'postgres';

export type DatabaseHandle = {
  db: Kysely<Database>;
  dialect: DialectName;
  destroy: () => Promise<void>;
};

// PostgreSQL returns BIGINT (count(*), sums) as strings to avoid precision loss; the counts we take
// are far below 2^53, so numbers are safe and keep rows identical to SQLite's.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export type OpenDatabaseOptions = {
  /**
   * Told when the server drops an idle PostgreSQL connection (a restart, an administrator ending
   * sessions). Without a listener, pg re-throws such errors and the whole process would stop; with
   * one, the pool simply opens a new connection for the next query.
   */
  onConnectionError?: (error: Error) => void;
};

/** Opens a database from a `sqlite:<path>` or `postgres://…` URL. */
export function openDatabase(url: string, options: OpenDatabaseOptions = {}): DatabaseHandle {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options);
  throw new Error(`Unsupported database URL: ${url.replace(/\/\/[^@]*@/, '//***@')}`);
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets the web server read while an import writes; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}

/**
 * Kysely asks better-sqlite3 to prepare every query it runs, and preparing costs about as much as
 * running a small query. Saving one document runs dozens of the same statements, so a bounded cache of
 * prepared statements, keyed by SQL text, roughly halves the time spent in SQLite. Kysely runs one
 * query at a time per connection, so a cached statement is never in use twice at once.
 */
function withStatementCache(sqlite: SQLite.Database, capacity = 1000) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sqlText: string): SQLite.Statement {
      const cached = cache.get(sqlText);
      if (cached) {
        // Re-insert to keep the map in least-recently-used order.
        cache.delete(sqlText);
        cache.set(sqlText, cached);
        return cached;
      }
      const statement = sqlite.prepare(sqlText);
      cache.set(sqlText, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

function openPostgres(url: string, options: OpenDatabaseOptions): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', (error) => options.onConnectionError?.(error));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', destroy: () => db.destroy() };
}
