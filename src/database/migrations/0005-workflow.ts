import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * The editorial workflow: documents in review and scheduled for publication, revisions of every
 * save, and addresses of merged authorities.
 *
 * The CHECK on `documents.status` goes: the statuses are checked in code (the record schema and the
 * table types), so a later status needs no table rebuild on SQLite. SQLite drops a named CHECK in
 * place since 3.50 (better-sqlite3 12 bundles 3.53); PostgreSQL always could.
 */
export async function up(db: Kysely<unknown>, { addIdColumn }: MigrationContext): Promise<void> {
  await sql`alter table documents drop constraint documents_status_check`.execute(db);
  await db.schema.alterTable('documents').addColumn('scheduled_for', 'text').execute();
  // The due-publication check runs on public requests: it must be one index probe.
  await db.schema
    .createIndex('documents_status_scheduled')
    .on('documents')
    .columns(['status', 'scheduled_for'])
    .execute();

  await db.schema
    .createTable('document_revisions')
    .$call(addIdColumn)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_revisions_number_unique', ['document_id', 'number'])
    .execute();

  await db.schema
    .createTable('authority_redirects')
    .addColumn('from_id', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_slug', 'text', (c) => c.notNull())
    .addColumn('to_id', 'integer', (c) => c.notNull().references('authorities.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('authority_redirects_slug')
    .on('authority_redirects')
    .columns(['kind', 'from_slug'])
    .execute();
  await db.schema.createIndex('authority_redirects_to').on('authority_redirects').column('to_id').execute();
}
