/**
 * `npm run bench:ingest`: how fast records and scans get in.
 *
 * 1. JSONL import, search indexing included (goal: at least 1,000 documents/s on SQLite), on SQLite
 *    and, when BENCH_POSTGRES_URL (or CHANCERY_TEST_DATABASE_URL) names a server, on a fresh
 *    PostgreSQL database made for the run and dropped after it.
 * 2. FRUS TEI import from the development corpus, when the corpus and the importer are there.
 * 3. OCR pages per minute through the whole pipeline (job queue, PDF rendering, OCR, page images,
 *    database writes, search indexing) against the OCR engine alone on the same page images, in the
 *    same run (goal: pipeline overhead at most 15%). Engine-only and pipeline runs alternate
 *    (engine, pipeline, engine, ... engine), each pipeline run compared with the engine runs on
 *    either side of it, so a machine that gets busier or quieter meanwhile skews neither side; the
 *    median and the spread of BENCH_OCR_ROUNDS such comparisons are printed.
 *
 * Rates are printed per second of wall time and per second of this process's CPU time: on a shared
 * machine the second says what the code costs, the first what the machine gave it. Figures depend on
 * the machine; ratios are what to compare across runs. BENCH_DOCUMENTS sets the JSONL size (default
 * 5,000); BENCH_PARTS picks parts (`jsonl,frus,ocr`); BENCH_OCR_ROUNDS (default 3).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
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
const ocrRounds = Number(process.env.BENCH_OCR_ROUNDS ?? 3);
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.CHANCERY_TEST_DATABASE_URL;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-bench-ingest-'));
const results: string[] = [];
const report = (line: string) => {
  console.log(line);
  results.push(line);
};

async function freshContainer(name: string, databaseUrl?: string): Promise<Container> {
  const dataDir = path.join(scratch, name);
  return createContainer(
    loadConfig({
      CHANCERY_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? `sqlite:${path.join(dataDir, 'archive.db')}`,
    }),
    { logger: createLogger({ silent: true }) },
  );
}

/** A PostgreSQL database of its own for one part of the run, dropped afterwards. */
async function withPostgresDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const name = `chancery_bench_${process.pid}_${Date.now()}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  try {
    const url = new URL(postgresUrl!);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

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
  await importJsonl('SQLite', file);
  if (postgresUrl) await withPostgresDatabase((url) => importJsonl('PostgreSQL', file, url));
  else report('JSONL import (PostgreSQL): skipped (set BENCH_POSTGRES_URL to measure it).');
}

async function importJsonl(label: string, file: string, databaseUrl?: string) {
  const container = await freshContainer(`jsonl-${label}`, databaseUrl);
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const summary = await importRecords(importExportDeps(container), { file, format: 'jsonl' });
    const seconds = (performance.now() - started) / 1000;
    const cpuUsed = cpuSeconds(cpu);
    const imported = summary.documents.created + summary.documents.updated;
    if (imported !== documentCount) throw new Error(`imported ${imported} of ${documentCount} records`);
    const rate = imported / seconds;
    report(
      `JSONL import (${label}, indexed): ${imported} documents in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} documents/s` +
        `${label === 'SQLite' ? ` (goal ≥ 1,000): ${rate >= 1000 ? 'met' : 'NOT met'}` : ''}; ` +
        `${(imported / cpuUsed).toFixed(0)} documents per CPU second of this process` +
        `${label === 'SQLite' ? '' : ' (the server’s CPU not counted)'}; load average ${loadAverage()}`,
    );
  } finally {
    await container.close();
  }
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

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
    const pipeline = async (round: number) => {
      const container = await freshContainer(`ocr-${round}`);
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
        const seconds = (performance.now() - started) / 1000;
        if (summary.succeeded !== files.length) throw new Error(`pipeline: ${JSON.stringify(summary)}`);
        const ocrPages = await container.database.db
          .selectFrom('scan_pages')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('text_source', '=', 'ocr')
          .executeTakeFirstOrThrow();
        if (Number(ocrPages.n) !== images.length)
          throw new Error(`OCR'd ${ocrPages.n} of ${images.length} pages`);
        return seconds;
      } finally {
        await container.close();
      }
    };

    // engine, pipeline, engine, pipeline, ..., engine: each pipeline run between two engine runs.
    const directRuns = [await direct()];
    const pipelineRuns: number[] = [];
    for (let round = 0; round < ocrRounds; round++) {
      pipelineRuns.push(await pipeline(round));
      directRuns.push(await direct());
      console.log(
        `  round ${round + 1}: engine ${directRuns[round]!.toFixed(1)} s, pipeline ${pipelineRuns[round]!.toFixed(1)} s, engine ${directRuns[round + 1]!.toFixed(1)} s (load ${loadAverage()})`,
      );
    }
    const overheads = pipelineRuns.map(
      (seconds, round) => seconds / ((directRuns[round]! + directRuns[round + 1]!) / 2) - 1,
    );
    const perMinute = (seconds: number) => ((images.length / seconds) * 60).toFixed(1);
    const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
    const overhead = median(overheads);
    report(
      `OCR, engine alone: ${images.length} pages, median ${median(directRuns).toFixed(1)} s = ${perMinute(median(directRuns))} pages/min (${directRuns.length} runs: ${directRuns.map((r) => r.toFixed(1)).join(', ')} s)`,
    );
    report(
      `OCR, whole pipeline: ${images.length} pages, median ${median(pipelineRuns).toFixed(1)} s = ${perMinute(median(pipelineRuns))} pages/min (${pipelineRuns.length} runs: ${pipelineRuns.map((r) => r.toFixed(1)).join(', ')} s)`,
    );
    report(
      `Pipeline overhead: median ${percent(overhead)}, spread ${percent(Math.min(...overheads))} to ${percent(Math.max(...overheads))} over ${overheads.length} rounds (goal ≤ 15%): ${overhead <= 0.15 ? 'met' : 'NOT met'}; load average ${loadAverage()}`,
    );
  } finally {
    await engine.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

try {
  report(
    `Ingest benchmark on ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}, load average ${loadAverage()}`,
  );
  if (parts.includes('jsonl')) await benchJsonl();
  if (parts.includes('frus')) await benchFrus();
  if (parts.includes('ocr')) await benchOcr();
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
