import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  agentRefSchema,
  assetInputSchema,
  authorityRecordSchema,
  documentRecordSchema,
} from '../documents/documents.schemas.ts';
import { readerRecordSchema } from '../readers/readers.schemas.ts';
import { themeRecordSchema } from '../themes/themes.schemas.ts';
import { importJsonSchemaText, importSchemaPath } from './import-export.json-schema.ts';
import { unknownFields } from './import-export.unknown-fields.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const guide = fs.readFileSync(path.join(root, 'docs/import-format.md'), 'utf8');

/** The complete example files of the guide: its ```json and ```jsonl blocks (```jsonc are fragments). */
function exampleRecords(): { example: string; record: Record<string, unknown> }[] {
  const records: { example: string; record: Record<string, unknown> }[] = [];
  for (const [, language, body] of guide.matchAll(/```(jsonl|json)\n([\s\S]*?)```/g)) {
    const example = body!.split('\n')[0]!.slice(0, 60);
    if (language === 'jsonl') {
      for (const line of body!.split('\n').filter((l) => l.trim() !== ''))
        records.push({ example, record: JSON.parse(line) });
      continue;
    }
    const value = JSON.parse(body!);
    const list = Array.isArray(value)
      ? value
      : 'documents' in value || 'authorities' in value
        ? [
            ...(value.authorities ?? []).map((a: object) => ({ type: 'authority', ...a })),
            ...(value.documents ?? []),
          ]
        : [value];
    for (const record of list) records.push({ example, record });
  }
  return records;
}

describe('the import format documentation', () => {
  it('ships the JSON Schema generated from the current record schemas (run npm run docs:schema)', () => {
    const committed = fs.readFileSync(path.join(root, importSchemaPath), 'utf8');
    expect(committed).toBe(importJsonSchemaText());
  });

  it('gives examples that the importer accepts without errors or warnings', () => {
    const records = exampleRecords();
    expect(records.length).toBeGreaterThan(4);
    for (const { example, record } of records) {
      const schema =
        record.type === 'authority'
          ? authorityRecordSchema
          : record.type === 'theme'
            ? themeRecordSchema
            : record.type === 'reader'
              ? readerRecordSchema
              : documentRecordSchema;
      const result = schema.safeParse(record);
      expect(result.error?.issues, example).toBeUndefined();
      expect(
        unknownFields(schema, record).filter((field) => field !== 'type' || schema !== authorityRecordSchema),
        example,
      ).toEqual([]);
    }
  });

  it('describes every field of the record format', () => {
    const fields = new Set([
      ...Object.keys(documentRecordSchema.shape),
      ...Object.keys(assetInputSchema.shape),
      ...Object.keys(authorityRecordSchema.shape),
      ...Object.keys(agentRefSchema.shape),
      ...Object.keys(themeRecordSchema.shape),
      ...Object.keys(readerRecordSchema.shape),
    ]);
    const undocumented = [...fields].filter((field) => !new RegExp(`^\\| \`${field}\``, 'm').test(guide));
    expect(undocumented).toEqual([]);
  });
});
