import path from 'node:path';
import type { Container } from '../../../app/container.ts';
import { tileScanPages } from '../../iiif/iiif.tasks.ts';
import { createTileStore, tilesRootOf } from '../../iiif/iiif.tiles.ts';
import { defineJob, type JobDefinition } from '../../jobs/jobs.types.ts';
import { nowIso } from '../../shared/text.ts';
import { createTesseractEngine, type OcrEngine } from './ocr-engine.ts';
import { discoverLanguageData } from './ocr-languages.ts';
import { scanJobShape } from './scan-jobs.ts';
import { createScanPagesRepository } from './scan-pages.repository.ts';
import { processScan, type ScanProcessingDeps } from './scan-processing.ts';

export type IngestJobsOptions = {
  /** Another OCR engine (the benchmark times the same engine with and without the pipeline). */
  ocr?: OcrEngine;
};

/**
 * The ingest jobs with their dependencies, for a worker. The OCR engine is made on first use and
 * closed by `close` (its threads would otherwise keep the process alive).
 */
export function createIngestJobs(
  container: Pick<Container, 'config' | 'database' | 'storage' | 'logger'>,
  options: IngestJobsOptions = {},
): { definitions: JobDefinition[]; close: () => Promise<void> } {
  const { config, database, storage, logger } = container;
  const languages = discoverLanguageData(config.ocrDataDirs);
  let ocr = options.ocr;
  const ownsOcr = !ocr;
  const engine = (): OcrEngine => {
    ocr ??= createTesseractEngine({
      catalog: languages,
      languageDir: path.join(config.dataDir, 'cache', 'ocr-languages'),
    });
    return ocr;
  };
  const lazyOcr: OcrEngine = {
    recognize: (image, models) => engine().recognize(image, models),
    close: async () => {},
  };
  const deps: ScanProcessingDeps = {
    db: database.db,
    dialect: database.dialect,
    storage,
    logger,
    ocr: lazyOcr,
    languages,
  };

  const tiles = createTileStore(tilesRootOf(config.dataDir));
  const scanJob = defineJob({
    ...scanJobShape,
    // IIIF tiles come last: made from the finished page images, and made for up-to-date scans too.
    // A tile failure does not fail a readable scan: the tile routes make missing tiles on request.
    handler: async ({ sha256 }, context) => {
      await processScan(deps, sha256, context);
      await tileScanPages({ db: database.db, storage, tiles }, sha256, context).catch((error: unknown) => {
        if (context.signal.aborted) throw error;
        logger.warn('IIIF tiles failed', {
          sha256,
          error: error instanceof Error ? error.message : String(error),
        });
      });
    },
    async onFailure({ sha256 }, error) {
      await createScanPagesRepository({ db: database.db }).updateScanFile(sha256, {
        status: 'failed',
        stage: null,
        error,
        updated_at: nowIso(),
      });
    },
  });

  return {
    definitions: [scanJob],
    close: async () => {
      if (ownsOcr) await ocr?.close();
    },
  };
}
