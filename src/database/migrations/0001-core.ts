import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * The archive core: documents, their assets and their links to authority records.
 * Kept dialect-neutral except for identity columns (see `addIdColumn`).
 */
export async function up(db: Kysely<unknown>, { addIdColumn }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('authorities')
    .$call(addIdColumn)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('authorities.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('dates', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('authorities_kind_slug_unique', ['kind', 'slug'])
    .execute();
  await db.schema.createIndex('authorities_kind_name').on('authorities').columns(['kind', 'name']).execute();
  await db.schema.createIndex('authorities_parent').on('authorities').column('parent_id').execute();

  await db.schema
    .createTable('authority_names')
    .$call(addIdColumn)
    .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('match_key', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('authority_names_authority')
    .on('authority_names')
    .column('authority_id')
    .execute();
  await db.schema
    .createIndex('authority_names_match_key')
    .on('authority_names')
    .column('match_key')
    .execute();

  await db.schema
    .createTable('documents')
    .$call(addIdColumn)
    .addColumn('external_id', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text')
    .addColumn('summary', 'text')
    .addColumn('date_start', 'text')
    .addColumn('date_end', 'text')
    .addColumn('date_precision', 'text')
    .addColumn('date_circa', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('date_time', 'text')
    .addColumn('place_of_origin', 'text')
    .addColumn('document_type', 'text')
    .addColumn('repository_id', 'integer', (c) => c.references('authorities.id').onDelete('set null'))
    .addColumn('archival_reference', 'text')
    .addColumn('program', 'text')
    .addColumn('rights', 'text')
    .addColumn('withdrawal_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addCheckConstraint('documents_status_check', sql`status in ('draft', 'published', 'withdrawn')`)
    .execute();
  await db.schema
    .createIndex('documents_status_published')
    .on('documents')
    .columns(['status', 'published_at'])
    .execute();
  await db.schema.createIndex('documents_date_start').on('documents').column('date_start').execute();

  for (const [table, column] of [
    ['document_languages', 'language'],
    ['document_classifications', 'marking'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn(column, 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['document_id', column])
      .execute();
    await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
  }

  await db.schema
    .createTable('document_credits')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_credits_pk', ['document_id', 'position'])
    .execute();

  await db.schema
    .createTable('document_authorities')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_authorities_pk', ['document_id', 'authority_id', 'role'])
    .execute();
  await db.schema
    .createIndex('document_authorities_authority')
    .on('document_authorities')
    .columns(['authority_id', 'role'])
    .execute();

  await db.schema
    .createTable('document_links')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_links_pk', ['document_id', 'target_id', 'kind'])
    .execute();
  await db.schema.createIndex('document_links_target').on('document_links').column('target_id').execute();

  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('byte_size', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assets')
    .$call(addIdColumn)
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('label', 'text')
    .addColumn('translator', 'text')
    .addColumn('html', 'text')
    .addColumn('blob_sha256', 'text', (c) => c.references('blobs.sha256'))
    .addColumn('file_name', 'text')
    .addColumn('media_type', 'text')
    .addColumn('page_count', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assets_document').on('assets').column('document_id').execute();
  await db.schema.createIndex('assets_blob').on('assets').column('blob_sha256').execute();

  await db.schema
    .createTable('site_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('site_state' as never)
    .values({ key: 'content_version', value: 1 } as never)
    .execute();
}
