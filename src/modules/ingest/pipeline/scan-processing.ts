import type { Kysely } from 'kysely';
import type { Logger } from '../../../app/logger.ts';
import type { DialectName } from '../../../database/database.ts';
import type { Database } from '../../../database/tables.ts';
import type { BlobStore } from '../../../storage/blob-store.ts';
import { type JobContext, PermanentJobError, throwIfAborted } from '../../jobs/jobs.types.ts';
import { syncSearchIndexForBlob } from '../../search/search.indexer.ts';
import { nowIso } from '../../shared/text.ts';
import type { OcrEngine } from './ocr-engine.ts';
import { type LanguageCatalog, planOcrLanguages } from './ocr-languages.ts';
import { letterCount, type PageText } from './page-text.ts';
import { createScanPagesRepository, type DerivedBlob, type ScanPageRow } from './scan-pages.repository.ts';
import { ScanFileProblem } from './scan-problems.ts';
import { openScanSource, type PreparedPage, type ScanSource } from './scan-source.ts';

/** Raised when the way pages are derived changes, so stored pages are made again. */
export const pipelineVersion = 1;

/** Fewer letters than this in a page's text layer means a stamp or a page number: the page is read by OCR. */
const minTextLayerLetters = 25;

/** Larger files are refused rather than read into memory (pdf.js needs the whole file). */
const maxScanBytes = 1024 ** 3;

export type ScanProcessingDeps = {
  db: Kysely<Database>;
  dialect: DialectName;
  storage: BlobStore;
  logger: Logger;
  ocr: OcrEngine;
  languages: LanguageCatalog;
};

type PagePlan = {
  page: number;
  textLayer: PageText | null;
  needsOcr: boolean;
  problem: string | null;
  /** Stored by an earlier run with the same settings. */
  reuse: boolean;
};

/**
 * Derives everything the archive shows of a scan: page count, text per page (the PDF's text layer,
 * else OCR in the document's languages), word boxes, and page images. Idempotent and resumable:
 * each page is committed on its own, a later run skips pages already made with the same settings,
 * and the file counts as done only when its last page is in.
 */
export async function processScan(deps: ScanProcessingDeps, sha256: string, job: JobContext): Promise<void> {
  const { db, storage, logger } = deps;
  const scans = createScanPagesRepository({ db });
  const blob = await db.selectFrom('blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  if (!blob) throw new PermanentJobError(`no stored file ${sha256}`);
  // The document was deleted, or its scan replaced, before the job ran: nothing to show it to.
  if ((await scans.documentsHolding(sha256)).length === 0) return;
  await scans.ensureScanFile(sha256, blob.media_type, nowIso());
  const file = (await scans.findScanFile(sha256))!;

  const plan = planOcrLanguages(await scans.languagesOf(sha256), deps.languages);
  const ocrKey = plan.models.join('+');
  const upToDate =
    file.status === 'done' &&
    file.pipeline_version === pipelineVersion &&
    (file.ocr_pages === 0 || file.ocr_languages === ocrKey);
  if (upToDate) return;

  await scans.updateScanFile(sha256, {
    status: 'processing',
    stage: 'reading',
    error: null,
    updated_at: nowIso(),
  });
  let source: ScanSource | undefined;
  try {
    source = await openScanSource(await readScan(storage, sha256), file.media_type);
    await derivePages(deps, source, sha256, plan, job);
  } catch (error) {
    if (error instanceof ScanFileProblem) throw new PermanentJobError(error.message, { cause: error });
    if (!job.signal.aborted) {
      const message = error instanceof Error ? error.message : String(error);
      await scans.updateScanFile(sha256, {
        status: job.isLastAttempt ? 'failed' : 'pending',
        error: job.isLastAttempt ? message : `${message} (will try again)`,
        updated_at: nowIso(),
      });
      logger.warn('scan processing failed', { sha256, error: message });
    }
    throw error;
  } finally {
    await source?.close().catch(() => {});
  }
}

async function derivePages(
  deps: ScanProcessingDeps,
  source: ScanSource,
  sha256: string,
  languagePlan: { models: string[]; notes: string[] },
  job: JobContext,
): Promise<void> {
  const scans = createScanPagesRepository({ db: deps.db });
  const ocrKey = languagePlan.models.join('+');
  const stored = new Map((await scans.pages(sha256)).map((p) => [p.page, p]));
  const reusable = (row: ScanPageRow | undefined) =>
    row !== undefined &&
    row.pipeline_version === pipelineVersion &&
    row.problem === null &&
    row.page <= source.pageCount &&
    (row.text_source !== 'ocr' || row.ocr_languages === ocrKey);

  // First pass, quick: which pages have a real text layer, so progress can say "OCR 3/12 pages".
  const plans: PagePlan[] = [];
  let pagesDone = 0;
  let ocrDone = 0;
  for (let page = 1; page <= source.pageCount; page++) {
    throwIfAborted(job.signal);
    const row = stored.get(page);
    if (reusable(row)) {
      pagesDone++;
      if (row!.text_source === 'ocr') ocrDone++;
      plans.push({ page, textLayer: null, needsOcr: row!.text_source === 'ocr', problem: null, reuse: true });
      continue;
    }
    let textLayer: PageText | null = null;
    let problem: string | null = null;
    try {
      textLayer = await source.textLayer(page);
    } catch (error) {
      problem = (error as Error).message;
    }
    const needsOcr =
      problem === null && (textLayer === null || letterCount(textLayer.text) < minTextLayerLetters);
    plans.push({ page, textLayer, needsOcr, problem, reuse: false });
  }
  const ocrTotal = plans.filter((p) => p.needsOcr).length;
  const notes = ocrTotal > 0 ? [...languagePlan.notes] : [];
  const progress = () => {
    const text =
      ocrTotal > ocrDone ? `OCR ${ocrDone}/${ocrTotal} pages` : `Pages ${pagesDone}/${source.pageCount}`;
    job.reportProgress(text);
  };
  await scans.updateScanFile(sha256, {
    stage: ocrTotal > ocrDone ? 'ocr' : 'pages',
    page_count: source.pageCount,
    pages_done: pagesDone,
    ocr_pages: ocrTotal,
    ocr_pages_done: ocrDone,
    ocr_languages: ocrTotal > 0 ? ocrKey : null,
    notes: notes.length > 0 ? notes.join('\n') : null,
    updated_at: nowIso(),
  });
  progress();

  // Second pass: images and OCR. The next page is rendered while Tesseract (in its own thread)
  // reads this one, so rendering costs almost no time on a machine with two cores.
  const todo = plans.filter((p) => !p.reuse);
  const prepare = (plan: PagePlan | undefined) => {
    if (!plan || plan.problem) return undefined;
    const pending = source.prepare(plan.page, plan.needsOcr);
    pending.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
    return pending;
  };
  let upcoming = prepare(todo[0]);
  for (const [index, plan] of todo.entries()) {
    throwIfAborted(job.signal);
    let prepared: PreparedPage | undefined;
    let problem = plan.problem;
    if (upcoming) {
      try {
        prepared = await upcoming;
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
    }
    // Started only now, so that one page is rendered at a time, while Tesseract reads this one.
    upcoming = prepare(todo[index + 1]);
    let text = plan.textLayer;
    const ocrRan = Boolean(prepared?.ocrImage);
    if (prepared?.ocrImage) {
      const ocrText = await deps.ocr.recognize(prepared.ocrImage, languagePlan.models);
      // A thin text layer (a stamped number) still beats an OCR pass that found nothing.
      if (!text || letterCount(ocrText.text) >= letterCount(text.text)) text = { ...ocrText };
      else plan.needsOcr = false;
    }
    throwIfAborted(job.signal);
    await storePage(deps, sha256, plan, { prepared, text, problem, ocrKey });
    pagesDone++;
    if (ocrRan) ocrDone++;
    if (problem) notes.push(`Page ${plan.page}: ${problem}`);
    await scans.updateScanFile(sha256, {
      pages_done: pagesDone,
      ocr_pages_done: ocrDone,
      updated_at: nowIso(),
    });
    progress();
  }

  // The file is done, its documents' search rows include its text, and page caches are stale: all at once.
  await deps.db.transaction().execute(async (trx) => {
    const inTransaction = createScanPagesRepository({ db: trx });
    await inTransaction.updateScanFile(sha256, {
      status: 'done',
      stage: null,
      error: null,
      notes: notes.length > 0 ? notes.join('\n') : null,
      pipeline_version: pipelineVersion,
      finished_at: nowIso(),
      updated_at: nowIso(),
    });
    await inTransaction.setAssetPageCount(sha256, source.pageCount);
    await syncSearchIndexForBlob({ db: trx, dialect: deps.dialect }, sha256);
    await inTransaction.bumpContentVersion();
  });
}

async function storePage(
  deps: ScanProcessingDeps,
  sha256: string,
  plan: PagePlan,
  result: {
    prepared: PreparedPage | undefined;
    text: PageText | null;
    problem: string | null;
    ocrKey: string;
  },
): Promise<void> {
  const { prepared, text, problem } = result;
  const blobs: DerivedBlob[] = [];
  const put = async (data: Buffer) => {
    const stored = await deps.storage.put(data);
    blobs.push({ ...stored, mediaType: 'image/webp' });
    return stored.sha256;
  };
  const imageSha = prepared ? await put(prepared.images.image.data) : null;
  const thumbnailSha = prepared ? await put(prepared.images.thumbnail.data) : null;
  const now = nowIso();
  const source = text === null || problem ? 'none' : plan.needsOcr ? 'ocr' : 'pdf-text';
  await deps.db.transaction().execute(async (trx) => {
    await createScanPagesRepository({ db: trx }).savePage(
      {
        blob_sha256: sha256,
        page: plan.page,
        width: prepared?.images.image.width ?? 0,
        height: prepared?.images.image.height ?? 0,
        text: problem ? '' : (text?.text ?? ''),
        text_source: source,
        ocr_confidence: source === 'ocr' ? (text?.confidence ?? null) : null,
        ocr_languages: source === 'ocr' ? result.ocrKey : null,
        words: text && !problem && text.words.length > 0 ? JSON.stringify(text.words) : null,
        image_sha256: imageSha,
        thumbnail_sha256: thumbnailSha,
        problem,
        pipeline_version: pipelineVersion,
        created_at: now,
        updated_at: now,
      },
      blobs,
      now,
    );
  });
}

async function readScan(storage: BlobStore, sha256: string): Promise<Uint8Array> {
  const stream = await storage.open(sha256);
  if (!stream) throw new ScanFileProblem('missing', 'The scan file is missing from storage.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxScanBytes) {
      stream.destroy();
      throw new ScanFileProblem('too-large', 'The scan is larger than 1 GiB; split it into volumes.');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
