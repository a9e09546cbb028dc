import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * Background jobs and what the ingest pipeline derives from scans: page text (from the PDF's text
 * layer or from OCR), word boxes, page images and thumbnails, and editors' corrections.
 *
 * Derived data is keyed by the scan's blob (its SHA-256), not by the asset row: saving a document
 * replaces its asset rows, and a re-import of the same file must not throw away hours of OCR.
 */
export async function up(db: Kysely<unknown>, { addIdColumn }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('jobs')
    .$call(addIdColumn)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('progress', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addCheckConstraint(
      'jobs_status_check',
      sql`status in ('pending', 'running', 'done', 'failed', 'cancelled')`,
    )
    .execute();
  await db.schema.createIndex('jobs_claimable').on('jobs').columns(['status', 'run_at']).execute();
  await db.schema.createIndex('jobs_lease').on('jobs').columns(['status', 'lease_until']).execute();
  // At most one waiting job per key: saving a document ten times queues its scan once.
  await db.schema
    .createIndex('jobs_pending_dedupe')
    .on('jobs')
    .column('dedupe_key')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();

  await db.schema
    .createTable('scan_files')
    .addColumn('blob_sha256', 'text', (c) => c.primaryKey().references('blobs.sha256'))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('page_count', 'integer')
    .addColumn('pages_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ocr_pages', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ocr_pages_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ocr_languages', 'text')
    .addColumn('notes', 'text')
    .addColumn('error', 'text')
    .addColumn('pipeline_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addCheckConstraint('scan_files_status_check', sql`status in ('pending', 'processing', 'done', 'failed')`)
    .execute();

  await db.schema
    .createTable('scan_pages')
    .addColumn('blob_sha256', 'text', (c) =>
      c.notNull().references('scan_files.blob_sha256').onDelete('cascade'),
    )
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_source', 'text', (c) => c.notNull())
    .addColumn('ocr_confidence', 'real')
    .addColumn('ocr_languages', 'text')
    .addColumn('words', 'text')
    .addColumn('image_sha256', 'text', (c) => c.references('blobs.sha256'))
    .addColumn('thumbnail_sha256', 'text', (c) => c.references('blobs.sha256'))
    .addColumn('problem', 'text')
    .addColumn('pipeline_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scan_pages_pk', ['blob_sha256', 'page'])
    .addCheckConstraint('scan_pages_text_source_check', sql`text_source in ('pdf-text', 'ocr', 'none')`)
    .execute();

  await db.schema
    .createTable('scan_page_corrections')
    .$call(addIdColumn)
    .addColumn('blob_sha256', 'text', (c) =>
      c.notNull().references('scan_files.blob_sha256').onDelete('cascade'),
    )
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('corrected_by', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('scan_page_corrections_page')
    .on('scan_page_corrections')
    .columns(['blob_sha256', 'page'])
    .execute();
}
