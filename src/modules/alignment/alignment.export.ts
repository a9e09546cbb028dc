import type { StoredAsset } from '../documents/documents.repository.ts';
import type { StoredAlignment } from './alignment.repository.ts';

/**
 * A translation's stored alignment as the import format writes it, naming its transcript by language
 * when that is known (an import picks the first transcript otherwise, which is what a document with
 * one transcript has). Undefined when nothing is stored: the reader pairs paragraphs in order.
 */
export function exportedAlignment(
  asset: StoredAsset,
  assets: StoredAsset[],
  alignments: Map<number, StoredAlignment>,
): { original?: string; pairs: StoredAlignment['pairs'] } | undefined {
  const stored = asset.kind === 'translation' ? alignments.get(asset.id) : undefined;
  if (!stored || stored.pairs.length === 0) return undefined;
  const language = assets.find((a) => a.id === stored.originalAssetId)?.language;
  return language ? { original: language, pairs: stored.pairs } : { pairs: stored.pairs };
}
