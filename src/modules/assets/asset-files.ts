import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { BlobStore } from '../../storage/blob-store.ts';
import { sniffMediaType } from './media-type.ts';

export type StoredFile = {
  sha256: string;
  byteSize: number;
  mediaType: string;
  /** The name readers see on download; never used as a path. */
  fileName: string;
  pageCount: number | null;
};

export class FileProblem extends Error {}

/** Reads the first bytes of a file to decide its type. */
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

/**
 * Pages of a PDF. pdf-lib reads the page tree, which works for compressed object streams too; a PDF
 * it cannot parse still imports, with its page count unknown (the ingest pipeline reports why).
 */
export async function countPdfPages(bytes: Uint8Array): Promise<number | null> {
  try {
    const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return pdf.getPageCount();
  } catch {
    return null;
  }
}

/** Streams a file from disk into the blob store, after checking what it really is. */
export async function storeFileFromDisk(
  storage: BlobStore,
  file: string,
  accepted: readonly string[],
): Promise<StoredFile> {
  let stat: fs.Stats;
  try {
    stat = await fsp.stat(file);
  } catch {
    throw new FileProblem(`file not found: ${file}`);
  }
  if (!stat.isFile()) throw new FileProblem(`not a file: ${file}`);
  if (stat.size === 0) throw new FileProblem(`empty file: ${file}`);
  const mediaType = sniffMediaType(await readHead(file));
  if (!mediaType || !accepted.includes(mediaType)) {
    throw new FileProblem(
      `${path.basename(file)} is not an accepted file type (expected ${accepted.join(', ')})`,
    );
  }
  const { sha256, byteSize } = await storage.put(fs.createReadStream(file));
  const pageCount =
    mediaType === 'application/pdf'
      ? await countPdfPages(await fsp.readFile(file))
      : mediaType.startsWith('image/')
        ? 1
        : null;
  return { sha256, byteSize, mediaType, fileName: safeFileName(path.basename(file)), pageCount };
}

/** A file name fit for a Content-Disposition header: no path, no control characters, bounded length. */
export function safeFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const cleaned = base
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f"<>:|?*\\/]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(-150);
  return cleaned === '' ? 'file' : cleaned;
}
