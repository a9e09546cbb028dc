import { z } from 'zod';
import {
  agentRoles,
  assetKinds,
  authorityKinds,
  creditRoles,
  datePrecisions,
  documentStatuses,
} from '../../database/tables.ts';
import { alignmentInputSchema } from '../alignment/alignment.schemas.ts';
import { normalizeLanguage } from '../shared/languages.ts';
import {
  type HistoricalDate,
  InvalidDateError,
  makeHistoricalDate,
  parseHistoricalDate,
} from './historical-date.ts';

/**
 * The record format: what `chancery import` reads, `chancery export` writes and the JSON API returns
 * for one document. One schema serves all three so they never drift apart; docs/import-format.md and
 * its JSON Schema are generated from here.
 */

const trimmed = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value === '' || value === undefined ? null : value));

export const languageSchema = z
  .string()
  .transform((value, context) => {
    const tag = normalizeLanguage(value);
    if (!tag) {
      context.addIssue({
        code: 'custom',
        message: `"${value}" is not a language code (use ISO 639, e.g. en, zh, ru)`,
      });
      return z.NEVER;
    }
    return tag;
  })
  .meta({
    description: 'BCP 47 / ISO 639-1 tag (`zh`, `ru`, `en`); ISO 639-2 codes (`chi`, `rus`) are accepted.',
  });

const dateObjectSchema = z.object({
  start: z.string().meta({ description: 'YYYY, YYYY-MM, YYYY-MM-DD or a decade such as 1960s' }),
  end: z
    .string()
    .optional()
    .meta({ description: 'last day, month or year the date can mean; defaults from start' }),
  precision: z.enum(datePrecisions).optional(),
  circa: z.boolean().optional(),
  time: z.string().nullish().meta({ description: 'time of day, HH:MM (24-hour)' }),
});

export const historicalDateSchema = z
  .union([
    z.string().meta({ description: 'short form: 1962-08-09, 1962-08, 1962, 1960s, c. 1962, 1961/1963' }),
    dateObjectSchema,
  ])
  .transform((value, context): HistoricalDate => {
    try {
      return typeof value === 'string'
        ? parseHistoricalDate(value)
        : makeHistoricalDate({ ...value, time: value.time ?? null });
    } catch (error) {
      if (!(error instanceof InvalidDateError)) throw error;
      context.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  });

export const nameVariantSchema = z.union([
  trimmed(500).transform((name) => ({ name, language: null })),
  z.object({ name: trimmed(500), language: languageSchema.nullish().transform((v) => v ?? null) }),
]);

/**
 * A reference to an authority record: matched by `id` when given, else by name (any variant) within its
 * kind; created when nothing matches. A bare string is a name.
 */
const authorityFields = {
  id: z.number().int().positive().optional(),
  name: trimmed(500),
  variants: z.array(nameVariantSchema).max(100).default([]),
  note: optionalText(10_000),
  dates: optionalText(200),
  parent: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .nullish()
    .meta({ description: 'name of the parent place or collection' }),
};
export const authorityRefSchema = z.union([
  trimmed(500).transform(
    (name) => ({ name, variants: [], note: null, dates: null, parent: null }) as AuthorityRefShape,
  ),
  z.object(authorityFields),
]);
type AuthorityRefShape = {
  id?: number;
  name: string;
  variants: { name: string; language: string | null }[];
  note: string | null;
  dates: string | null;
  parent?: string | null;
};
export type AuthorityRef = z.output<typeof authorityRefSchema>;

export const agentRefSchema = z.object({
  ...authorityFields,
  kind: z.enum(['person', 'organization']).default('person'),
  role: z.enum(agentRoles).default('mentioned'),
});
export type AgentRef = z.output<typeof agentRefSchema>;

export const documentRefSchema = z
  .union([
    z
      .number()
      .int()
      .positive()
      .transform((id) => ({ id })),
    z.object({ id: z.number().int().positive().optional(), externalId: trimmed(300).optional() }),
  ])
  .refine((ref) => 'id' in ref || 'externalId' in ref, 'give the record ID or the external ID')
  .meta({ description: 'another document, by record ID or external ID' });
export type DocumentRef = z.output<typeof documentRefSchema>;

export const assetInputSchema = z
  .object({
    kind: z.enum(assetKinds),
    language: languageSchema.nullish().transform((v) => v ?? null),
    label: optionalText(200),
    translator: optionalText(500),
    html: z
      .string()
      .max(5_000_000)
      .optional()
      .meta({ description: 'transcript or translation as HTML; it is sanitised' }),
    text: z
      .string()
      .max(5_000_000)
      .optional()
      .meta({ description: 'transcript or translation as plain text' }),
    file: trimmed(1000)
      .optional()
      .meta({ description: 'path of the file (scan, or text source), relative to the import file' }),
    fileName: trimmed(255)
      .optional()
      .meta({ description: 'name readers see when they download the file; defaults to the name of `file`' }),
    mediaType: z
      .string()
      .trim()
      .max(200)
      .optional()
      .meta({ description: 'informative only: the type is decided from the file content' }),
    pageCount: z.number().int().positive().max(100_000).optional(),
    alignment: alignmentInputSchema.optional(),
  })
  .superRefine((asset, context) => {
    if (asset.alignment && asset.kind !== 'translation') {
      context.addIssue({
        code: 'custom',
        path: ['alignment'],
        message: 'only a translation has an alignment',
      });
    }
    if (asset.kind === 'scan' && !asset.file) {
      context.addIssue({ code: 'custom', path: ['file'], message: 'a scan needs a file' });
    }
    if (asset.kind !== 'scan' && asset.html === undefined && asset.text === undefined && !asset.file) {
      context.addIssue({
        code: 'custom',
        path: ['html'],
        message: 'a transcript or translation needs html, text or a file',
      });
    }
    if (asset.html !== undefined && asset.text !== undefined) {
      context.addIssue({ code: 'custom', path: ['text'], message: 'give html or text, not both' });
    }
  });
export type AssetInput = z.output<typeof assetInputSchema>;

export const documentRecordSchema = z
  .object({
    id: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: 'record ID; kept on import when it is free' }),
    externalId: trimmed(300)
      .nullish()
      .meta({ description: 'identifier in the source; re-importing it updates the record' }),
    status: z.enum(documentStatuses).default('published'),
    title: trimmed(2000),
    subtitle: optionalText(2000),
    summary: optionalText(20_000),
    date: historicalDateSchema.nullish().transform((v) => v ?? null),
    placeOfOrigin: optionalText(500),
    type: optionalText(100).meta({ description: 'minutes, cable, memorandum, letter, report, ...' }),
    classifications: z.array(trimmed(100)).max(20).default([]),
    languages: z.array(languageSchema).max(20).default([]).meta({ description: 'languages of the original' }),
    repository: authorityRefSchema.nullish().transform((v) => v ?? null),
    archivalReference: optionalText(1000),
    program: optionalText(500),
    credits: z
      .array(z.object({ role: z.enum(creditRoles), name: trimmed(500) }))
      .max(50)
      .default([]),
    funders: z.array(authorityRefSchema).max(50).default([]),
    rights: optionalText(5000),
    subjects: z.array(authorityRefSchema).max(200).default([]),
    places: z.array(authorityRefSchema).max(200).default([]),
    agents: z
      .array(agentRefSchema)
      .max(500)
      .default([])
      .meta({ description: 'people and organizations with roles' }),
    collections: z.array(authorityRefSchema).max(50).default([]),
    related: z.array(documentRefSchema).max(200).default([]),
    attachments: z.array(documentRefSchema).max(200).default([]),
    assets: z.array(assetInputSchema).max(200).default([]),
    withdrawalReason: optionalText(5000),
    scheduledFor: z.iso
      .datetime({ offset: true })
      .nullish()
      .transform((v) => (v ? new Date(v).toISOString() : null))
      .meta({ description: 'when a `scheduled` document is published (ISO 8601 with time zone)' }),
    createdAt: z.iso.datetime().optional(),
    updatedAt: z.iso.datetime().optional(),
    publishedAt: z.iso.datetime().nullish(),
  })
  .superRefine((record, context) => {
    if (record.status === 'scheduled' && !record.scheduledFor) {
      context.addIssue({
        code: 'custom',
        path: ['scheduledFor'],
        message: 'a scheduled document needs the date and time of its publication',
      });
    }
  });
export type DocumentRecordInput = z.input<typeof documentRecordSchema>;
export type DocumentRecord = z.output<typeof documentRecordSchema>;

/** Authority lines in an import file define authorities ahead of the documents that use them. */
export const authorityRecordSchema = z.object({
  type: z.literal('authority'),
  kind: z.enum(authorityKinds),
  ...authorityFields,
  slug: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\p{L}\p{N}-]+$/u)
    .optional(),
  position: z
    .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .nullish()
    .meta({
      description: 'places: where theme maps draw them, in decimal degrees (north and east positive)',
    }),
  image: z
    .object({
      file: z.string().trim().min(1).max(1000).meta({ description: 'path relative to the import file' }),
      alt: z
        .string()
        .trim()
        .min(1)
        .max(300)
        .meta({ description: 'text alternative for readers who cannot see it' }),
    })
    .nullish()
    .meta({ description: 'collections: a PNG, JPEG, GIF or WebP picture' }),
});
export type AuthorityRecord = z.output<typeof authorityRecordSchema>;

export const paginationSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  per_page: z.coerce.number().int().min(1).max(100).catch(20).default(20),
});
