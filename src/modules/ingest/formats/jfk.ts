import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { parse } from 'csv-parse/sync';
import type { DocumentRecordInput } from '../../documents/documents.schemas.ts';
import { escapeHtml } from '../../shared/sanitize-html.ts';
import { clip, type FormatItem, problem, type SourcePosition, squash, uniqueValues } from './format.ts';
import { fromNaraDate } from './source-dates.ts';
import { readSourceText, SourceFileError } from './source-text.ts';

/**
 * The JFK Assassination Records as NARA releases them: spreadsheet rows of metadata per record
 * number (`nara-metadata/*.csv`, the columns of NARA's release sheets), the machine OCR of each
 * released PDF (`ocr-text/<file stem>.txt`, several files for some record numbers), and optionally
 * an index `records.jsonl` naming each text file's scans. One record per record number.
 */

type AgentInput = NonNullable<DocumentRecordInput['agents']>[number];
type AssetInput = NonNullable<DocumentRecordInput['assets']>[number];
type NaraRow = Record<string, string> & { __sheet: string };
type TextFile = { stem: string; file: string; scans: string[]; url: string | null };

const recordNumberPattern = /^(\d{3}-\d{5}-\d{5})/;

export async function* readJfkFolder(dir: string, displayRoot: string): AsyncGenerator<FormatItem> {
  const display = (file: string) => path.join(displayRoot, path.relative(dir, file));
  const rows = new Map<string, NaraRow[]>();
  const metadataDir = path.join(dir, 'nara-metadata');
  for (const name of await listFiles(metadataDir, /\.csv$/i)) {
    const file = path.join(metadataDir, name);
    try {
      const text = await readSourceText(file, 'CSV file');
      const parsed = parse(text, {
        columns: true,
        bom: true,
        skip_empty_lines: true,
        relax_column_count: true,
      }) as Record<string, string>[];
      for (const row of parsed) {
        const number = squash(row['Record Num'] ?? '');
        if (!recordNumberPattern.test(number)) continue;
        rows.set(number, [
          ...(rows.get(number) ?? []),
          { ...row, __sheet: name.replace(/\.rows\.csv$|\.csv$/i, '') },
        ]);
      }
    } catch (error) {
      const line = error instanceof SourceFileError ? error.line : (error as { lines?: number }).lines;
      yield problem(
        { file: display(file), ...(line ? { line } : {}) },
        `the NARA metadata sheet cannot be read: ${(error as Error).message}`,
      );
    }
  }

  // The index names each text file's scans with paths relative to the folder above this one.
  const corpusDir = path.dirname(dir);
  const texts = new Map<string, TextFile[]>();
  const indexFile = path.join(dir, 'records.jsonl');
  const fromIndex = new Set<string>();
  if (fs.existsSync(indexFile)) {
    let line = 0;
    const lines = readline.createInterface({
      input: fs.createReadStream(indexFile),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const text of lines) {
      line++;
      if (text.trim() === '') continue;
      let entry: {
        record_id?: unknown;
        record_number?: unknown;
        ocr_text_file?: unknown;
        pdf_files?: unknown;
        nara_2025_url?: unknown;
        nara_metadata?: unknown;
      };
      try {
        entry = JSON.parse(text);
      } catch {
        yield problem({ file: display(indexFile), line }, 'this line is not valid JSON');
        continue;
      }
      const number = typeof entry.record_number === 'string' ? entry.record_number : undefined;
      const textFile =
        typeof entry.ocr_text_file === 'string' ? path.resolve(corpusDir, entry.ocr_text_file) : undefined;
      if (!number || !recordNumberPattern.test(number) || !textFile) {
        yield problem({ file: display(indexFile), line }, 'the line has no record_number or ocr_text_file');
        continue;
      }
      fromIndex.add(path.basename(textFile));
      const scans = Array.isArray(entry.pdf_files)
        ? entry.pdf_files.filter((item): item is string => typeof item === 'string')
        : [];
      addText(texts, number, {
        stem: String(entry.record_id ?? path.basename(textFile, '.txt')),
        file: textFile,
        scans,
        url: typeof entry.nara_2025_url === 'string' ? entry.nara_2025_url : null,
      });
      if (!rows.has(number) && Array.isArray(entry.nara_metadata)) {
        for (const sheet of entry.nara_metadata as {
          source_sheet?: string;
          fields?: Record<string, string>;
        }[]) {
          if (sheet.fields)
            rows.set(number, [
              ...(rows.get(number) ?? []),
              { ...sheet.fields, __sheet: sheet.source_sheet ?? 'records.jsonl' },
            ]);
        }
      }
    }
  }
  // Text files the index does not list (or all of them, without an index) join by their name.
  const ocrDir = path.join(dir, 'ocr-text');
  for (const name of await listFiles(ocrDir, /\.txt$/i)) {
    if (fromIndex.has(name)) continue;
    const number = recordNumberPattern.exec(name)?.[1];
    if (!number) {
      yield problem(
        { file: display(path.join(ocrDir, name)) },
        'the file name does not start with a record number (NNN-NNNNN-NNNNN)',
        { severity: 'warning' },
      );
      continue;
    }
    const stem = name.replace(/\.txt$/i, '');
    addText(texts, number, {
      stem,
      file: path.join(ocrDir, name),
      scans: await findScans(corpusDir, dir, stem),
      url: null,
    });
  }

  const numbers = [...new Set([...texts.keys(), ...rows.keys()])].sort();
  if (numbers.length === 0) {
    yield problem(
      { file: displayRoot },
      'no JFK records here: expected nara-metadata/*.csv, ocr-text/*.txt or records.jsonl',
    );
    return;
  }
  for (const [index, number] of numbers.entries()) {
    const source: SourcePosition = { file: display(texts.get(number)?.[0]?.file ?? metadataDir) };
    const built = await jfkRecord(number, rows.get(number) ?? [], texts.get(number) ?? [], corpusDir);
    for (const warning of built.warnings)
      yield problem(source, warning.message, { record: number, field: warning.field, severity: 'warning' });
    yield {
      kind: 'record',
      source,
      record: built.record,
      baseDir: corpusDir,
      progress: (index + 1) / numbers.length,
    };
  }
}

function addText(texts: Map<string, TextFile[]>, number: string, entry: TextFile) {
  const list = texts.get(number) ?? [];
  if (!list.some((item) => item.file === entry.file)) list.push(entry);
  // The plain record number's text first, variants ("(C06932208)") after it.
  list.sort((a, b) => a.stem.length - b.stem.length || a.stem.localeCompare(b.stem));
  texts.set(number, list);
}

async function listFiles(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    return (await fsp.readdir(dir)).filter((name) => pattern.test(name)).sort();
  } catch {
    return [];
  }
}

/** Without an index, scans are looked for by file stem in a `pdf/` folder beside or inside this one. */
async function findScans(corpusDir: string, dir: string, stem: string): Promise<string[]> {
  const found: string[] = [];
  for (const root of [path.join(corpusDir, 'pdf'), path.join(dir, 'pdf')]) {
    const folders = [root, ...(await listFiles(root, /^[^.]/)).map((name) => path.join(root, name))];
    for (const folder of folders) {
      for (const candidate of [`${stem}.pdf`, `${stem}_ocr.pdf`]) {
        const file = path.join(folder, candidate);
        if (fs.existsSync(file)) found.push(path.relative(corpusDir, file));
      }
    }
  }
  return found;
}

const agencies: Record<string, string> = {
  CIA: 'Central Intelligence Agency',
  'CENTRAL INTELLIGENCE AGENCY': 'Central Intelligence Agency',
  FBI: 'Federal Bureau of Investigation',
  SSCIA: 'Senate Select Committee to Study Governmental Operations with Respect to Intelligence Activities',
  HSCA: 'House Select Committee on Assassinations',
  WH: 'White House',
  OSD: 'Office of the Secretary of Defense',
  DOS: 'US Department of State',
  STATE: 'US Department of State',
  USA: 'US Army',
  ARMY: 'US Army',
  NSA: 'National Security Agency',
  JCS: 'Joint Chiefs of Staff',
};

const organizationWords =
  /\b(FBI|CIA|AGENCY|DEPARTMENT|STATIONS?|COMMITTEE|OFFICE|BUREAU|DIVISION|EMBASSY|HQ|HEADQUARTERS|DISTRIBUTION|DIRECTOR|CHIEFS?|SECTION|BRANCH|GOVERNMENT|COMMISSION|ARMY|NAVY|STAFF|FILE|FIELD|WHITE HOUSE|PRESIDENT)\b/i;

async function jfkRecord(number: string, rows: NaraRow[], texts: TextFile[], corpusDir: string) {
  const warnings: { field?: string; message: string }[] = [];
  // The newest sheet first: a later release corrects the earlier one.
  const ordered = [...rows].sort((a, b) => b.__sheet.localeCompare(a.__sheet));
  const field = (name: string) =>
    ordered.map((row) => squash(row[name] ?? '')).find((value) => value !== '') ?? '';

  const dateText = field('Doc Date');
  const date = fromNaraDate(dateText);
  if (date.problem)
    warnings.push({ field: 'date', message: `${date.problem}; the record is imported without a date` });
  const agencyCode = field('Agency') || field('Originator');
  const agency = agencies[agencyCode.toUpperCase()] ?? (agencyCode || null);
  const from = field('From Name');
  const to = field('To Name');
  const docType = field('Doc Type');
  const type = /textual document|^paper$/i.test(docType) ? null : docType.toLowerCase() || null;
  const title =
    field('Title') ||
    (from || to
      ? `${type ? type[0]!.toUpperCase() + type.slice(1) : 'Record'}${from ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}`
      : `${agencyCode || 'NARA'} record ${number}`);

  const agents: AgentInput[] = [];
  const addAgent = (name: string, role: 'author' | 'recipient') => {
    if (
      name === '' ||
      /^(MFR|MEMO(RANDUM)? FOR (THE )?RECORD|MULTIPLE( RECIPIENTS)?|FILES?|RECORD|NONE|UNKNOWN|N\/A)$/i.test(
        name,
      )
    )
      return;
    const kind = organizationWords.test(name) || agencies[name.toUpperCase()] ? 'organization' : 'person';
    agents.push({ name: clip(agencies[name.toUpperCase()] ?? name, 500), kind, role });
  };
  addAgent(from, 'author');
  addAgent(to, 'recipient');
  if (agency && !agents.some((agent) => agent.name === agency)) {
    agents.push({
      name: agency,
      kind: 'organization',
      role: from ? 'mentioned' : 'author',
      variants: agencyCode && agencyCode !== agency ? [agencyCode] : [],
    });
  }

  const reference = uniqueValues([
    'JFK Assassination Records Collection',
    field('Record Series') ? `Record Series ${field('Record Series')}` : null,
    field('File Num') ? `File ${field('File Num')}` : null,
    `Record Number ${number}`,
  ]).join(', ');

  const assets: AssetInput[] = [];
  for (const text of texts) {
    const variant = text.stem.slice(number.length).trim();
    try {
      const ocr = await readSourceText(text.file, 'text file');
      assets.push({
        kind: 'transcript',
        language: 'en',
        label: variant ? `OCR text ${variant}` : 'OCR text',
        html: ocrHtml(ocr, text.url),
      });
    } catch (error) {
      const message = error instanceof SourceFileError ? error.message : String(error);
      warnings.push({ field: 'assets', message: `${path.basename(text.file)} was left out: ${message}` });
    }
    for (const scan of text.scans) {
      if (fs.existsSync(path.resolve(corpusDir, scan))) assets.push({ kind: 'scan', file: scan });
      else
        warnings.push({
          field: 'assets',
          message: `the scan ${scan} named in records.jsonl is not there; left out`,
        });
    }
  }
  if (rows.length === 0)
    warnings.push({ message: 'no NARA metadata row for this record number; only its OCR text is imported' });

  const record: DocumentRecordInput = {
    externalId: number,
    title: clip(title, 2000),
    date: date.date ?? null,
    type,
    languages: ['en'],
    repository: 'National Archives and Records Administration',
    archivalReference: clip(reference, 1000),
    program: 'President John F. Kennedy Assassination Records Collection',
    rights:
      'Public domain: records of the US federal government released under the President John F. Kennedy Assassination ' +
      'Records Collection Act of 1992. Items by third parties (clippings, private letters) may still be under copyright.',
    agents,
    collections: ['JFK Assassination Records'],
    assets,
  };
  return { record, warnings };
}

/**
 * Raw Tesseract output, page by page ("--- Page N ---"), with its line breaks: the reader sees what
 * the machine read, marked as such, not a cleaned-up text that hides the OCR's errors.
 */
export function ocrHtml(text: string, scanUrl: string | null): string {
  const pages = text.replace(/\r\n?/g, '\n').split(/^-{3}\s*Page\s+(\d+)\s*-{3}\s*$/m);
  const parts: string[] = ['<p class="editorial">Machine OCR of the released scan, uncorrected.</p>'];
  const body = (chunk: string) =>
    chunk
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .filter((block) => block !== '')
      .map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`)
      .join('\n');
  if (pages.length === 1) parts.push(body(pages[0]!));
  else {
    if (pages[0]!.trim() !== '') parts.push(body(pages[0]!));
    for (let i = 1; i < pages.length; i += 2) {
      parts.push(`<h3>Page ${escapeHtml(pages[i]!)}</h3>`, body(pages[i + 1] ?? ''));
    }
  }
  if (scanUrl && /^https:\/\//.test(scanUrl)) {
    parts.push(
      `<p class="note">Scan published by NARA: <a href="${escapeHtml(encodeURI(scanUrl))}">${escapeHtml(scanUrl)}</a></p>`,
    );
  }
  return parts.filter((part) => part !== '').join('\n');
}
