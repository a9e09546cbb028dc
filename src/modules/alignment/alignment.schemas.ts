import { z } from 'zod';
import { type AlignedPair, alignmentProblems } from './alignment.model.ts';

/** Most pairs one translation may carry: far beyond any document, and within one SQL insert. */
export const maxAlignedPairs = 2000;

const paragraphNumbers = z
  .array(z.number().int().min(1).max(1_000_000))
  .max(1000)
  .meta({ description: 'consecutive paragraph numbers (the `#p-<n>` anchors); empty for nothing' });

export const alignedPairSchema = z
  .object({ original: paragraphNumbers.default([]), translation: paragraphNumbers.default([]) })
  .strict();

/**
 * The `alignment` of a translation in the import format: which paragraphs face which, against the
 * original-language transcript (the first transcript, or the first in the language `original` names).
 */
export const alignmentInputSchema = z
  .object({
    original: z.string().trim().min(1).max(50).optional().meta({
      description: 'language of the transcript this translation is aligned with, when there are several',
    }),
    pairs: z.array(alignedPairSchema).max(maxAlignedPairs),
  })
  .strict()
  .superRefine((alignment, context) => {
    for (const problem of alignmentProblems(alignment.pairs as AlignedPair[])) {
      context.addIssue({ code: 'custom', path: ['pairs', problem.index], message: problem.message });
    }
  })
  .meta({
    description:
      'paragraph alignment of a translation with the original transcript, for reading side by side; pairs in reading order',
  });
export type AlignmentInput = z.output<typeof alignmentInputSchema>;
