import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * Discovery beyond search: collections get an image, places get coordinates for theme maps, and
 * editors write themes (collections grouped with an overview and a timeline of events) and readers
 * (ordered sets of documents with notes, for teaching).
 *
 * Coordinates are `double precision`: PostgreSQL's `real` keeps only about seven digits, and SQLite
 * gives the type name REAL affinity, so both store the same 64-bit floats.
 */
export async function up(db: Kysely<unknown>, { addIdColumn }: MigrationContext): Promise<void> {
  await db.schema.alterTable('authorities').addColumn('latitude', 'double precision').execute();
  await db.schema.alterTable('authorities').addColumn('longitude', 'double precision').execute();
  await db.schema.alterTable('authorities').addColumn('image_sha256', 'text').execute();
  await db.schema.alterTable('authorities').addColumn('image_media_type', 'text').execute();
  await db.schema.alterTable('authorities').addColumn('image_alt', 'text').execute();

  await db.schema
    .createTable('themes')
    .$call(addIdColumn)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('overview_html', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('theme_collections')
    .addColumn('theme_id', 'integer', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('collection_id', 'integer', (c) =>
      c.notNull().references('authorities.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('theme_collections_pk', ['theme_id', 'collection_id'])
    .execute();
  await db.schema
    .createIndex('theme_collections_collection')
    .on('theme_collections')
    .column('collection_id')
    .execute();

  await db.schema
    .createTable('theme_events')
    .$call(addIdColumn)
    .addColumn('theme_id', 'integer', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('date_start', 'text', (c) => c.notNull())
    .addColumn('date_end', 'text', (c) => c.notNull())
    .addColumn('date_precision', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('link', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('theme_events_theme').on('theme_events').column('theme_id').execute();

  await db.schema
    .createTable('readers')
    .$call(addIdColumn)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('compiler', 'text')
    .addColumn('introduction_html', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reader_items')
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('reader_items_pk', ['reader_id', 'document_id'])
    .execute();
  await db.schema.createIndex('reader_items_document').on('reader_items').column('document_id').execute();
}
