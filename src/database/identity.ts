import { type Kysely, sql } from 'kysely';
import type { DialectName } from './database.ts';

/**
 * The highest ID the database has ever handed out for a table, deleted rows included. An imported
 * record may keep its own ID only above this, so a number once cited never names another document.
 */
export async function highestIssuedId(
  // biome-ignore lint/suspicious/noExplicitAny: raw SQL helpers, usable with any schema type
  db: Kysely<any>,
  dialect: DialectName,
  table: 'documents' | 'authorities',
): Promise<number> {
  if (dialect === 'sqlite') {
    const result = await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${table}`.execute(
      db,
    );
    return Number(result.rows[0]?.seq ?? 0);
  }
  const result = await sql<{ value: string | number | null }>`
    select coalesce(last_value, 0) as value
    from pg_sequences where sequencename = ${`${table}_id_seq`}`.execute(db);
  return Number(result.rows[0]?.value ?? 0);
}

/**
 * After rows were inserted with explicit IDs, PostgreSQL's identity sequence must move past them or
 * the next insert collides; SQLite's AUTOINCREMENT keeps track by itself.
 */
export async function syncIdentity(
  // biome-ignore lint/suspicious/noExplicitAny: raw SQL helpers, usable with any schema type
  db: Kysely<any>,
  dialect: DialectName,
  table: 'documents' | 'authorities',
): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))
    where exists (select 1 from ${sql.table(table)})`.execute(db);
}
