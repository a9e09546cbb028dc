import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';
import { countParagraphs } from '../documents/page/paragraph-anchors.ts';
import { normalizeLanguage } from '../shared/languages.ts';
import { alignmentProblems } from './alignment.model.ts';
import { createAlignmentRepository } from './alignment.repository.ts';
import type { AlignmentInput } from './alignment.schemas.ts';

/** What storing needs of each asset being saved, in the order the assets were given. */
type AssetWithAlignment = { kind: string; alignment?: AlignmentInput | undefined };

/** A problem with one asset's alignment, named by its field path in the record. */
export class AlignmentProblem extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/**
 * Writes the alignments a save carries, inside the save's transaction and after its asset rows are in
 * place (the n-th asset given is the row at position n). A translation without `alignment` keeps what
 * is stored for it, so forms that do not show alignments never erase them; an empty list of pairs
 * goes back to paragraph order. Pairs are checked against the paragraphs the texts really have.
 */
export async function storeAlignments(
  db: Kysely<Database>,
  documentId: number,
  assets: AssetWithAlignment[],
): Promise<void> {
  if (!assets.some((a) => a.alignment !== undefined)) return;
  const rows = await db
    .selectFrom('assets')
    .select(['id', 'kind', 'language', 'html', 'position'])
    .where('document_id', '=', documentId)
    .orderBy('position')
    .execute();
  const alignments = createAlignmentRepository({ db });
  for (const [index, asset] of assets.entries()) {
    const { alignment } = asset;
    if (alignment === undefined) continue;
    const field = `assets[${index}].alignment`;
    const translation = rows.find((r) => r.position === index);
    if (translation?.kind !== 'translation' || asset.kind !== 'translation') {
      throw new AlignmentProblem(field, 'only a translation can be aligned with the original');
    }
    const wanted = alignment.original ? normalizeLanguage(alignment.original) : undefined;
    const transcripts = rows.filter((r) => r.kind === 'transcript' && r.html);
    const original = wanted
      ? transcripts.find((r) => r.language?.toLowerCase() === wanted.toLowerCase())
      : transcripts[0];
    if (!original) {
      throw new AlignmentProblem(
        field,
        wanted
          ? `the document has no transcript in "${wanted}" to align with`
          : 'the document has no original-language transcript to align with',
      );
    }
    const problem = alignmentProblems(alignment.pairs, {
      original: countParagraphs(original.html ?? ''),
      translation: countParagraphs(translation.html ?? ''),
    })[0];
    if (problem) throw new AlignmentProblem(`${field}.pairs[${problem.index}]`, problem.message);
    await alignments.replace(translation.id, original.id, alignment.pairs);
  }
}
