import fsp from 'node:fs/promises';
import { sniffMediaType } from '../../assets/media-type.ts';

/** A file that cannot be read as the text it should be; the message is meant for the archivist. */
export class SourceFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

const binaryNames: Record<string, string> = {
  'application/pdf': 'a PDF',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
  'image/tiff': 'a TIFF image',
  'image/gif': 'a GIF image',
  'image/webp': 'a WebP image',
  'application/zip': 'a ZIP archive (a Word or Excel file?)',
};

/** 64 MB is far above any real transcript, volume or inventory, and far below what hurts a server. */
const maxTextBytes = 64 * 1024 * 1024;

/**
 * Reads a text source (XML, Markdown, CSV, OCR text) as a string. The bytes are checked first: a PDF
 * or image renamed `.xml` is named for what it is, and text that is not valid in its encoding is an
 * error with the line where it breaks, instead of silently turning into replacement characters.
 * UTF-8 (with or without BOM) and UTF-16 with a BOM are read; `declaredEncoding` (an XML declaration)
 * may name another encoding the runtime knows, such as ISO-8859-1 or windows-1252.
 */
export async function readSourceText(
  file: string,
  what: string,
  declaredEncoding?: (head: string) => string | undefined,
): Promise<string> {
  let bytes: Buffer;
  try {
    const stat = await fsp.stat(file);
    if (!stat.isFile()) throw new SourceFileError(`${file} is not a file`);
    if (stat.size > maxTextBytes) {
      throw new SourceFileError(`the file is ${Math.round(stat.size / 1e6)} MB, more than a ${what} can be`);
    }
    bytes = await fsp.readFile(file);
  } catch (error) {
    if (error instanceof SourceFileError) throw error;
    throw new SourceFileError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return decodeSourceBytes(bytes, what, declaredEncoding);
}

export function decodeSourceBytes(
  bytes: Uint8Array,
  what: string,
  declaredEncoding?: (head: string) => string | undefined,
): string {
  if (bytes.length === 0) throw new SourceFileError('the file is empty');
  const binary = sniffMediaType(bytes.subarray(0, 16));
  if (binary) throw new SourceFileError(`this is ${binaryNames[binary] ?? binary}, not a ${what}`);

  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (declaredEncoding) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    const declared = declaredEncoding(head)?.toLowerCase();
    if (declared && declared !== 'utf-8' && declared !== 'utf8') {
      try {
        new TextDecoder(declared);
        encoding = declared;
      } catch {
        throw new SourceFileError(`the file declares the encoding "${declared}", which is not supported`);
      }
    }
  }
  if (encoding === 'utf-8' && bytes.subarray(start, 4096).includes(0)) {
    throw new SourceFileError(`the file contains binary data, not a ${what}`);
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes.subarray(start));
  } catch {
    const line = firstBadUtf8Line(bytes.subarray(start));
    throw new SourceFileError(
      `the file is not valid ${encoding.toUpperCase()} text${line ? ` (first bad byte on line ${line})` : ''}; save it as UTF-8`,
      line,
    );
  }
}

/** The line of the first byte sequence that is not UTF-8, so the archivist can find it. */
function firstBadUtf8Line(bytes: Uint8Array): number | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(lineStart, i));
      } catch {
        return line;
      }
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}
