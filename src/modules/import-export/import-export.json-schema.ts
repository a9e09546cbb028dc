import { z } from 'zod';
import {
  agentRefSchema,
  assetInputSchema,
  authorityRecordSchema,
  authorityRefSchema,
  documentRecordSchema,
  documentRefSchema,
  historicalDateSchema,
  languageSchema,
  nameVariantSchema,
} from '../documents/documents.schemas.ts';
import { readerRecordSchema } from '../readers/readers.schemas.ts';
import { themeRecordSchema } from '../themes/themes.schemas.ts';

/** Where the generated schema is committed; a test fails when it no longer matches the zod schemas. */
export const importSchemaPath = 'docs/import-format.schema.json';

/**
 * The JSON Schema of the import format, generated from the zod schemas the importer validates with,
 * so the two cannot drift apart. It describes what people write (`io: 'input'`): short forms such as
 * a date string or an authority given by name are allowed, defaults are optional. Rules that need
 * code (a valid calendar date, a known language code) are only described here; the importer checks
 * them and names the line and field when they fail.
 */
export function buildImportJsonSchema(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const parts = {
    document: documentRecordSchema,
    authority: authorityRecordSchema,
    theme: themeRecordSchema,
    reader: readerRecordSchema,
    // In the "authorities" list of a .json file the type is implied.
    listedAuthority: authorityRecordSchema.extend({ type: z.literal('authority').optional() }),
    asset: assetInputSchema,
    authorityRef: authorityRefSchema,
    agentRef: agentRefSchema,
    documentRef: documentRefSchema,
    nameVariant: nameVariantSchema,
    historicalDate: historicalDateSchema,
    language: languageSchema,
  };
  for (const [id, schema] of Object.entries(parts)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/$defs/${id}`,
  });

  const defs: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
    defs[id] = rest;
  }
  defs.line = {
    description:
      'One line of a JSON Lines (.jsonl) file: an authority (with "type": "authority"), a theme ("type": "theme"), ' +
      'a reader ("type": "reader") or a document.',
    anyOf: [
      { $ref: '#/$defs/authority' },
      { $ref: '#/$defs/theme' },
      { $ref: '#/$defs/reader' },
      { $ref: '#/$defs/document' },
    ],
  };

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Chancery import file',
    description:
      'A .json import file: an array of records, an object with "authorities" and "documents" arrays, or one ' +
      'document. In a .jsonl file every non-empty line is one record and validates against #/$defs/line. ' +
      'See docs/import-format.md. Generated from the record schemas by `npm run docs:schema`; do not edit.',
    anyOf: [
      { type: 'array', items: { $ref: '#/$defs/line' } },
      {
        type: 'object',
        properties: {
          authorities: {
            type: 'array',
            items: { $ref: '#/$defs/listedAuthority' },
          },
          documents: { type: 'array', items: { $ref: '#/$defs/line' } },
        },
        additionalProperties: false,
      },
      { $ref: '#/$defs/document' },
    ],
    $defs: defs,
  };
}

/** The schema file's exact text: stable key order from the schemas, two-space indent, final newline. */
export const importJsonSchemaText = (): string => `${JSON.stringify(buildImportJsonSchema(), null, 2)}\n`;
