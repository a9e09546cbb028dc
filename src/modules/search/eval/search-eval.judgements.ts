import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The judged query set (judgements.json beside this file): queries typed as researchers type them,
 * each with the documents judged relevant to it by reading them, keyed by the external ID the
 * importers give. How the judging was done is written in the file's `about`.
 */

const judgedQuerySchema = z.object({
  id: z.string().regex(/^q\d{2,}$/),
  query: z.string().min(1),
  /** What kind of query it is (name, topic, misspelling, cross-language...), for the breakdown. */
  kinds: z.array(z.string().min(1)).min(1),
  /** What the researcher is after, in our words. */
  need: z.string().min(1),
  relevant: z
    .record(z.string().min(1), z.union([z.literal(1), z.literal(2)]))
    .refine((grades) => Object.keys(grades).length > 0, 'every query needs at least one relevant document'),
});

const judgementFileSchema = z.object({
  about: z.array(z.string()),
  corpus: z.string(),
  queries: z
    .array(judgedQuerySchema)
    .min(40)
    .refine((queries) => new Set(queries.map((q) => q.id)).size === queries.length, 'query IDs repeat'),
});

export type JudgedQuery = z.infer<typeof judgedQuerySchema>;

export const judgementsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'judgements.json');

export function loadJudgements(file = judgementsFile): JudgedQuery[] {
  return judgementFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).queries;
}
