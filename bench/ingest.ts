/**
 * `npm run bench:ingest`: how fast records and scans get in.
 *
 * 1. JSONL import into SQLite, search indexing included (goal: at least 1,000 documents/s).
 * 2. FRUS TEI import from the development corpus, when the corpus and the importer are there.
 * 3. OCR pages per minute through the whole pipeline (job queue, PDF rendering, OCR, page images,
 *    database writes, search indexing) against the OCR engine alone on the same page images, in the
 *    same run (goal: pipeline overhead at most 15%). The engine-only run is timed before and after
 *    the pipeline run and averaged, so a machine that gets busier meanwhile skews neither side.
 *
 * Figures depend on the machine; ratios are what to compare across runs. BENCH_DOCUMENTS sets the
 * JSONL size (default 5,000); BENCH_PARTS picks parts (`jsonl,frus,ocr`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Container, createContainer } from '../src/app/container.ts';
import { createLogger } from '../src/app/logger.ts';
import { loadConfig } from '../src/config/config.ts';
import { importExportDeps, importRecords } from '../src/modules/import-export/import-export.usecases.ts';
import { createIngestJobs } from '../src/modules/ingest/pipeline/ingest.tasks.ts';
import { createTesseractEngine, type OcrImage } from '../src/modules/ingest/pipeline/ocr-engine.ts';
import { discoverLanguageData } from '../src/modules/ingest/pipeline/ocr-languages.ts';
import { ocrDpi, ocrImageOfRendered } from '../src/modules/ingest/pipeline/page-images.ts';
import { openPdf } from '../src/modules/ingest/pipeline/pdf-pages.ts';
import {
  corpusFile,
  makeScanImage,
  saveScanDocument,
} from '../src/modules/ingest/pipeline/pipeline.test-support.ts';
import { createJobWorker } from '../src/modules/jobs/jobs.worker.ts';

const documentCount = Number(process.env.BENCH_DOCUMENTS ?? 5000);
const parts = (process.env.BENCH_PARTS ?? 'jsonl,frus,ocr').split(',');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-bench-ingest-'));
const results: string[] = [];
const report = (line: string) => {
  console.log(line);
  results.push(line);
};

async function freshContainer(name: string): Promise<Container> {
  const dataDir = path.join(scratch, name);
  return createContainer(
    loadConfig({ CHANCERY_DATA_DIR: dataDir, DATABASE_URL: `sqlite:${path.join(dataDir, 'archive.db')}` }),
    { logger: createLogger({ silent: true }) },
  );
}

function syntheticJsonl(file: string, count: number) {
  const people = [
    'Huang Zhen',
    'Nikolai Mesyatsev',
    'Dean Rusk',
    'Andrei Gromyko',
    'Zhou Enlai',
    'Harold Macmillan',
  ];
  const subjects = ['Border crossings', 'Migration', 'Nuclear testing', 'Trade', 'Berlin', 'Laos'];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const year = 1950 + (i % 30);
    const day = String(1 + (i % 28)).padStart(2, '0');
    const body = Array.from(
      { length: 12 },
      (_, p) =>
        `<p>Paragraph ${p + 1} of record ${i}: the ambassador raised the question of ${subjects[(i + p) % subjects.length]} and the reply of the ministry, dated ${year}.</p>`,
    ).join('');
    lines.push(
      JSON.stringify({
        externalId: `bench/${i}`,
        title: `Telegram ${i} on ${subjects[i % subjects.length]}`,
        date: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${day}`,
        languages: ['en'],
        summary: `A synthetic record about ${subjects[i % subjects.length]}.`,
        agents: [
          { name: people[i % people.length], role: 'author' },
          { name: people[(i + 1) % people.length], role: 'recipient' },
        ],
        subjects: [subjects[i % subjects.length], subjects[(i + 2) % subjects.length]],
        assets: [{ kind: 'transcript', language: 'en', html: body }],
      }),
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

async function benchJsonl() {
  const file = path.join(scratch, 'records.jsonl');
  syntheticJsonl(file, documentCount);
  const container = await freshContainer('jsonl');
  try {
    const started = performance.now();
    const summary = await importRecords(importExportDeps(container), { file, format: 'jsonl' });
    const seconds = (performance.now() - started) / 1000;
    const imported = summary.documents.created + summary.documents.updated;
    if (imported !== documentCount) throw new Error(`imported ${imported} of ${documentCount} records`);
    const rate = imported / seconds;
    report(
      `JSONL import (SQLite, indexed): ${imported} documents in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} documents/s (goal ≥ 1,000): ${rate >= 1000 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await container.close();
  }
}

async function benchFrus() {
  const volumes = ['frus/volumes/frus1961-63v06.xml', 'frus/volumes/frus1952-54Guat.xml'].map(corpusFile);
  if (volumes.some((v) => v === undefined)) {
    report('FRUS TEI import: skipped (the development corpus is not at ../shared/corpus).');
    return;
  }
  const container = await freshContainer('frus');
  try {
    let documents = 0;
    const started = performance.now();
    for (const file of volumes as string[]) {
      const summary = await importRecords(importExportDeps(container), { file, format: 'frus-tei' });
      documents += summary.documents.created + summary.documents.updated;
    }
    const seconds = (performance.now() - started) / 1000;
    report(
      `FRUS TEI import: ${documents} documents from 2 volumes in ${seconds.toFixed(1)} s = ${(documents / seconds).toFixed(0)} documents/s`,
    );
  } catch (error) {
    report(`FRUS TEI import: skipped (${(error as Error).message.split('\n')[0]})`);
  } finally {
    await container.close();
  }
}

/** Image-only scans: NARA originals from the corpus, or made here when the corpus is absent. */
async function scanFiles(): Promise<Uint8Array[]> {
  const nara = ['pdf/nara-original/104-10004-10156.pdf', 'pdf/nara-original/104-10004-10143.pdf'].map(
    corpusFile,
  );
  if (nara.every((f) => f !== undefined)) return nara.map((f) => new Uint8Array(fs.readFileSync(f!)));
  console.log('(corpus absent: OCR benchmark on generated scans)');
  return [0, 1, 2].map((i) =>
    makeScanImage([
      `MEMORANDUM FOR THE RECORD ${i}`,
      'SUBJECT: Meeting with the Soviet chargé',
      'The ambassador said',
    ]),
  );
}

async function ocrImagesOf(bytes: Uint8Array): Promise<OcrImage[]> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50)) {
    const { default: sharp } = await import('sharp');
    const meta = await sharp(bytes).metadata();
    return [{ data: bytes, width: meta.width!, height: meta.height! }];
  }
  const pdf = await openPdf(bytes);
  const images: OcrImage[] = [];
  for (let n = 1; n <= pdf.pageCount; n++) {
    images.push(await ocrImageOfRendered(await (await pdf.page(n)).render(ocrDpi / 72)));
  }
  await pdf.close();
  return images;
}

async function benchOcr() {
  const files = await scanFiles();
  const catalog = discoverLanguageData();
  const engine = createTesseractEngine({ catalog, languageDir: path.join(scratch, 'ocr-languages') });
  try {
    const images: OcrImage[] = [];
    for (const file of files) images.push(...(await ocrImagesOf(file)));
    // Both sides use a loaded, warmed engine: model loading is a one-off per worker process.
    await engine.recognize(images[0]!, ['eng']);

    const direct = async () => {
      const started = performance.now();
      for (const image of images) await engine.recognize(image, ['eng']);
      return (performance.now() - started) / 1000;
    };
    const directBefore = await direct();

    const container = await freshContainer('ocr');
    let pipelineSeconds: number;
    try {
      for (const [index, bytes] of files.entries()) {
        await saveScanDocument(container, bytes, { externalId: `bench/scan-${index}`, languages: ['en'] });
      }
      const ingest = createIngestJobs(container, { ocr: engine });
      const worker = createJobWorker({
        db: container.database.db,
        dialect: container.database.dialect,
        logger: container.logger,
        definitions: ingest.definitions,
        pollMs: 20,
      });
      const started = performance.now();
      const summary = await worker.runUntilIdle();
      pipelineSeconds = (performance.now() - started) / 1000;
      if (summary.succeeded !== files.length) throw new Error(`pipeline: ${JSON.stringify(summary)}`);
      const ocrPages = await container.database.db
        .selectFrom('scan_pages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('text_source', '=', 'ocr')
        .executeTakeFirstOrThrow();
      if (Number(ocrPages.n) !== images.length)
        throw new Error(`OCR'd ${ocrPages.n} of ${images.length} pages`);
    } finally {
      await container.close();
    }
    const directAfter = await direct();
    const directSeconds = (directBefore + directAfter) / 2;
    const perMinute = (seconds: number) => ((images.length / seconds) * 60).toFixed(1);
    const overhead = pipelineSeconds / directSeconds - 1;
    report(
      `OCR, engine alone: ${images.length} pages in ${directSeconds.toFixed(1)} s = ${perMinute(directSeconds)} pages/min (runs: ${directBefore.toFixed(1)} s, ${directAfter.toFixed(1)} s)`,
    );
    report(
      `OCR, whole pipeline: ${images.length} pages in ${pipelineSeconds.toFixed(1)} s = ${perMinute(pipelineSeconds)} pages/min`,
    );
    report(
      `Pipeline overhead: ${(overhead * 100).toFixed(1)}% (goal ≤ 15%): ${overhead <= 0.15 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await engine.close();
  }
}

try {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  report(`Ingest benchmark on ${os.cpus().length} cores, Node ${process.version}, load average ${load}`);
  if (parts.includes('jsonl')) await benchJsonl();
  if (parts.includes('frus')) await benchFrus();
  if (parts.includes('ocr')) await benchOcr();
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
