import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';
import type { AlignedPair } from './alignment.model.ts';

/** The stored alignment of one translation: the transcript it faces and the pairs, in order. */
export type StoredAlignment = { translationAssetId: number; originalAssetId: number; pairs: AlignedPair[] };

const run = (first: number | null, last: number | null): number[] =>
  first === null || last === null || last < first
    ? []
    : Array.from({ length: last - first + 1 }, (_, i) => first + i);

const ends = (numbers: number[]) =>
  numbers.length === 0
    ? { first: null, last: null }
    : { first: numbers[0]!, last: numbers[numbers.length - 1]! };

/** SQL only: the `text_alignments` rows of translations. */
export function createAlignmentRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** Every stored alignment of a document's translations, keyed by the translation's asset ID. */
    async forDocument(documentId: number): Promise<Map<number, StoredAlignment>> {
      const rows = await db
        .selectFrom('text_alignments')
        .innerJoin('assets', 'assets.id', 'text_alignments.translation_asset_id')
        .select([
          'text_alignments.translation_asset_id',
          'text_alignments.original_asset_id',
          'text_alignments.original_first',
          'text_alignments.original_last',
          'text_alignments.translation_first',
          'text_alignments.translation_last',
        ])
        .where('assets.document_id', '=', documentId)
        .orderBy('text_alignments.translation_asset_id')
        .orderBy('text_alignments.position')
        .execute();
      const alignments = new Map<number, StoredAlignment>();
      for (const row of rows) {
        let alignment = alignments.get(row.translation_asset_id);
        if (!alignment) {
          alignment = {
            translationAssetId: row.translation_asset_id,
            originalAssetId: row.original_asset_id,
            pairs: [],
          };
          alignments.set(row.translation_asset_id, alignment);
        }
        alignment.pairs.push({
          original: run(row.original_first, row.original_last),
          translation: run(row.translation_first, row.translation_last),
        });
      }
      return alignments;
    },

    /** Replaces a translation's pairs; no pairs means none stored (paragraph by paragraph). */
    async replace(translationAssetId: number, originalAssetId: number, pairs: AlignedPair[]): Promise<void> {
      await db.deleteFrom('text_alignments').where('translation_asset_id', '=', translationAssetId).execute();
      if (pairs.length === 0) return;
      await db
        .insertInto('text_alignments')
        .values(
          pairs.map((pair, position) => {
            const original = ends(pair.original);
            const translation = ends(pair.translation);
            return {
              translation_asset_id: translationAssetId,
              original_asset_id: originalAssetId,
              position,
              original_first: original.first,
              original_last: original.last,
              translation_first: translation.first,
              translation_last: translation.last,
            };
          }),
        )
        .execute();
    },
  };
}
