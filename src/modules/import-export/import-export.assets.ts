import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore } from '../../storage/blob-store.ts';
import { FileProblem, safeFileName, storeFileFromDisk } from '../assets/asset-files.ts';
import { scanMediaTypes, sniffMediaType } from '../assets/media-type.ts';
import type { AssetInput } from '../documents/documents.schemas.ts';
import type { PreparedAsset } from '../documents/documents.usecases.ts';
import { plainTextToHtml, sanitizeDocumentHtml } from '../shared/sanitize-html.ts';
import { RecordFieldProblem } from './import-export.errors.ts';

/** The most text one transcript file may hold, as for `html` written inline. */
const maxTextFileBytes = 5_000_000;

const htmlExtensions = new Set(['.html', '.htm', '.xhtml']);
const textExtensions = new Set(['.txt', '.text']);

/** What one asset needs, found out before anything is stored: a file to store and/or its text. */
type AssetPlan = { input: AssetInput; field: string; html: string | null; storeFile: string | null };

/**
 * Turns the assets of a validated record into rows ready for saveDocument: checks every file first
 * (inside the import folder, present, of an accepted type, readable text), and only then streams
 * scans into the blob store, so a record with one bad file stores none of its files. With `dryRun`
 * nothing is stored.
 */
export async function prepareAssets(
  deps: { storage: BlobStore },
  options: { baseDir: string; assets: AssetInput[]; dryRun?: boolean },
): Promise<PreparedAsset[]> {
  const plans: AssetPlan[] = [];
  for (const [index, input] of options.assets.entries()) {
    plans.push(await planAsset(options.baseDir, input, `assets[${index}]`));
  }
  const prepared: PreparedAsset[] = [];
  for (const plan of plans) {
    const { input } = plan;
    const base = {
      kind: input.kind,
      language: input.language,
      label: input.label,
      translator: input.kind === 'scan' ? null : input.translator,
      html: plan.html,
      alignment: input.alignment,
    };
    if (!plan.storeFile || options.dryRun) {
      prepared.push({
        ...base,
        blobSha256: null,
        fileName: null,
        mediaType: null,
        pageCount: null,
        blob: null,
      });
      continue;
    }
    let stored: Awaited<ReturnType<typeof storeFileFromDisk>>;
    try {
      stored = await storeFileFromDisk(deps.storage, plan.storeFile, scanMediaTypes);
    } catch (error) {
      if (error instanceof FileProblem) throw new RecordFieldProblem(`${plan.field}.file`, error.message);
      throw error;
    }
    prepared.push({
      ...base,
      blobSha256: stored.sha256,
      fileName: input.fileName ? safeFileName(input.fileName) : stored.fileName,
      mediaType: stored.mediaType,
      // The record's count wins: a multi-page TIFF or a PDF pdf-lib cannot read is counted as 1 or unknown.
      pageCount: input.pageCount ?? stored.pageCount,
      blob: { sha256: stored.sha256, byteSize: stored.byteSize, mediaType: stored.mediaType },
    });
  }
  return prepared;
}

async function planAsset(baseDir: string, input: AssetInput, field: string): Promise<AssetPlan> {
  const inline =
    input.html !== undefined
      ? sanitizeDocumentHtml(input.html)
      : input.text !== undefined
        ? plainTextToHtml(input.text)
        : null;
  if (!input.file) return { input, field, html: inline, storeFile: null };

  const file = await resolveInsideFolder(baseDir, input.file, `${field}.file`);
  const mediaType = sniffMediaType(await readHead(file));
  if (mediaType && scanMediaTypes.includes(mediaType)) {
    return { input, field, html: inline, storeFile: file };
  }
  if (input.kind === 'scan') {
    throw new RecordFieldProblem(
      `${field}.file`,
      `${input.file} is not a PDF or an image (PNG, JPEG, TIFF, GIF, WebP); the type is read from the file's content`,
    );
  }

  const extension = path.extname(file).toLowerCase();
  const isHtml = htmlExtensions.has(extension);
  if (!isHtml && !textExtensions.has(extension)) {
    const hint = extension === '.md' ? ' (convert Markdown to HTML first, for example with pandoc)' : '';
    throw new RecordFieldProblem(
      `${field}.file`,
      `${input.file}: a transcript or translation file must be HTML (.html, .htm), plain text (.txt) or a PDF/image source${hint}`,
    );
  }
  if (inline !== null) {
    throw new RecordFieldProblem(
      `${field}.file`,
      `give the text either inline (html or text) or as a file, not both`,
    );
  }
  const text = await readTextFile(file, input.file, `${field}.file`);
  return {
    input,
    field,
    html: isHtml ? sanitizeDocumentHtml(bodyOf(text)) : plainTextToHtml(text),
    storeFile: null,
  };
}

const isInside = (folder: string, target: string) => {
  const relative = path.relative(folder, target);
  return (
    relative !== '' &&
    !relative.startsWith(`..${path.sep}`) &&
    relative !== '..' &&
    !path.isAbsolute(relative)
  );
};

/**
 * Resolves a path written in a record against the import file's folder and refuses anything that
 * would read outside it: absolute paths, `..` climbing out, and symbolic links that lead out.
 * Backslashes are read as folder separators, since files prepared on Windows use them.
 */
export async function resolveInsideFolder(baseDir: string, written: string, field: string): Promise<string> {
  if (written.includes('\0')) throw new RecordFieldProblem(field, 'the path contains a NUL character');
  const normalized = written.replace(/\\/g, '/');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(normalized)) {
    throw new RecordFieldProblem(field, `${written}: files are read from disk, URLs are not fetched`);
  }
  if (path.isAbsolute(normalized) || /^[a-z]:/i.test(normalized)) {
    throw new RecordFieldProblem(
      field,
      `${written} is an absolute path; give a path relative to the import file`,
    );
  }
  const resolved = path.resolve(baseDir, normalized);
  if (!isInside(baseDir, resolved)) {
    throw new RecordFieldProblem(field, `${written} points outside the folder of the import file`);
  }
  let real: string;
  try {
    real = await fsp.realpath(resolved);
  } catch {
    throw new RecordFieldProblem(field, `file not found: ${written}`);
  }
  if (!isInside(baseDir, real)) {
    throw new RecordFieldProblem(
      field,
      `${written} is a link to a file outside the folder of the import file`,
    );
  }
  const stat = await fsp.stat(real);
  if (!stat.isFile()) throw new RecordFieldProblem(field, `${written} is not a file`);
  if (stat.size === 0) throw new RecordFieldProblem(field, `${written} is empty`);
  return real;
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await fsp.open(file, 'r');
  try {
    const buffer = new Uint8Array(16);
    const { bytesRead } = await handle.read(buffer, 0, 16, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readTextFile(file: string, written: string, field: string): Promise<string> {
  const { size } = await fsp.stat(file);
  if (size > maxTextFileBytes) {
    throw new RecordFieldProblem(field, `${written} is larger than ${maxTextFileBytes / 1_000_000} MB`);
  }
  const bytes = await fs.promises.readFile(file);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new RecordFieldProblem(field, `${written} is not UTF-8 text; save it as UTF-8`);
  }
  // Zero bytes decode as UTF-8 but mean the file is really UTF-16 without a byte-order mark.
  if (text.includes('\u0000'))
    throw new RecordFieldProblem(field, `${written} is not UTF-8 text; save it as UTF-8`);
  return text;
}

/** The inside of <body> when a whole web page was given, so its <head> and <title> stay out. */
function bodyOf(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*?)(?:<\/body\s*>|$)/i.exec(html);
  return body ? body[1]! : html;
}
