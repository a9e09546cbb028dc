import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * Paragraph alignment between a translation and the original-language transcript it translates, for
 * reading the two side by side. One row per aligned pair, in reading order; a pair names a run of
 * consecutive paragraphs on each side (by the numbers of the `#p-<n>` anchors), so one paragraph can
 * face two and a side can be empty (a translator's note, an untranslated passage).
 *
 * Rows belong to the two asset rows and go with either: a text replaced by a new file, or a removed
 * translation, leaves no stale pairs behind. No alignment stored means "paragraph by paragraph".
 */
export async function up(db: Kysely<unknown>, _context: MigrationContext): Promise<void> {
  await db.schema
    .createTable('text_alignments')
    .addColumn('translation_asset_id', 'integer', (c) =>
      c.notNull().references('assets.id').onDelete('cascade'),
    )
    .addColumn('original_asset_id', 'integer', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('original_first', 'integer')
    .addColumn('original_last', 'integer')
    .addColumn('translation_first', 'integer')
    .addColumn('translation_last', 'integer')
    .addPrimaryKeyConstraint('text_alignments_pkey', ['translation_asset_id', 'position'])
    .execute();
  // The cascade from a deleted original looks rows up by it.
  await db.schema
    .createIndex('text_alignments_original')
    .on('text_alignments')
    .column('original_asset_id')
    .execute();
}
