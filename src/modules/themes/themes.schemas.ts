import { z } from 'zod';
import { curatedStatuses } from '../../database/tables.ts';
import { authorityRefSchema, historicalDateSchema } from '../documents/documents.schemas.ts';

/**
 * A theme in the record format (`"type": "theme"` lines of an import file, written by export too):
 * a group of collections with an overview and a timeline of events editors wrote. The workspace form
 * builds the same object, so both go through one set of rules.
 */

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));

export const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N}-]+$/u, 'use letters, digits and hyphens')
  .meta({ description: 'the last part of the address; made from the title when left out' });

/** An absolute http(s) address, or a path on this site (`/documents/12`). */
export const linkSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    if (/^\/(?!\/)[^\s]*$/.test(value)) return true;
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) address or a path on this site starting with /');

export const themeEventSchema = z.object({
  date: historicalDateSchema,
  title: text(300),
  description: optional(5000),
  link: linkSchema
    .nullish()
    .or(z.literal(''))
    .transform((value) => value || null),
});
export type ThemeEventInput = z.output<typeof themeEventSchema>;

export const themeRecordSchema = z.object({
  type: z.literal('theme'),
  slug: slugSchema.optional(),
  title: text(300),
  summary: optional(1000).meta({ description: 'one or two sentences for lists' }),
  overview: optional(200_000).meta({ description: 'HTML, sanitised on import' }),
  status: z.enum(curatedStatuses).default('draft'),
  collections: z
    .array(authorityRefSchema)
    .max(100)
    .default([])
    .meta({ description: 'collections by ID or name; they must exist' }),
  events: z.array(themeEventSchema).max(500).default([]),
});
export type ThemeRecord = z.output<typeof themeRecordSchema>;
