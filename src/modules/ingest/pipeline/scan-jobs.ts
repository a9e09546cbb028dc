import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DialectName } from '../../../database/database.ts';
import type { Database } from '../../../database/tables.ts';
import { createJobQueue } from '../../jobs/jobs.queue.ts';
import { defineJob } from '../../jobs/jobs.types.ts';
import { nowIso } from '../../shared/text.ts';
import { createScanPagesRepository } from './scan-pages.repository.ts';

/*
 * Queueing scan processing, kept apart from the pipeline itself so that saving a document does not
 * load pdf.js, sharp and Tesseract into every process that saves one.
 */

const scanPayload = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const scanJobName = 'scan.process';

/** The job's shape, for queueing it without building its dependencies (the handler is never called). */
export const scanJobShape = defineJob({
  name: scanJobName,
  payload: scanPayload,
  maxAttempts: 3,
  // Progress is reported per page, and no page takes ten minutes, even a dense one read by OCR.
  stallTimeoutMs: 10 * 60_000,
  async handler() {
    throw new Error('scan.process runs only in a worker built by createIngestJobs');
  },
});

/**
 * Queues processing for every scan a document holds. Called inside the transaction that saved the
 * document, so the job exists exactly when the document does; a scan already queued is not queued again.
 */
export async function enqueueScanProcessing(
  deps: { db: Kysely<Database>; dialect: DialectName },
  documentId: number,
): Promise<number> {
  const scans = await deps.db
    .selectFrom('assets')
    .select(['blob_sha256', 'media_type'])
    .distinct()
    .where('document_id', '=', documentId)
    .where('kind', '=', 'scan')
    .where('blob_sha256', 'is not', null)
    .execute();
  await queueScans(deps, scans);
  return scans.length;
}

/** enqueueScanProcessing for a batch of documents, given as just read (their assets are enough). */
export async function enqueueScanProcessingOf(
  deps: { db: Kysely<Database>; dialect: DialectName },
  documents: readonly {
    assets: readonly { kind: string; blobSha256: string | null; mediaType: string | null }[];
  }[],
): Promise<number> {
  const scans = new Map<string, string | null>();
  for (const document of documents) {
    for (const asset of document.assets) {
      if (asset.kind === 'scan' && asset.blobSha256 && !scans.has(asset.blobSha256))
        scans.set(asset.blobSha256, asset.mediaType);
    }
  }
  await queueScans(
    deps,
    [...scans].map(([blob_sha256, media_type]) => ({ blob_sha256, media_type })),
  );
  return scans.size;
}

/**
 * Queues every scan of the archive. Up-to-date scans cost a lookup; the others are made again, e.g.
 * OCR in Russian after `tesseract-ocr-rus` was installed, or every page after a pipeline change.
 */
export async function enqueueAllScans(deps: { db: Kysely<Database>; dialect: DialectName }): Promise<number> {
  const scans = await deps.db
    .selectFrom('assets')
    .select(['blob_sha256', 'media_type'])
    .distinct()
    .where('kind', '=', 'scan')
    .where('blob_sha256', 'is not', null)
    .execute();
  await queueScans(deps, scans);
  return scans.length;
}

async function queueScans(
  deps: { db: Kysely<Database>; dialect: DialectName },
  scans: { blob_sha256: string | null; media_type: string | null }[],
): Promise<void> {
  const repository = createScanPagesRepository({ db: deps.db });
  const queue = createJobQueue(deps);
  for (const scan of scans) {
    const sha256 = scan.blob_sha256!;
    await repository.ensureScanFile(sha256, scan.media_type ?? 'application/octet-stream', nowIso());
    await queue.enqueue(scanJobShape, { sha256 }, { dedupeKey: `${scanJobName}:${sha256}` });
  }
}
