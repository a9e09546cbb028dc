import { z } from 'zod';
import {
  agentRoles,
  assetKinds,
  authorityKinds,
  creditRoles,
  datePrecisions,
  linkRoles,
} from '../../database/tables.ts';

/**
 * The shapes the public API answers with, in zod, so the OpenAPI document is generated from the same
 * definitions the tests check real responses against: the description cannot drift from the API.
 */

export const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .meta({ id: 'Error', description: 'Every error answer: a stable dotted code and a sentence.' });

const url = z.string().meta({ description: 'absolute URL' });

export const dateSchema = z
  .object({
    display: z.string().meta({ description: 'as a reader sees it: "9 August 1962", "c. 1962"' }),
    iso: z
      .string()
      .meta({ description: 'ISO 8601 (EDTF-style span start/end when not one day, month or year)' }),
    start: z.string().meta({ description: 'first day the date can mean, YYYY-MM-DD' }),
    end: z.string().meta({ description: 'last day the date can mean, YYYY-MM-DD' }),
    precision: z.enum(datePrecisions),
    circa: z.boolean(),
    time: z.string().nullable().meta({ description: 'local time as written, HH:MM' }),
  })
  .nullable()
  .meta({ id: 'HistoricalDate' });

export const nameVariantSchema = z.object({ name: z.string(), language: z.string().nullable() });

export const authorityRefSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(authorityKinds),
    name: z.string(),
    variants: z.array(nameVariantSchema),
    url,
  })
  .meta({ id: 'AuthorityRef' });

export const documentSummarySchema = z
  .object({
    id: z.number().int().meta({ description: 'record ID, permanent and never reused' }),
    externalId: z.string().nullable(),
    title: z.string(),
    date: dateSchema,
    url,
  })
  .meta({ id: 'DocumentSummary' });

export const documentListSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    documents: z.array(documentSummarySchema),
  })
  .meta({ id: 'DocumentList' });

export const documentSchema = z
  .object({
    id: z.number().int(),
    externalId: z.string().nullable(),
    url,
    title: z.string(),
    subtitle: z.string().nullable(),
    summary: z.string().nullable(),
    date: dateSchema,
    placeOfOrigin: z.string().nullable(),
    type: z.string().nullable(),
    classifications: z.array(z.string()),
    languages: z.array(z.string()).meta({ description: 'BCP 47 tags of the original' }),
    repository: authorityRefSchema.nullable(),
    archivalReference: z.string().nullable(),
    program: z.string().nullable(),
    credits: z.array(z.object({ role: z.enum(creditRoles), name: z.string() })),
    rights: z.string().nullable(),
    funders: z.array(authorityRefSchema),
    subjects: z.array(authorityRefSchema),
    places: z.array(authorityRefSchema),
    agents: z.array(authorityRefSchema.extend({ role: z.enum(agentRoles) })),
    collections: z.array(authorityRefSchema),
    related: z.array(documentSummarySchema),
    attachments: z.array(documentSummarySchema),
    attachedTo: z.array(documentSummarySchema),
    assets: z.array(
      z.object({
        id: z.number().int(),
        kind: z.enum(assetKinds),
        language: z.string().nullable(),
        label: z.string().nullable(),
        translator: z.string().nullable(),
        mediaType: z.string().nullable(),
        fileName: z.string().nullable(),
        byteSize: z.number().int().nullable(),
        pageCount: z.number().int().nullable(),
        url: url.nullable(),
        html: z.string().nullable().meta({ description: 'sanitised HTML of transcripts and translations' }),
        updatedAt: z.string(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
    processing: z
      .object({ state: z.string(), progress: z.unknown(), scans: z.array(z.unknown()) })
      .meta({ description: 'how far scans are from searchable text and page images' }),
  })
  .meta({ id: 'Document' });

export const authoritySummarySchema = authorityRefSchema
  .extend({
    slug: z.string(),
    parentId: z.number().int().nullable(),
    note: z.string().nullable(),
    dates: z.string().nullable().meta({ description: 'life or founding dates as written' }),
    apiUrl: url,
  })
  .meta({ id: 'AuthoritySummary' });

export const authorityListSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    authorities: z.array(authoritySummarySchema),
  })
  .meta({ id: 'AuthorityList' });

export const linkedDocumentSchema = documentSummarySchema
  .extend({
    summary: z.string().nullable(),
    roles: z
      .array(z.enum([...linkRoles, 'repository']))
      .meta({ description: 'how the document names the authority' }),
  })
  .meta({ id: 'LinkedDocument' });

export const authorityDetailSchema = authoritySummarySchema
  .extend({
    ancestors: z.array(authoritySummarySchema).meta({ description: 'nearest first' }),
    children: z.array(authoritySummarySchema),
    documents: z.object({
      total: z.number().int(),
      page: z.number().int(),
      perPage: z.number().int(),
      items: z.array(linkedDocumentSchema),
    }),
  })
  .meta({ id: 'AuthorityDetail' });

export type CollectionNode = z.output<typeof authoritySummarySchema> & {
  documentCount: number;
  children: CollectionNode[];
};

export const collectionNodeSchema: z.ZodType<CollectionNode> = authoritySummarySchema
  .extend({
    documentCount: z
      .number()
      .int()
      .meta({ description: 'published documents in it and in collections nested in it' }),
    get children() {
      return z.array(collectionNodeSchema);
    },
  })
  .meta({ id: 'CollectionNode' });

export const collectionListSchema = z
  .object({
    total: z.number().int().meta({ description: 'top-level collections' }),
    page: z.number().int(),
    perPage: z.number().int(),
    collections: z.array(collectionNodeSchema),
  })
  .meta({ id: 'CollectionList' });

export const authorityQuerySchema = z.object({
  kind: z.enum(authorityKinds).optional().meta({ description: 'only authorities of this kind' }),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  per_page: z.coerce.number().int().min(1).max(100).catch(20).default(20),
});

export const collectionDetailSchema = authorityDetailSchema
  .extend({
    documentCount: z
      .number()
      .int()
      .meta({ description: 'published documents in it and in collections nested in it' }),
    children: z
      .array(collectionNodeSchema)
      .meta({ description: 'nested collections, recursively, with counts' }),
  })
  .meta({ id: 'CollectionDetail' });
