import { z } from 'zod';
import { curatedStatuses } from '../../database/tables.ts';
import { documentRefSchema } from '../documents/documents.schemas.ts';
import { slugSchema } from '../themes/themes.schemas.ts';

/**
 * A reader in the record format (`"type": "reader"` lines of an import file, written by export too):
 * documents in a teaching order, each with the editor's note, and an introduction. The workspace form
 * builds the same object.
 */
export const readerItemSchema = z.object({
  document: documentRefSchema,
  note: z
    .string()
    .trim()
    .max(20_000, 'must be at most 20000 characters')
    .nullish()
    .transform((value) => value || null)
    .meta({ description: 'plain text; blank lines separate paragraphs' }),
});

export const readerRecordSchema = z.object({
  type: z.literal('reader'),
  slug: slugSchema.optional(),
  title: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  compiler: z
    .string()
    .trim()
    .max(300, 'must be at most 300 characters')
    .nullish()
    .transform((value) => value || null)
    .meta({ description: 'who compiled it, as cited: a name, or several joined by "and"' }),
  introduction: z
    .string()
    .trim()
    .max(200_000)
    .nullish()
    .transform((value) => value || null)
    .meta({ description: 'HTML, sanitised on import' }),
  status: z.enum(curatedStatuses).default('draft'),
  items: z.array(readerItemSchema).max(500).default([]),
});
export type ReaderRecord = z.output<typeof readerRecordSchema>;
