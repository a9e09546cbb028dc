import { z } from 'zod';
import type { Config } from '../../config/config.ts';
import { authorityKinds } from '../../database/tables.ts';
import * as apiSchemas from './api.schemas.ts';
import {
  authorityDetailSchema,
  authorityListSchema,
  collectionDetailSchema,
  collectionListSchema,
  documentListSchema,
  documentSchema,
} from './api.schemas.ts';

type Parameter = {
  name: string;
  in: 'query' | 'path';
  description: string;
  schema: z.ZodType;
  required?: boolean;
};

export type Endpoint = {
  path: string;
  summary: string;
  description: string;
  parameters: Parameter[];
  /** A response schema from api.schemas.ts, or a plain description for endpoints described elsewhere. */
  response: z.ZodType | { description: string };
  example: string;
};

const page: Parameter = {
  name: 'page',
  in: 'query',
  description: 'page number, from 1',
  schema: z.number().int().min(1).default(1),
};
const perPage: Parameter = {
  name: 'per_page',
  in: 'query',
  description: 'items per page, 1 to 100',
  schema: z.number().int().min(1).max(100).default(20),
};

/** Every public JSON endpoint; the OpenAPI document and the /api page are both made from this list. */
export const endpoints: Endpoint[] = [
  {
    path: '/api/v1/documents',
    summary: 'List published documents',
    description: 'All published records, in record ID order, with the total count.',
    parameters: [page, perPage],
    response: documentListSchema,
    example: '/api/v1/documents?per_page=50&page=2',
  },
  {
    path: '/api/v1/documents/{id}',
    summary: 'One published document',
    description:
      'The whole record: metadata, people and places with every name form, related records, files and texts. A withdrawn record answers 410 with the reason.',
    parameters: [
      { name: 'id', in: 'path', required: true, description: 'record ID', schema: z.number().int().min(1) },
    ],
    response: documentSchema,
    example: '/api/v1/documents/1',
  },
  {
    path: '/api/v1/documents/{id}/similar',
    summary: 'Related and similar documents',
    description:
      'The related records the editors linked, from either side (direction from-here or to-here), and the published documents most similar to this one by distinctive words and shared people, organizations, places and subjects, best first with a score from 0 to 1.',
    parameters: [
      { name: 'id', in: 'path', required: true, description: 'record ID', schema: z.number().int().min(1) },
      {
        name: 'limit',
        in: 'query',
        description: 'how many similar documents, 1 to 20',
        schema: z.number().int().min(1).max(20).default(5),
      },
    ],
    response: {
      description: 'the related records and the similar documents, each with its title, date and URL',
    },
    example: '/api/v1/documents/1/similar?limit=10',
  },
  {
    path: '/api/v1/search',
    summary: 'Search',
    description:
      'Full-text search with facets. Parameters: q (query language: "phrases", -exclusions, OR), language, place, person, subject, collection, type, from, to (years or dates), sort (relevance, date, date-desc, title, added), page, per_page (20, 50 or 100), facets=0.',
    parameters: [
      { name: 'q', in: 'query', description: 'the query', schema: z.string() },
      {
        name: 'from',
        in: 'query',
        description: 'earliest historical date (1962, 1962-08)',
        schema: z.string(),
      },
      { name: 'to', in: 'query', description: 'latest historical date', schema: z.string() },
      {
        name: 'sort',
        in: 'query',
        description: 'relevance, date, date-desc, title or added',
        schema: z.string(),
      },
      page,
    ],
    response: { description: 'hits with snippets, facet counts and the total' },
    example: '/api/v1/search?q=border&language=zh&from=1960&to=1965',
  },
  {
    path: '/api/v1/collections',
    summary: 'Collections as a tree',
    description:
      'Top-level collections, each with its nested collections and the number of published documents in it and below it.',
    parameters: [page, perPage],
    response: collectionListSchema,
    example: '/api/v1/collections',
  },
  {
    path: '/api/v1/collections/{slug}',
    summary: 'One collection',
    description:
      'A collection with its ancestors, nested collections and the published documents filed in it.',
    parameters: [
      {
        name: 'slug',
        in: 'path',
        required: true,
        description: 'the collection’s name in URLs',
        schema: z.string(),
      },
      page,
      perPage,
    ],
    response: collectionDetailSchema,
    example: '/api/v1/collections/cold-war',
  },
  {
    path: '/api/v1/authorities',
    summary: 'People, organizations, places, subjects…',
    description: 'Authority records that published documents lead to, with every name form.',
    parameters: [
      { name: 'kind', in: 'query', description: 'only this kind', schema: z.enum(authorityKinds) },
      page,
      perPage,
    ],
    response: authorityListSchema,
    example: '/api/v1/authorities?kind=person&page=1',
  },
  {
    path: '/api/v1/authorities/{id}',
    summary: 'One authority',
    description:
      'An authority with its name variants, place in a hierarchy and the published documents naming it, with roles.',
    parameters: [
      {
        name: 'id',
        in: 'path',
        required: true,
        description: 'authority ID',
        schema: z.number().int().min(1),
      },
      page,
      perPage,
    ],
    response: authorityDetailSchema,
    example: '/api/v1/authorities/1',
  },
];

/** Every named shape of api.schemas.ts becomes a component, so nested references resolve too. */
const componentSchemas: z.ZodType[] = [];
for (const value of Object.values(apiSchemas) as unknown[]) {
  if (value instanceof z.ZodType) componentSchemas.push(value);
}

const idOf = (schema: z.ZodType): string | undefined => {
  const id = z.globalRegistry.get(schema)?.id;
  return typeof id === 'string' ? id : undefined;
};

/** Components generated from the zod schemas, with references between them. */
function components(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const seen = new Set<z.ZodType>();
  const add = (schema: z.ZodType) => {
    const id = idOf(schema);
    if (id && !seen.has(schema)) {
      seen.add(schema);
      registry.add(schema, { id });
    }
  };
  componentSchemas.forEach(add);
  const generated = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
    io: 'output',
  });
  return Object.fromEntries(
    Object.entries(generated.schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

const inline = (schema: z.ZodType) => {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, {
    unrepresentable: 'any',
    io: 'input',
  }) as Record<string, unknown>;
  return rest;
};

/** The OpenAPI 3.1 description of the public API. */
export function openApiDocument(config: Pick<Config, 'baseUrl' | 'archiveName' | 'apiRateLimit'>) {
  const schemas = components();
  const error = {
    description: 'error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  const paths: Record<string, unknown> = {};
  for (const endpoint of endpoints) {
    const id = 'description' in endpoint.response ? undefined : idOf(endpoint.response as z.ZodType);
    paths[endpoint.path] = {
      get: {
        summary: endpoint.summary,
        description: endpoint.description,
        parameters: endpoint.parameters.map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required ?? false,
          description: p.description,
          schema: inline(p.schema),
        })),
        responses: {
          '200': {
            description: endpoint.summary,
            content: {
              'application/json': id
                ? { schema: { $ref: `#/components/schemas/${id}` } }
                : {
                    schema: {
                      type: 'object',
                      description: (endpoint.response as { description: string }).description,
                    },
                  },
            },
          },
          '304': { description: 'not modified (the If-None-Match ETag still matches)' },
          '400': error,
          '404': error,
          '429': {
            ...error,
            description: `too many requests (more than ${config.apiRateLimit} a minute from one address); see Retry-After`,
          },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${config.archiveName} API`,
      version: '1',
      description:
        'Read-only, open JSON API. No key needed; cross-origin requests are allowed; answers carry weak ETags. Only published records are visible.',
    },
    servers: [{ url: config.baseUrl }],
    paths,
    components: { schemas },
  };
}
