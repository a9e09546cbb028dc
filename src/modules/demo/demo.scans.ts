import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BlobStore } from '../../storage/blob-store.ts';
import type { DemoDocument } from './demo.types.ts';
import type { GeneratedScan } from './scans/generate.ts';

export type StoredScan = {
  sha256: string;
  byteSize: number;
  mediaType: GeneratedScan['mediaType'];
  pageCount: number;
};

const require = createRequire(import.meta.url);
/** Versions of everything that shapes the output bytes: a new version of any of them means new scans. */
const generatorVersion = [
  'demo-scans-1',
  ...[
    'pdf-lib',
    '@pdf-lib/fontkit',
    '@napi-rs/canvas',
    '@fontsource/noto-serif',
    '@fontsource/noto-serif-sc',
  ].map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`),
].join(' ');

/** What a scan is made from; equal keys give byte-identical scans. */
export const scanKey = (document: DemoDocument): string =>
  createHash('sha256')
    .update(generatorVersion)
    .update(
      JSON.stringify([document.record.externalId, document.record.title, document.scan, document.original]),
    )
    .digest('hex');

/**
 * Generates a demo scan and puts it in the blob store, unless an earlier load on this data directory
 * already did. Generating the seven demo scans costs a few seconds of CPU (font shaping, subsetting,
 * rasterising); the cache under `<dataDir>/cache/demo-scans` records, per content key, the blob that
 * was made, so loading the demo again into a fresh database reuses the stored files. A cache entry
 * whose blob is gone is ignored.
 */
export async function storeScan(
  storage: BlobStore,
  cacheDir: string,
  document: DemoDocument,
): Promise<StoredScan | undefined> {
  if (!document.scan) return undefined;
  const entryFile = path.join(cacheDir, `${scanKey(document)}.json`);
  const cached = await readEntry(entryFile);
  if (cached && (await storage.size(cached.sha256)) === cached.byteSize) return cached;

  // The generator (fonts, pdf-lib, the canvas) is loaded only when a scan must really be made.
  const { generateScan } = await import('./scans/generate.ts');
  const scan = await generateScan(document);
  if (!scan) return undefined;
  const { sha256, byteSize } = await storage.put(scan.bytes);
  const stored: StoredScan = { sha256, byteSize, mediaType: scan.mediaType, pageCount: scan.pageCount };
  await writeEntry(entryFile, stored);
  return stored;
}

async function readEntry(file: string): Promise<StoredScan | undefined> {
  try {
    const entry = JSON.parse(await fsp.readFile(file, 'utf8')) as Partial<StoredScan>;
    const valid =
      typeof entry.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(entry.sha256) &&
      typeof entry.byteSize === 'number' &&
      (entry.mediaType === 'application/pdf' || entry.mediaType === 'image/png') &&
      typeof entry.pageCount === 'number';
    return valid ? (entry as StoredScan) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a cache entry through a temporary file, so a crash never leaves half an entry; a cache that cannot be written only costs time. */
async function writeEntry(file: string, entry: StoredScan): Promise<void> {
  try {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await fsp.writeFile(temporary, JSON.stringify(entry));
    await fsp.rename(temporary, file);
  } catch {
    fs.rmSync(`${file}.${process.pid}.tmp`, { force: true });
  }
}
