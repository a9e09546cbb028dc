import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { readCsvInventoryFile } from './csv-inventory.ts';
import { type FormatItem, type FormatName, formatNames, problem } from './format.ts';
import { readFrusVolumeFile } from './frus-tei.ts';
import { readJfkFolder } from './jfk.ts';
import { type CatalogueEntry, readMarkdownFile } from './markdown.ts';
import { isMojLawFolder, readMojLawFolder } from './moj-law.ts';
import { readScanFile } from './scan-files.ts';
import { readTeiDocumentFile } from './tei-document.ts';

/**
 * Everything below a path that the archive formats can import, as one stream of records and
 * problems: a file of one format, a folder of them (mixed formats are fine: each file is read by
 * what it is), a JFK release folder, or a folder of scans. JSON and JSONL are left to the record
 * format's own reader.
 */
export type FormatSource = {
  /** Absolute, real path of what is imported. */
  root: string;
  /** The format asked for or, when several were found, the one most files have. */
  format: FormatName;
  byteSize: number;
  bytesRead(): number;
  items(): AsyncGenerator<FormatItem>;
};

export class FormatSourceError extends Error {}

const extensionFormats: Record<string, FormatName> = {
  '.xml': 'tei',
  '.tei': 'tei',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.csv': 'csv',
  '.pdf': 'pdf-folder',
  '.png': 'pdf-folder',
  '.jpg': 'pdf-folder',
  '.jpeg': 'pdf-folder',
  '.tif': 'pdf-folder',
  '.tiff': 'pdf-folder',
  '.gif': 'pdf-folder',
  '.webp': 'pdf-folder',
};

type Job = { format: FormatName; file: string; size: number; skip?: 'index' };

export const isFormatName = (value: string): value is FormatName =>
  (formatNames as readonly string[]).includes(value);

/**
 * Plans the import of `target`. Returns undefined when it is a JSON or JSONL file and no archive
 * format was asked for, so the caller's own reader takes it. Throws FormatSourceError for a path
 * that cannot be imported at all (missing, nothing importable in the folder, unknown format).
 */
export async function openFormatSource(
  target: string,
  requested?: string | undefined,
): Promise<FormatSource | undefined> {
  if (requested !== undefined && !isFormatName(requested)) {
    throw new FormatSourceError(`Unknown format "${requested}": use one of ${formatNames.join(', ')}`);
  }
  if (requested === 'json' || requested === 'jsonl') return undefined;
  let root: string;
  let stat: fs.Stats;
  try {
    root = await fsp.realpath(path.resolve(target));
    stat = await fsp.stat(root);
  } catch {
    if (requested !== undefined) throw new FormatSourceError(`No such file or folder: ${target}`);
    return undefined;
  }
  if (stat.isFile()) {
    const extension = path.extname(root).toLowerCase();
    if (requested === undefined && ['.json', '.jsonl', '.ndjson'].includes(extension)) return undefined;
    const format = requested ?? (await formatOfFile(root, extension));
    if (!format) return undefined;
    return sourceOf(root, [{ format, file: root, size: stat.size }], format);
  }
  if (!stat.isDirectory()) throw new FormatSourceError(`${target} is neither a file nor a folder`);
  const jobs = await planFolder(root, requested);
  if (jobs.length === 0) {
    const json = (await fsp.readdir(root)).filter((name) => /\.(jsonl?|ndjson)$/i.test(name));
    if (json.length > 0 && requested === undefined) {
      throw new FormatSourceError(
        `${target} is a folder of JSON files (${json.slice(0, 3).join(', ')}${json.length > 3 ? ', ...' : ''}); import each .json or .jsonl file by its name`,
      );
    }
    throw new FormatSourceError(
      requested
        ? `Nothing to import as ${requested} in ${target}`
        : `Nothing to import in ${target}: no TEI, Markdown, CSV, PDF or image files, no JFK release and no zh/ + en/ law folder`,
    );
  }
  const counts = new Map<FormatName, number>();
  for (const job of jobs) counts.set(job.format, (counts.get(job.format) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  return sourceOf(root, jobs, requested ?? main);
}

async function formatOfFile(file: string, extension: string): Promise<FormatName | undefined> {
  const byName = extensionFormats[extension];
  if (byName !== 'tei') return byName;
  const kind = await xmlKind(file);
  return kind === 'bibliography' ? undefined : kind;
}

/**
 * A FRUS volume names itself in its header (`idno type="frus"`) or uses the FRUS namespace; the
 * Historian's bibliography records (`<volume id=...>`) describe volumes and are read with them, not
 * as documents. Anything else is taken for TEI and reports its own problems if it is not.
 */
async function xmlKind(file: string): Promise<'frus-tei' | 'tei' | 'bibliography'> {
  const handle = await fsp.open(file, 'r');
  try {
    const buffer = Buffer.alloc(16_384);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead).toString('latin1');
    const root = /<(?!\?|!)([\w:.-]+)/.exec(head.replace(/<!--[\s\S]*?-->/g, ''))?.[1];
    if (root === 'volume' && /<volume\s+id=/.test(head)) return 'bibliography';
    return /<idno\s+type="frus"|xmlns:frus=/.test(head) ? 'frus-tei' : 'tei';
  } finally {
    await handle.close();
  }
}

const isJfkFolder = (dir: string) =>
  fs.existsSync(path.join(dir, 'nara-metadata')) ||
  (fs.existsSync(path.join(dir, 'ocr-text')) && fs.existsSync(path.join(dir, 'records.jsonl')));

/**
 * Which reader reads which file. In a folder with text formats (TEI, Markdown, CSV), PDFs and images
 * are taken to be the files those records point to, not records of their own; only a folder of
 * nothing but scans (or `--format pdf-folder`) makes one record per scan.
 */
async function planFolder(root: string, requested: FormatName | undefined): Promise<Job[]> {
  if (isJfkFolder(root) && (requested === undefined || requested === 'jfk' || requested === 'csv')) {
    return [{ format: 'jfk', file: root, size: await folderSize(root) }];
  }
  if (isMojLawFolder(root) && (requested === undefined || requested === 'moj-law')) {
    return [{ format: 'moj-law', file: root, size: await folderSize(root) }];
  }
  const jobs: Job[] = [];
  const walk = async (dir: string) => {
    const entries = (await fsp.readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (isJfkFolder(full)) jobs.push({ format: 'jfk', file: full, size: await folderSize(full) });
        else if (isMojLawFolder(full))
          jobs.push({ format: 'moj-law', file: full, size: await folderSize(full) });
        else await walk(full);
        continue;
      }
      if (!entry.isFile()) continue;
      const extension = path.extname(entry.name).toLowerCase();
      const format = await formatOfFile(full, extension);
      if (!format) continue;
      // A folder's README or LICENCE describes the folder; it is not one of its documents.
      if (format === 'markdown' && /^(readme|licen[cs]e|changelog|contributing|notice)\b/i.test(entry.name))
        continue;
      jobs.push({ format, file: full, size: (await fsp.stat(full)).size });
    }
  };
  await walk(root);
  if (requested === 'pdf-folder') return jobs.filter((job) => job.format === 'pdf-folder');
  if (requested) {
    const wanted = requested === 'tei' || requested === 'frus-tei' ? ['tei', 'frus-tei'] : [requested];
    return jobs
      .filter((job) => wanted.includes(job.format))
      .map((job) => (requested === 'frus-tei' || requested === 'tei' ? { ...job, format: requested } : job));
  }
  const hasText = jobs.some((job) => job.format !== 'pdf-folder');
  const planned = hasText ? jobs.filter((job) => job.format !== 'pdf-folder') : jobs;
  const indexes = new Set<string>();
  for (const job of planned)
    if (job.format === 'csv' && (await isIndexOf(job.file, planned))) indexes.add(job.file);
  return planned.map((job) => (indexes.has(job.file) ? { ...job, skip: 'index' as const } : job));
}

/**
 * A CSV whose `file` (or `path`) column names files that other readers of this run import is an
 * index of the folder (the corpus's records-index.csv), not an inventory: read as one, it would
 * overwrite the records it lists with its summary rows. It is skipped, with a warning.
 */
async function isIndexOf(csvFile: string, jobs: Job[]): Promise<boolean> {
  const others = jobs.filter((job) => job.format !== 'csv');
  if (others.length === 0) return false;
  let rows: Record<string, string>[];
  try {
    rows = parse(await fsp.readFile(csvFile), { columns: true, bom: true, skip_empty_lines: true, to: 200 });
  } catch {
    return false;
  }
  const column = rows[0]
    ? Object.keys(rows[0]).find((name) => /^(file|path|file_path)$/i.test(name.trim()))
    : undefined;
  if (!column) return false;
  const named = rows.map((row) => row[column]?.trim()).filter((value): value is string => !!value);
  const covered = named.filter((value) => {
    const full = path.resolve(path.dirname(csvFile), value);
    return others.some((job) => full === job.file || full.startsWith(`${job.file}${path.sep}`));
  });
  return named.length > 0 && covered.length >= named.length / 2;
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fsp.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await fsp.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

function sourceOf(root: string, jobs: Job[], format: FormatName): FormatSource {
  let finished = 0;
  let current = 0;
  const byteSize = jobs.reduce((sum, job) => sum + job.size, 0);
  // Names in messages start at the imported folder ("frus/volumes/frus1961-63v06.xml").
  const display = (file: string) => path.relative(path.dirname(root), file) || path.basename(file);
  return {
    root,
    format,
    byteSize,
    bytesRead: () => finished + current,
    async *items() {
      const catalogue = await markdownCatalogue(jobs);
      const seen = new Map<string, string>();
      for (const job of jobs) {
        // A catalogue CSV beside Markdown files describes them; it is not an inventory of its own.
        if (job.format === 'csv' && catalogue.files.has(job.file)) {
          finished += job.size;
          continue;
        }
        const name = display(job.file);
        if (job.skip === 'index') {
          yield problem(
            { file: name },
            'this CSV lists files imported here (an index of the folder, not an inventory); skipped. Import it on its own to read it as an inventory',
            { severity: 'warning' },
          );
          finished += job.size;
          continue;
        }
        for await (const item of readJob(job, name, catalogue.lookup)) {
          if (item.kind === 'record' && item.progress !== undefined)
            current = Math.round(job.size * item.progress);
          const externalId = item.kind === 'record' ? item.record.externalId : undefined;
          const earlier = externalId ? seen.get(externalId) : undefined;
          if (item.kind === 'record' && externalId && earlier !== undefined && earlier !== job.file) {
            // Two files claiming one external ID would overwrite each other's record in turn.
            yield problem(
              item.source,
              `the external ID "${externalId}" was already imported from ${display(earlier)} in this run; this record was not imported`,
              { record: externalId, field: 'externalId' },
            );
            continue;
          }
          if (externalId) seen.set(externalId, job.file);
          yield item;
        }
        current = 0;
        finished += job.size;
      }
    },
  };

  async function* readJob(
    job: Job,
    name: string,
    lookup: (docId: string) => CatalogueEntry | undefined,
  ): AsyncGenerator<FormatItem> {
    switch (job.format) {
      case 'frus-tei':
        yield* readFrusVolumeFile(job.file, name);
        break;
      case 'tei':
        yield* readTeiDocumentFile(job.file, name);
        break;
      case 'markdown':
        yield* readMarkdownFile(job.file, name, lookup);
        break;
      case 'csv':
        yield* readCsvInventoryFile(job.file, name);
        break;
      case 'jfk':
        yield* readJfkFolder(job.file, name);
        break;
      case 'moj-law':
        yield* readMojLawFolder(job.file, name);
        break;
      case 'pdf-folder':
        yield* readScanFile(job.file, job.file === root ? path.dirname(root) : root, name);
        break;
      default:
        yield problem({ file: name }, `the ${job.format} format is read by the JSON importer, not here`);
    }
  }
}

/**
 * DFAT's harvest ships a CSV of its documents (doc_id, reference, barcode) beside the Markdown
 * files; it fills in the archival reference of the few pages that lost their citation line.
 */
async function markdownCatalogue(jobs: Job[]) {
  const files = new Set<string>();
  const entries = new Map<string, CatalogueEntry>();
  if (jobs.some((job) => job.format === 'markdown')) {
    for (const job of jobs.filter((item) => item.format === 'csv')) {
      try {
        const rows = parse(await fsp.readFile(job.file), {
          columns: true,
          bom: true,
          skip_empty_lines: true,
        }) as Record<string, string>[];
        const columns = rows[0] ? Object.keys(rows[0]) : [];
        if (!columns.includes('doc_id') || !columns.includes('reference')) continue;
        files.add(job.file);
        for (const row of rows) {
          if (row.doc_id)
            entries.set(row.doc_id.trim(), {
              reference: row.reference?.trim() || undefined,
              barcode: row.barcode,
            });
        }
      } catch {
        // Not a catalogue; it is read as an inventory and reports its own problems.
      }
    }
  }
  return { files, lookup: (docId: string) => entries.get(docId) };
}
