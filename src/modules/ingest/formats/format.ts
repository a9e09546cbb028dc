import type { DocumentRecordInput } from '../../documents/documents.schemas.ts';

/**
 * What every format reader produces: a sequence of records in the project's record format (the same
 * one `chancery import` reads as JSON), each with where it came from, or a problem with one record or
 * one file. A reader never throws for bad input: a broken file becomes a problem and the others go on.
 */

/** Where a record or problem sits in the source, for error reports an archivist can act on. */
export type SourcePosition = {
  /** The file, as a path relative to the imported path when possible. */
  file: string;
  /** 1-based line in that file, when the format has lines worth pointing at. */
  line?: number;
};

export type FormatRecord = {
  kind: 'record';
  source: SourcePosition;
  record: DocumentRecordInput;
  /**
   * The folder that `assets[].file` paths are relative to. The import pipeline refuses any path that
   * resolves outside it, exactly as for paths written in a JSON import file.
   */
  baseDir: string;
  /** How far through its file the reader is (0..1), for progress over one large file. */
  progress?: number;
};

export type FormatProblem = {
  kind: 'problem';
  source: SourcePosition;
  /** The record it concerns (an external ID or title), when known. */
  record?: string;
  /** The field of the record format it concerns (`date`, `assets[0].file`), when known. */
  field?: string;
  message: string;
  /** A warning leaves the record importable (something was ignored); an error means it was skipped. */
  severity: 'error' | 'warning';
};

export type FormatItem = FormatRecord | FormatProblem;

export const formatNames = [
  'json',
  'jsonl',
  'frus-tei',
  'tei',
  'csv',
  'jfk',
  'markdown',
  'moj-law',
  'pdf-folder',
] as const;
export type FormatName = (typeof formatNames)[number];

export const problem = (
  source: SourcePosition,
  message: string,
  extra: { record?: string | undefined; field?: string | undefined; severity?: 'error' | 'warning' } = {},
): FormatProblem => ({
  kind: 'problem',
  source,
  message,
  severity: extra.severity ?? 'error',
  ...(extra.record ? { record: extra.record } : {}),
  ...(extra.field ? { field: extra.field } : {}),
});

/** Collapses the whitespace of text taken out of markup (XML indentation, wrapped lines). */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Drops empty and repeated values, keeping the first spelling and the order. */
export function uniqueValues(values: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values) {
    const trimmed = value?.trim();
    if (!trimmed) continue;
    const key = trimmed.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(trimmed);
  }
  return result;
}

/** Cuts text to a field's limit at a word boundary, marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
