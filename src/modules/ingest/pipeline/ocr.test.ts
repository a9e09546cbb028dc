import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/support/databases.ts';
import { createArchiveWorker } from '../../jobs/jobs.runtime.ts';
import { createTesseractEngine } from './ocr-engine.ts';
import {
  discoverLanguageData,
  type LanguageCatalog,
  planOcrLanguages,
  tesseractModelFor,
} from './ocr-languages.ts';
import { removeSpacesBetweenHan, tidyPageText } from './page-text.ts';
import { makeScanImage, saveScanDocument } from './pipeline.test-support.ts';

const catalogOf = (...models: string[]): LanguageCatalog => ({
  files: new Map(models.map((m) => [m, `/data/${m}.traineddata`])),
});

describe('OCR languages', () => {
  it('maps document languages to Tesseract models, Traditional Chinese included', () => {
    expect(tesseractModelFor('en')).toBe('eng');
    expect(tesseractModelFor('zh')).toBe('chi_sim');
    expect(tesseractModelFor('zh-Hant')).toBe('chi_tra');
    expect(tesseractModelFor('zh-TW')).toBe('chi_tra');
    expect(tesseractModelFor('ru')).toBe('rus');
    expect(tesseractModelFor('tlh')).toBeUndefined();
  });

  it('reads with what is installed and says plainly which language could not be read', () => {
    const plan = planOcrLanguages(['ru', 'en'], catalogOf('eng', 'chi_sim'));
    expect(plan.models).toEqual(['eng']);
    expect(plan.notes).toHaveLength(1);
    expect(plan.notes[0]).toMatch(/No Russian OCR data.*tesseract-ocr-rus/);

    const withRussian = planOcrLanguages(['ru', 'en'], catalogOf('eng', 'rus'));
    expect(withRussian).toEqual({ models: ['rus', 'eng'], notes: [] });
  });

  it('falls back to Simplified Chinese for Traditional, and to English when nothing else fits', () => {
    const traditional = planOcrLanguages(['zh-Hant'], catalogOf('eng', 'chi_sim'));
    expect(traditional.models).toEqual(['chi_sim']);
    expect(traditional.notes[0]).toMatch(/Traditional Chinese/);
    expect(planOcrLanguages([], catalogOf('eng')).models).toEqual(['eng']);
  });

  it('finds the bundled English and Chinese data after npm install, with no system packages', () => {
    const catalog = discoverLanguageData([]);
    expect(catalog.files.has('eng')).toBe(true);
    expect(catalog.files.has('chi_sim')).toBe(true);
  });
});

describe('OCR text', () => {
  it('removes the spaces Tesseract puts between Chinese characters and keeps those between words', () => {
    expect(removeSpacesBetweenHan('中 华 人 民 共 和 国 外 交 部 ， 1962 年 Moscow talks')).toBe(
      '中华人民共和国外交部，1962 年 Moscow talks',
    );
    expect(tidyPageText('line one  \r\n\r\n\r\n\r\nline   two\u0000')).toBe('line one\n\nline   two');
  });
});

// Slow and database-neutral: run in the SQLite pass of the suite, not again in the PostgreSQL one.
describe.skipIf(Boolean(process.env.CHANCERY_TEST_DATABASE_URL))('OCR of scanned pages', () => {
  let context: TestContext;
  let languageDir: string;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    languageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-ocr-'));
  });
  afterAll(async () => {
    await context.dispose();
    fs.rmSync(languageDir, { recursive: true, force: true });
  });

  it('reads Chinese with the bundled model and stores it without spaces between characters', async () => {
    const engine = createTesseractEngine({ catalog: discoverLanguageData([]), languageDir });
    try {
      const image = makeScanImage(['中华人民共和国外交部'], '64px "Noto Serif CJK SC", "Noto Sans CJK SC"');
      const result = await engine.recognize({ data: image, width: 1800, height: 410 }, ['chi_sim']);
      expect(result.text).toContain('中华人民共和国');
      expect(result.text).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
      expect(result.words.length).toBeGreaterThan(2);
    } finally {
      await engine.close();
    }
  }, 120_000);

  it('reads Russian with system Tesseract data, beside the bundled English, when it is installed', async (test) => {
    const catalog = discoverLanguageData();
    if (!catalog.files.has('rus')) {
      test.skip('no rus.traineddata on this machine (Debian: apt-get install tesseract-ocr-rus)');
      return;
    }
    const engine = createTesseractEngine({ catalog, languageDir });
    try {
      const image = makeScanImage(['ПОСОЛЬСТВО СССР В КНР', 'Запись беседы'], '60px "DejaVu Serif", serif');
      const result = await engine.recognize({ data: image, width: 1800, height: 520 }, ['rus', 'eng']);
      expect(result.text).toContain('ПОСОЛЬСТВО СССР');
    } finally {
      await engine.close();
    }
  }, 120_000);

  it('OCRs an image scan through the pipeline: text, confidence, word boxes, a machine-text flag', async () => {
    const image = makeScanImage(['MEMORANDUM FOR THE RECORD', 'SUBJECT: Meeting with the Soviet chargé']);
    const { documentId, sha256 } = await saveScanDocument(context.container, image, {
      externalId: 'ocr/english-image',
      languages: ['en', 'ru'],
    });
    const worker = createArchiveWorker(context.container, { pollMs: 20 });
    try {
      expect(await worker.runUntilIdle()).toMatchObject({ succeeded: 1, failed: 0 });
    } finally {
      await worker.close();
    }
    const page = await context.container.database.db
      .selectFrom('scan_pages')
      .selectAll()
      .where('blob_sha256', '=', sha256)
      .executeTakeFirstOrThrow();
    expect(page.text_source).toBe('ocr');
    expect(page.text).toMatch(/MEMORANDUM FOR THE RECORD/);
    expect(page.ocr_confidence).toBeGreaterThan(60);
    expect(JSON.parse(page.words!).some((w: unknown[]) => w[4] === 'MEMORANDUM')).toBe(true);

    const record = await (await context.app.request(`/api/v1/documents/${documentId}`)).json();
    const scan = record.processing.scans[0];
    expect(scan).toMatchObject({ status: 'done', machineText: true, ocrPages: 1, ocrPagesDone: 1 });
    expect(scan.ocrLanguages).toContain('eng');
    // Without Russian data on this machine the note says so; with it, Russian was used.
    if (!scan.ocrLanguages.includes('rus')) expect(scan.notes.join(' ')).toMatch(/Russian/);
  }, 120_000);
});
