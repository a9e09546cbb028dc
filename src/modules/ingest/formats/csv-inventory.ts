import path from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { AgentRef, AssetInput, DocumentRecordInput } from '../../documents/documents.schemas.ts';
import { type FormatItem, problem, type SourcePosition, squash } from './format.ts';
import { readSourceText, SourceFileError } from './source-text.ts';

/**
 * A spreadsheet inventory, one row per document, saved as CSV: the way archivists keep a box list.
 * Columns are named in the header row (case, spaces and hyphens do not matter, and common synonyms
 * are accepted); cells holding several values separate them with `;`. docs/import-format.md lists
 * every column. Paths of transcript, translation and scan files are relative to the CSV file.
 */

type Column =
  | 'external_id'
  | 'title'
  | 'subtitle'
  | 'date'
  | 'place'
  | 'type'
  | 'languages'
  | 'classifications'
  | 'repository'
  | 'reference'
  | 'program'
  | 'summary'
  | 'rights'
  | 'status'
  | 'authors'
  | 'recipients'
  | 'participants'
  | 'people'
  | 'organizations'
  | 'places'
  | 'subjects'
  | 'collections'
  | 'funders'
  | 'related'
  | 'transcript_file'
  | 'transcript_language'
  | 'translation_files'
  | 'translation_language'
  | 'translator'
  | 'scan_files';

/** Every header a column answers to; the first is the documented name. */
export const csvColumns: Record<Column, string[]> = {
  external_id: ['external_id', 'id', 'identifier', 'record_id', 'externalid'],
  title: ['title'],
  subtitle: ['subtitle'],
  date: ['date', 'document_date'],
  place: ['place', 'place_of_origin', 'placeoforigin'],
  type: ['type', 'document_type', 'doc_type'],
  languages: ['languages', 'language'],
  classifications: ['classifications', 'classification', 'marking', 'markings'],
  repository: ['repository', 'archive'],
  reference: ['reference', 'archival_reference', 'archivalreference', 'citation', 'shelfmark', 'call_number'],
  program: ['program', 'project'],
  summary: ['summary', 'description', 'abstract'],
  rights: ['rights', 'licence', 'license'],
  status: ['status'],
  authors: ['authors', 'author', 'from', 'creator', 'creators'],
  recipients: ['recipients', 'recipient', 'to', 'addressee', 'addressees'],
  participants: ['participants', 'participant'],
  people: ['people', 'persons', 'names', 'mentioned'],
  organizations: ['organizations', 'organisations', 'organization', 'organisation'],
  places: ['places', 'coverage', 'geographic'],
  subjects: ['subjects', 'subject', 'keywords', 'topics'],
  collections: ['collections', 'collection', 'series'],
  funders: ['funders', 'funder', 'donors', 'donor'],
  related: ['related', 'related_ids'],
  transcript_file: ['transcript_file', 'transcript', 'text_file'],
  transcript_language: ['transcript_language'],
  translation_files: ['translation_files', 'translation_file', 'translation', 'translations'],
  translation_language: ['translation_language'],
  translator: ['translator', 'translators'],
  scan_files: ['scan_files', 'scan_file', 'scan', 'scans', 'pdf', 'file'],
};

const headerKey = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const columnByHeader = new Map<string, Column>(
  (Object.entries(csvColumns) as [Column, string[]][]).flatMap(([column, names]) =>
    names.map((name) => [name, column] as const),
  ),
);

export async function* readCsvInventoryFile(file: string, displayName: string): AsyncGenerator<FormatItem> {
  const source: SourcePosition = { file: displayName };
  let text: string;
  try {
    text = await readSourceText(file, 'CSV file');
  } catch (error) {
    if (!(error instanceof SourceFileError)) throw error;
    yield problem({ ...source, ...(error.line ? { line: error.line } : {}) }, error.message);
    return;
  }
  yield* csvInventoryItems(text, source, path.dirname(file));
}

export function* csvInventoryItems(
  text: string,
  source: SourcePosition,
  baseDir: string,
): Generator<FormatItem> {
  const skipped: CsvError[] = [];
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      info: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error) skipped.push(error);
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    yield problem({ ...source, ...csvErrorLine(error) }, describeCsvError(error));
    return;
  }
  for (const error of skipped) {
    // An unclosed quote is only noticed at the end of the file: it was opened in the row after the
    // last one read.
    const lastRead = rows[rows.length - 1]?.info.lines ?? 0;
    const where = error.code === 'CSV_QUOTE_NOT_CLOSED' ? { line: lastRead + 1 } : csvErrorLine(error);
    yield problem({ ...source, ...where }, describeCsvError(error));
  }
  const [header, ...body] = rows;
  if (!header) {
    yield problem(source, 'the CSV file has no header row');
    return;
  }
  const columns = header.record.map((name) => columnByHeader.get(headerKey(name)));
  const unknown = header.record.filter((name, i) => columns[i] === undefined && name.trim() !== '');
  if (unknown.length > 0) {
    yield problem({ ...source, line: 1 }, `unknown columns, ignored: ${unknown.join(', ')}`, {
      severity: 'warning',
    });
  }
  if (!columns.includes('title')) {
    yield problem({ ...source, line: 1 }, 'the header row has no "title" column (see docs/import-format.md)');
    return;
  }
  let previousEnd = header.info.lines;
  for (const [index, row] of body.entries()) {
    const progress = (index + 1) / body.length;
    const line = previousEnd + 1;
    previousEnd = row.info.lines;
    if (row.record.every((cell) => cell.trim() === '')) continue;
    const cells = new Map<Column, string>();
    row.record.forEach((cell, i) => {
      const column = columns[i];
      if (column && cell.trim() !== '' && !cells.has(column)) cells.set(column, cell);
    });
    if (row.record.length > header.record.length) {
      yield problem(
        { ...source, line },
        `this row has ${row.record.length} cells but the header has ${header.record.length}; the extra cells were ignored`,
        {
          severity: 'warning',
          record: cells.get('external_id') ?? cells.get('title'),
        },
      );
    }
    const date = cells.get('date')?.trim();
    if (date && /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(date)) {
      // 03/04/1962 is March 4 in Washington and 3 April in London: refuse to guess.
      yield problem(
        { ...source, line },
        `"${date}" is ambiguous (month/day or day/month?); write 1962-03-04, or 1962-03 or 1962 when the day or month is unknown`,
        { field: 'date', record: cells.get('external_id') ?? cells.get('title') },
      );
      continue;
    }
    yield { kind: 'record', source: { ...source, line }, record: inventoryRecord(cells), baseDir, progress };
  }
}

const split = (value: string | undefined) =>
  (value ?? '')
    .split(';')
    .map((item) => squash(item))
    .filter((item) => item !== '');

/** A cell of people: "Kennedy, John F.; org:Department of State" (organizations marked "org:"). */
function agentsOf(
  value: string | undefined,
  role: AgentRef['role'],
  kind: 'person' | 'organization' = 'person',
) {
  return split(value).map((item) => {
    const org = /^org(?:anization)?:\s*/i.exec(item);
    return {
      name: org ? item.slice(org[0].length) : item,
      kind: org ? ('organization' as const) : kind,
      role,
    };
  });
}

export function inventoryRecord(cells: Map<Column, string>): DocumentRecordInput {
  const text = (column: Column) => {
    const value = cells.get(column);
    return value === undefined ? null : squash(value) || null;
  };
  const languages = split(cells.get('languages'));
  const assets: AssetInput[] = [];
  for (const file of split(cells.get('scan_files'))) assets.push({ kind: 'scan', file } as AssetInput);
  const transcript = text('transcript_file');
  if (transcript) {
    assets.push({
      kind: 'transcript',
      file: transcript,
      language: text('transcript_language') ?? languages[0] ?? null,
    } as AssetInput);
  }
  for (const item of split(cells.get('translation_files'))) {
    // "en:texts/12.en.html" names the language; a bare path takes translation_language.
    const tagged = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*):(?!\/)(.+)$/.exec(item);
    assets.push({
      kind: 'translation',
      file: tagged ? tagged[2]!.trim() : item,
      language: tagged ? tagged[1]! : text('translation_language'),
      translator: text('translator'),
    } as AssetInput);
  }
  return {
    externalId: text('external_id'),
    title: text('title') ?? '',
    subtitle: text('subtitle'),
    summary: cells.get('summary')?.trim() || null,
    date: text('date'),
    placeOfOrigin: text('place'),
    type: text('type'),
    classifications: split(cells.get('classifications')),
    languages,
    repository: text('repository'),
    archivalReference: text('reference'),
    program: text('program'),
    rights: text('rights'),
    ...(text('status') ? { status: text('status')!.toLowerCase() as DocumentRecordInput['status'] } : {}),
    agents: [
      ...agentsOf(cells.get('authors'), 'author'),
      ...agentsOf(cells.get('recipients'), 'recipient'),
      ...agentsOf(cells.get('participants'), 'participant'),
      ...agentsOf(cells.get('people'), 'mentioned'),
      ...agentsOf(cells.get('organizations'), 'mentioned', 'organization'),
    ],
    places: split(cells.get('places')),
    subjects: split(cells.get('subjects')),
    collections: split(cells.get('collections')),
    funders: split(cells.get('funders')),
    related: split(cells.get('related')).map((externalId) => ({ externalId })),
    credits: split(cells.get('translator')).map((name) => ({ role: 'translator' as const, name })),
    assets,
  };
}

function csvErrorLine(error: unknown): { line?: number } {
  const lines = (error as { lines?: unknown }).lines;
  return typeof lines === 'number' && lines > 0 ? { line: lines } : {};
}

/** csv-parse's messages name its options; say instead what is wrong in the file. */
function describeCsvError(error: unknown): string {
  if (!(error instanceof CsvError)) return `the CSV file cannot be read: ${String(error)}`;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell opened on this line is never closed (a " is missing), so the rows after it could not be read';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted cell has text after its closing quote (write a " inside a quoted cell as "")';
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quoted cell has text after its closing quote';
    default:
      return `this row cannot be read as CSV: ${error.message.replace(/^Invalid [^:]*:\s*/, '')}`;
  }
}
