import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { languageName } from '../../shared/languages.ts';

/**
 * Which Tesseract model reads which document language, and where its data is. English and
 * Simplified Chinese ship as npm packages, so OCR works right after `npm install`; other languages
 * come from system Tesseract data (Debian `tesseract-ocr-rus` and friends) when it is installed.
 */

/** BCP 47 primary language -> Tesseract model. */
const tesseractModels: Record<string, string> = {
  en: 'eng',
  zh: 'chi_sim',
  ru: 'rus',
  uk: 'ukr',
  be: 'bel',
  bg: 'bul',
  sr: 'srp',
  de: 'deu',
  fr: 'fra',
  es: 'spa',
  it: 'ita',
  pt: 'por',
  nl: 'nld',
  pl: 'pol',
  cs: 'ces',
  sk: 'slk',
  hu: 'hun',
  ro: 'ron',
  el: 'ell',
  tr: 'tur',
  ja: 'jpn',
  ko: 'kor',
  vi: 'vie',
  ar: 'ara',
  fa: 'fas',
  he: 'heb',
  hi: 'hin',
  mn: 'mon',
  kk: 'kaz',
  sq: 'sqi',
  hr: 'hrv',
  fi: 'fin',
  sv: 'swe',
  da: 'dan',
  no: 'nor',
  id: 'ind',
  th: 'tha',
  bo: 'bod',
};

/** Traditional script for Chinese: Hant, or the regions that write it. */
const isTraditionalChinese = (tag: string) => /-(Hant|TW|HK|MO)\b/i.test(tag);

/** The Tesseract model for a language tag, or undefined when Tesseract has none. */
export function tesseractModelFor(tag: string): string | undefined {
  const primary = tag.split('-')[0]!.toLowerCase();
  if (primary === 'zh') return isTraditionalChinese(tag) ? 'chi_tra' : 'chi_sim';
  return tesseractModels[primary];
}

/** Where each installed model's data file is. */
export type LanguageCatalog = { files: ReadonlyMap<string, string> };

const bundledModels = ['eng', 'chi_sim', 'chi_tra', 'rus'];

export const defaultSystemTessdataDirs = [
  '/usr/share/tesseract-ocr/5/tessdata',
  '/usr/share/tesseract-ocr/4.00/tessdata',
  '/usr/share/tessdata',
  '/usr/local/share/tessdata',
];

/**
 * Finds model data: npm packages `@tesseract.js-data/<model>` (the LSTM `best_int` models, the ones
 * tesseract.js runs by default), then `.traineddata` files in the given directories. Earlier sources win.
 */
export function discoverLanguageData(
  systemDirs: readonly string[] = defaultSystemTessdataDirs,
): LanguageCatalog {
  const files = new Map<string, string>();
  const require = createRequire(import.meta.url);
  for (const model of bundledModels) {
    try {
      const root = path.dirname(require.resolve(`@tesseract.js-data/${model}/package.json`));
      const file = path.join(root, '4.0.0_best_int', `${model}.traineddata.gz`);
      if (fs.existsSync(file)) files.set(model, file);
    } catch {
      // not installed
    }
  }
  for (const dir of systemDirs) {
    let entries: string[];
    try {
      entries = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const match = /^([a-z_]+)\.traineddata$/.exec(entry);
      if (match && !files.has(match[1]!)) files.set(match[1]!, path.join(dir, entry));
    }
  }
  return { files };
}

export type OcrLanguagePlan = {
  /** Models to run, the document's first language first. Never empty. */
  models: string[];
  /** What a reader should know about the OCR languages ("No Russian OCR data..."). */
  notes: string[];
};

/** More models make Tesseract slower and not better; a document rarely mixes more scripts. */
const maxModels = 3;

/**
 * Chooses the OCR models for a scan from its languages (BCP 47), using what is installed and
 * saying plainly what is missing. With no usable language it falls back to English.
 */
export function planOcrLanguages(languages: readonly string[], catalog: LanguageCatalog): OcrLanguagePlan {
  const models: string[] = [];
  const notes: string[] = [];
  for (const tag of languages) {
    const model = tesseractModelFor(tag);
    const name = languageName(tag);
    if (!model) {
      notes.push(`Tesseract has no model for ${name} (${tag}).`);
      continue;
    }
    let chosen = model;
    if (!catalog.files.has(model) && model === 'chi_tra' && catalog.files.has('chi_sim')) {
      notes.push('No Traditional Chinese OCR data is installed; the Simplified Chinese model was used.');
      chosen = 'chi_sim';
    } else if (!catalog.files.has(model)) {
      notes.push(
        `No ${name} OCR data is installed (${model}.traineddata; on Debian: apt-get install tesseract-ocr-${model.replace('_', '-')}); ${name} text was not recognised.`,
      );
      continue;
    }
    if (!models.includes(chosen) && models.length < maxModels) models.push(chosen);
  }
  if (models.length === 0) {
    models.push('eng');
    if (languages.length === 0) notes.push('The scan has no language; OCR used English.');
    else notes.push('OCR used English, the only language available for this scan.');
  }
  return { models, notes };
}

/**
 * tesseract.js reads every model of a worker from one `langPath`; our models live in several places,
 * so a directory of links gathers them. The links are named `<model>.traineddata` and loaded with
 * `gzip: false`: tesseract.js unpacks gzip data by its magic bytes, so packed npm files work as well.
 */
export async function gatherLanguageDir(
  dir: string,
  models: readonly string[],
  catalog: LanguageCatalog,
): Promise<string> {
  await fsp.mkdir(dir, { recursive: true });
  for (const model of models) {
    const source = catalog.files.get(model);
    if (!source) throw new Error(`no OCR data for ${model}`);
    const link = path.join(dir, `${model}.traineddata`);
    const current = await fsp.readlink(link).catch(() => undefined);
    if (current === source) continue;
    await fsp.rm(link, { force: true });
    try {
      await fsp.symlink(source, link);
    } catch (error) {
      // Another process (the server's worker and a CLI worker) may have made the same link.
      if ((await fsp.readlink(link).catch(() => undefined)) !== source) throw error;
    }
  }
  return dir;
}
