import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { sanitizeDocumentHtml } from '../shared/sanitize-html.ts';

/**
 * Word (.docx) transcripts. A .docx is a zip archive, and a zip can be a bomb: a few kilobytes that
 * inflate to gigabytes, or millions of entries. Before mammoth (through JSZip) reads a byte, the
 * archive's directory is read here, every entry is inflated with a hard cap on its output, and the
 * whole must look like a WordprocessingML package. Only then is it converted, and the HTML sanitised.
 */

export type DocxLimits = {
  /** Largest total of inflated entries. */
  maxUncompressedBytes: number;
  maxEntries: number;
};

export const defaultDocxLimits: DocxLimits = { maxUncompressedBytes: 100 * 1024 * 1024, maxEntries: 5000 };

export class DocxProblem extends Error {}

const wordMainType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

/** Reads the central directory; refuses anything that is not a plain (non-ZIP64, unencrypted) zip. */
function readDirectory(bytes: Buffer, limits: DocxLimits): ZipEntry[] {
  const notWord = new DocxProblem('This file is not a Word document (.docx).');
  // The end-of-directory record sits in the last 22 bytes, plus a comment of up to 65,535 bytes.
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notWord;
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw notWord;
  if (count > limits.maxEntries) {
    throw new DocxProblem(
      `This Word file holds ${count} parts; more than ${limits.maxEntries} are not accepted.`,
    );
  }
  if (directoryOffset + directorySize > end) throw notWord;

  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) throw notWord;
    const flags = bytes.readUInt16LE(offset + 8);
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const size = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localOffset = bytes.readUInt32LE(offset + 42);
    if (flags & 0x1) throw new DocxProblem('This Word file is encrypted; save it without a password.');
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw notWord;
    const name = bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    entries.push({ name, method, compressedSize, size, localOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates one entry, never producing more than `budget` bytes, whatever the entry claims. */
function inflateEntry(bytes: Buffer, entry: ZipEntry, budget: number): Buffer {
  const local = entry.localOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) {
    throw new DocxProblem('This Word file is damaged.');
  }
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new DocxProblem('This Word file is damaged.');
  const bomb = new DocxProblem(
    'This Word file unpacks to far more than its size (a “zip bomb”) and was refused.',
  );
  if (entry.size > budget) throw bomb;
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new DocxProblem('This Word file uses an unknown compression.');
  try {
    // One byte over the declared size is enough to catch an entry that lies about it.
    const inflated = inflateRawSync(data, { maxOutputLength: Math.min(budget, entry.size + 1) || 1 });
    if (inflated.length > entry.size) throw bomb;
    return inflated;
  } catch (error) {
    if (error instanceof DocxProblem) throw error;
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw bomb;
    }
    throw new DocxProblem('This Word file is damaged.');
  }
}

/** Checks that the bytes are a safe, real Word document; throws DocxProblem with a reason if not. */
export function inspectDocx(bytes: Buffer, limits: DocxLimits = defaultDocxLimits): void {
  const entries = readDirectory(bytes, limits);
  let budget = limits.maxUncompressedBytes;
  let contentTypes: string | undefined;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const inflated = inflateEntry(bytes, entry, budget);
    budget -= inflated.length;
    if (entry.name === '[Content_Types].xml') contentTypes = inflated.toString('utf8');
  }
  const hasBody = entries.some((e) => e.name === 'word/document.xml');
  if (!hasBody || !contentTypes?.includes(wordMainType)) {
    throw new DocxProblem(
      'This file is a zip archive but not a Word document (.docx). Save it from Word as “Word Document”.',
    );
  }
}

/** Converts a checked Word document into sanitised HTML, with mammoth's notes on what it dropped. */
export async function docxToHtml(
  bytes: Buffer,
  limits: DocxLimits = defaultDocxLimits,
): Promise<{ html: string; warnings: string[] }> {
  inspectDocx(bytes, limits);
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer: bytes },
      // Images are not part of a transcript here (scans are uploaded as scans): skip decoding them.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
  } catch {
    throw new DocxProblem('This Word file could not be read; open it in Word and save it again.');
  }
  const html = sanitizeDocumentHtml(result.value);
  const warnings = result.messages
    .filter((m) => m.type === 'warning')
    .map((m) => m.message)
    .slice(0, 10);
  return { html, warnings };
}
