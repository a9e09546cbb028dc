import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { openArchiveFormat } from '../ingest/formats/import-source.ts';
import { ImportFileError } from './import-export.errors.ts';

export const importFormats = ['json', 'jsonl'] as const;
export type ImportFormat = (typeof importFormats)[number];

/**
 * One record read from the file, or why it could not be read; `location` says where it was. The
 * archive formats (src/modules/ingest/formats) also give the folder a record's file paths are
 * relative to, the record and field a problem concerns, and warnings that skip nothing.
 */
export type SourceItem =
  | { location: string; value: unknown; baseDir?: string }
  | { location: string; error: string; record?: string | undefined; field?: string | undefined }
  | { location: string; warning: string; record?: string | undefined; field?: string | undefined };

export type ImportSource = {
  /** Absolute path of the file (or folder, for the archive formats). */
  file: string;
  /** `json`, `jsonl`, or one of the archive formats (`frus-tei`, `tei`, `csv`, `jfk`, `markdown`, `pdf-folder`). */
  format: string;
  byteSize: number;
  /** Bytes read so far, for progress. */
  bytesRead(): number;
  items(): AsyncGenerator<SourceItem>;
};

export type ReaderLimits = {
  /** A JSONL line longer than this is reported and skipped without being held in memory. */
  maxLineBytes: number;
  /** A .json file is parsed whole, so it is refused above this size; JSONL has no limit. */
  maxJsonBytes: number;
};

const MiB = 1024 * 1024;
export const defaultReaderLimits: ReaderLimits = { maxLineBytes: 64 * MiB, maxJsonBytes: 256 * MiB };

const formatsByExtension: Record<string, ImportFormat> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

const sizeText = (bytes: number) => (bytes >= MiB ? `${Math.round(bytes / MiB)} MiB` : `${bytes} bytes`);

/**
 * Checks that the file can be imported at all (it exists, is a readable file, is not empty, is UTF-8)
 * and returns a reader for its records. Every refusal is an ImportFileError with a plain message.
 */
export async function openImportSource(
  file: string,
  options: { format?: string | undefined; limits?: Partial<ReaderLimits> } = {},
): Promise<ImportSource> {
  const limits = { ...defaultReaderLimits, ...options.limits };
  const archive = await openArchiveFormat(file, options.format);
  if (archive) return archive;
  const absolute = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = await fsp.stat(absolute);
  } catch (error) {
    throw new ImportFileError(fileSystemMessage(file, error));
  }
  if (stat.isDirectory())
    throw new ImportFileError(`${file} is a folder; give the .json or .jsonl file to import`);
  if (!stat.isFile()) throw new ImportFileError(`${file} is not a regular file`);
  if (stat.size === 0) throw new ImportFileError(`${file} is empty`);

  const format = chooseFormat(file, options.format);
  const head = await readHead(absolute);
  const encoding = unsupportedEncoding(head);
  if (encoding)
    throw new ImportFileError(`${file} is encoded as ${encoding}; save it as UTF-8 and import it again`);

  if (format === 'json' && stat.size > limits.maxJsonBytes) {
    throw new ImportFileError(
      `${file} is ${sizeText(stat.size)}; a .json file is read whole, so it may be at most ` +
        `${sizeText(limits.maxJsonBytes)}. Write large imports as JSON Lines (.jsonl, one record per line).`,
    );
  }

  let bytesRead = 0;
  return {
    file: absolute,
    format,
    byteSize: stat.size,
    bytesRead: () => bytesRead,
    items: () =>
      format === 'jsonl'
        ? readJsonLines(absolute, limits.maxLineBytes, (n) => {
            bytesRead += n;
          })
        : readJsonDocument(absolute, file, (n) => {
            bytesRead += n;
          }),
  };
}

function chooseFormat(file: string, requested: string | undefined): ImportFormat {
  if (requested !== undefined) {
    if ((importFormats as readonly string[]).includes(requested)) return requested as ImportFormat;
    throw new ImportFileError(`Unknown format "${requested}": use json or jsonl, or an archive format`);
  }
  const byName = formatsByExtension[path.extname(file).toLowerCase()];
  if (byName) return byName;
  throw new ImportFileError(
    `Cannot tell the format of ${file}: name it .json or .jsonl, or pass --format json or --format jsonl`,
  );
}

function fileSystemMessage(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `No such file: ${file}`;
  if (code === 'EACCES' || code === 'EPERM') return `Cannot read ${file}: permission denied`;
  if (code === 'ENOTDIR') return `No such file: ${file} (a part of the path is not a folder)`;
  return `Cannot read ${file} (${code ?? 'unknown error'})`;
}

async function readHead(file: string): Promise<Uint8Array> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, 'r');
  } catch (error) {
    throw new ImportFileError(fileSystemMessage(file, error));
  }
  try {
    const buffer = new Uint8Array(4);
    const { bytesRead } = await handle.read(buffer, 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Byte-order marks of the encodings spreadsheet and Windows tools save "Unicode text" in. */
function unsupportedEncoding(head: Uint8Array): string | undefined {
  const [a, b, c, d] = head;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'UTF-32';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32';
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return 'UTF-16';
  // JSON text starts with an ASCII character; a zero byte beside it is UTF-16 without a mark.
  if (head.length >= 2 && (a === 0 || b === 0)) return 'UTF-16';
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** V8's JSON messages, made shorter and given a line and column instead of a character offset. */
export function describeJsonError(error: unknown, text: string, withLine: boolean): string {
  let message = error instanceof Error ? error.message : String(error);
  message = message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/^Unexpected token/, 'unexpected character');
  const position = /at position (\d+)/.exec(message);
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    message = message.replace(
      /\s*in JSON at position \d+|\s*at position \d+/,
      withLine ? ` at line ${line}, column ${column}` : ` at column ${column}`,
    );
  }
  message = message.replace(/ in JSON/, '');
  return message.charAt(0).toLowerCase() + message.slice(1);
}

async function* readJsonLines(
  file: string,
  maxLineBytes: number,
  onBytes: (n: number) => void,
): AsyncGenerator<SourceItem> {
  let lineNumber = 1;
  let parts: Buffer[] = [];
  let lineBytes = 0;
  let tooLong = false;
  let sawRecord = false;

  const finish = (): SourceItem | undefined => {
    const location = `line ${lineNumber}`;
    if (tooLong)
      return { location, error: `the line is longer than ${sizeText(maxLineBytes)}; it was skipped` };
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return { location, error: 'the line is not valid UTF-8 text; save the file as UTF-8' };
    }
    if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') return undefined;
    try {
      const value: unknown = JSON.parse(text);
      sawRecord = true;
      return { location, value };
    } catch (error) {
      const hint =
        !sawRecord && /^\s*[[{]\s*$/.test(text)
          ? ' (this looks like JSON spread over several lines: name the file .json, or write one record per line)'
          : '';
      return { location, error: `not valid JSON: ${describeJsonError(error, text, false)}${hint}` };
    }
  };

  const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onBytes(chunk.length);
      let start = 0;
      for (;;) {
        const newline = chunk.indexOf(0x0a, start);
        const end = newline === -1 ? chunk.length : newline;
        if (!tooLong) {
          if (lineBytes + (end - start) > maxLineBytes) {
            tooLong = true;
            parts = [];
          } else if (end > start) {
            // Copied: a piece kept past this chunk must not share memory the stream may reuse.
            parts.push(newline === -1 ? Buffer.from(chunk.subarray(start, end)) : chunk.subarray(start, end));
            lineBytes += end - start;
          }
        }
        if (newline === -1) break;
        const item = finish();
        if (item) yield item;
        lineNumber++;
        parts = [];
        lineBytes = 0;
        tooLong = false;
        start = newline + 1;
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(fileSystemMessage(file, error));
  } finally {
    stream.destroy();
  }
  if (lineBytes > 0 || tooLong) {
    const item = finish();
    if (item) yield item;
  }
}

async function* readJsonDocument(
  absolute: string,
  shown: string,
  onBytes: (n: number) => void,
): AsyncGenerator<SourceItem> {
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(absolute);
  } catch (error) {
    throw new ImportFileError(fileSystemMessage(shown, error));
  }
  onBytes(bytes.length);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ImportFileError(
      `${shown} is not valid UTF-8 text (first bad byte on line ${firstInvalidUtf8Line(bytes)}); save it as UTF-8`,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ImportFileError(`${shown} is empty`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const described = describeJsonError(error, text, true);
    const hint = /non-whitespace character after JSON/.test(described)
      ? ' (several JSON values one after another are JSON Lines: name the file .jsonl)'
      : '';
    throw new ImportFileError(`${shown} is not valid JSON: ${described}${hint}`);
  }
  text = '';

  if (Array.isArray(parsed)) {
    for (const [index, value] of parsed.entries()) yield { location: `[${index}]`, value };
    return;
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw new ImportFileError(
      `${shown} must hold an array of records, or an object with "authorities" and "documents" arrays`,
    );
  }
  const top = parsed as Record<string, unknown>;
  if (!('authorities' in top) && !('documents' in top)) {
    yield { location: 'the record', value: parsed };
    return;
  }
  const unknown = Object.keys(top).filter((key) => key !== 'authorities' && key !== 'documents');
  if (unknown.length > 0) {
    throw new ImportFileError(
      `${shown} has unknown top-level keys ${unknown.map((k) => `"${k}"`).join(', ')} (expected "authorities" and "documents")`,
    );
  }
  for (const key of ['authorities', 'documents'] as const) {
    if (top[key] !== undefined && !Array.isArray(top[key])) {
      throw new ImportFileError(`${shown}: "${key}" must be an array`);
    }
  }
  for (const [index, value] of ((top.authorities ?? []) as unknown[]).entries()) {
    // An authority in the "authorities" list need not repeat that it is one.
    const withType =
      typeof value === 'object' && value !== null && !Array.isArray(value) && !('type' in value)
        ? { type: 'authority', ...value }
        : value;
    yield { location: `authorities[${index}]`, value: withType };
  }
  for (const [index, value] of ((top.documents ?? []) as unknown[]).entries()) {
    yield { location: `documents[${index}]`, value };
  }
}

function firstInvalidUtf8Line(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    try {
      utf8.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    if (newline === -1) break;
    line++;
    start = newline + 1;
  }
  return line;
}
