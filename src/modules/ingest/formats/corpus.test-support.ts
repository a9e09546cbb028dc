import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { documentRecordSchema } from '../../documents/documents.schemas.ts';
import type { FormatItem, FormatProblem, FormatRecord } from './format.ts';

/**
 * Helpers for tests that read the development corpus (../shared/corpus beside the repository) at run
 * time. The corpus is never copied into the project; without it those tests are skipped with a note.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const corpusRoot = path.resolve(repoRoot, '../shared/corpus');
export const hasCorpus = fs.existsSync(path.join(corpusRoot, 'records-index.csv'));
export const corpusSkipNote = `the development corpus is not at ${corpusRoot}; corpus tests are skipped`;
if (!hasCorpus) console.warn(corpusSkipNote);

export type IndexRow = { subset: string; record_id: string; file: string; title: string; date: string };

export function corpusIndex(subset: string): IndexRow[] {
  const rows = parse(fs.readFileSync(path.join(corpusRoot, 'records-index.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as IndexRow[];
  return rows.filter((row) => row.subset === subset);
}

export async function collect(items: AsyncIterable<FormatItem>) {
  const records: FormatRecord[] = [];
  const problems: FormatProblem[] = [];
  for await (const item of items) {
    if (item.kind === 'record') records.push(item);
    else problems.push(item);
  }
  return { records, problems };
}

/** The records that the import pipeline's validation would reject, with the first reason of each. */
export function invalidRecords(records: FormatRecord[]): string[] {
  return records.flatMap((item) => {
    const result = documentRecordSchema.safeParse(item.record);
    if (result.success) return [];
    const issue = result.error.issues[0]!;
    return [`${item.record.externalId ?? item.record.title}: ${issue.path.join('.')} ${issue.message}`];
  });
}

/** A scratch folder for broken inputs made from corpus files; removed by the returned function. */
export async function scratchDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'chancery-formats-'));
  return { dir, remove: () => fsp.rm(dir, { recursive: true, force: true }) };
}
