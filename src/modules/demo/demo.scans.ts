import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BlobStore } from '../../storage/blob-store.ts';
import type { DemoDocument } from './demo.types.ts';
import { layoutDemoText } from './scans/layout.ts';
import { renderImagePdf, renderTextPdf } from './scans/pdf-output.ts';
import { rasterisePage } from './scans/raster.ts';

export type GeneratedScan = {
  bytes: Uint8Array;
  mediaType: 'application/pdf' | 'image/png';
  pageCount: number;
};
export type StoredScan = {
  sha256: string;
  byteSize: number;
  mediaType: GeneratedScan['mediaType'];
  pageCount: number;
};

/** A seed for the scan's noise that depends only on the document, so every load draws the same grain. */
const seedOf = (externalId: string) =>
  Number.parseInt(createHash('sha256').update(externalId).digest('hex').slice(0, 8), 16);

/**
 * The "original scan" of a demo document, generated from its original-language text: a PDF with a
 * text layer, a PDF of page images only, or a PNG photograph of the first page.
 */
export async function generateScan(document: DemoDocument): Promise<GeneratedScan | undefined> {
  const { scan, original, record } = document;
  if (!scan) return undefined;
  const layout = layoutDemoText(original);
  const info = { title: original.title, subject: record.title, language: original.language };
  const seed = seedOf(record.externalId);
  const tiltDegrees = scan.tiltDegrees ?? 0.5;

  switch (scan.form) {
    case 'text-pdf':
      return {
        bytes: await renderTextPdf(layout, info),
        mediaType: 'application/pdf',
        pageCount: layout.pages.length,
      };
    case 'image-pdf': {
      const images: Uint8Array[] = [];
      for (const index of layout.pages.keys()) {
        images.push(
          await rasterisePage(layout, index, { dpi: 150, tiltDegrees, seed, format: 'jpeg', grain: 24 }),
        );
      }
      return {
        bytes: await renderImagePdf(images, layout, info),
        mediaType: 'application/pdf',
        pageCount: layout.pages.length,
      };
    }
    case 'image':
      return {
        bytes: await rasterisePage(layout, 0, { dpi: 100, tiltDegrees, seed, format: 'png', grain: 6 }),
        mediaType: 'image/png',
        pageCount: 1,
      };
  }
}

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
