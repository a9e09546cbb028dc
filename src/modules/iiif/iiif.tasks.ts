import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import { type JobContext, throwIfAborted } from '../jobs/jobs.types.ts';
import { createIiifRepository } from './iiif.repository.ts';
import type { TileStore } from './iiif.tiles.ts';

export type TileDeps = { db: Kysely<Database>; storage: BlobStore; tiles: TileStore };

/** The bytes of a stored blob; page images are a few hundred kilobytes. */
export async function readBlob(storage: BlobStore, sha256: string): Promise<Buffer> {
  const stream = await storage.open(sha256);
  if (!stream) throw new Error(`the page image ${sha256} is missing from storage`);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Tiles every page image of a scan file that has none yet. Runs in the scan job once its pages are
 * made, so a new scan is zoomable as soon as it is readable; for scans processed before tiles existed,
 * `chancery jobs rescan` runs it again (their pages are up to date, so only the tiles are made).
 */
export async function tileScanPages(deps: TileDeps, scanSha256: string, job?: JobContext): Promise<number> {
  const pages =
    (await createIiifRepository({ db: deps.db }).pageImagesOf([scanSha256])).get(scanSha256) ?? [];
  let made = 0;
  for (const page of pages) {
    if (job) throwIfAborted(job.signal);
    if (deps.tiles.has(page.imageSha256)) continue;
    await deps.tiles.ensure(page.imageSha256, () => readBlob(deps.storage, page.imageSha256));
    made++;
    job?.reportProgress(`Tiles ${page.page}/${pages.length} pages`);
  }
  return made;
}
