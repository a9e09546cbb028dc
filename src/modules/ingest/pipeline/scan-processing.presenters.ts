import type { Kysely } from 'kysely';
import type { Database, ScanFileStatus } from '../../../database/tables.ts';
import type { StoredAsset } from '../../documents/documents.repository.ts';
import { createScanPagesRepository, type ScanFileRow } from './scan-pages.repository.ts';

export type ProcessingState = 'none' | ScanFileStatus;

/** How far the pipeline has got with one scan, in words a reader and an editor understand. */
export function describeProgress(scan: ScanFileRow): string | null {
  if (scan.status === 'pending') return scan.error ? 'Waiting to try again' : 'Waiting to be processed';
  if (scan.status !== 'processing') return null;
  if (scan.stage === 'ocr' && scan.ocr_pages > 0) return `OCR ${scan.ocr_pages_done}/${scan.ocr_pages} pages`;
  if (scan.page_count !== null && scan.stage !== 'reading')
    return `Pages ${scan.pages_done}/${scan.page_count}`;
  return 'Reading the file';
}

const presentScan = (assetId: number, scan: ScanFileRow | undefined) => ({
  assetId,
  status: scan?.status ?? 'pending',
  progress: scan ? describeProgress(scan) : 'Waiting to be processed',
  pageCount: scan?.page_count ?? null,
  pagesDone: scan?.pages_done ?? 0,
  ocrPages: scan?.ocr_pages ?? 0,
  ocrPagesDone: scan?.ocr_pages_done ?? 0,
  /** Tesseract models used, when any page was read by OCR. */
  ocrLanguages: scan?.ocr_languages ? scan.ocr_languages.split('+') : [],
  /** Some page text is machine-generated (OCR) and may contain errors. */
  machineText: (scan?.ocr_pages ?? 0) > 0,
  notes: scan?.notes ? scan.notes.split('\n') : [],
  error: scan?.error ?? null,
  finishedAt: scan?.finished_at ?? null,
});

const statePriority: ProcessingState[] = ['failed', 'processing', 'pending', 'done'];

/**
 * The `processing` field of a document's API record: one entry per scan, and an overall state and
 * progress line ("OCR 3/12 pages") for the scan furthest from done.
 */
export async function loadDocumentProcessing(db: Kysely<Database>, assets: readonly StoredAsset[]) {
  const scanAssets = assets.filter((a) => a.kind === 'scan' && a.blobSha256);
  const files = await createScanPagesRepository({ db }).scanFiles(scanAssets.map((a) => a.blobSha256!));
  const scans = scanAssets.map((a) => presentScan(a.id, files.get(a.blobSha256!)));
  const state: ProcessingState =
    scans.length === 0
      ? 'none'
      : (statePriority.find((s) => scans.some((scan) => scan.status === s)) ?? 'done');
  const busiest =
    scans.find((scan) => scan.status === 'processing') ?? scans.find((scan) => scan.status === 'pending');
  return { state, progress: busiest?.progress ?? null, scans };
}

export type DocumentProcessing = Awaited<ReturnType<typeof loadDocumentProcessing>>;
