import { createWorker, OEM, type Worker } from 'tesseract.js';
import { gatherLanguageDir, type LanguageCatalog } from './ocr-languages.ts';
import { type PageText, relativeBox, tidyPageText, type WordBox } from './page-text.ts';

export type OcrImage = { data: Uint8Array; width: number; height: number };

/** Reads text from a page image. The one port the pipeline needs; Tesseract is its adapter. */
export type OcrEngine = {
  /** `image.data`: an encoded image (PNG, JPEG...) of the given pixel size. `models`: Tesseract models. */
  recognize(image: OcrImage, models: readonly string[]): Promise<PageText>;
  close(): Promise<void>;
};

export type TesseractEngineOptions = {
  catalog: LanguageCatalog;
  /** A writable directory for the gathered model links (`<data dir>/cache/ocr-languages`). */
  languageDir: string;
  /** Workers kept loaded, one per language combination; loading Chinese takes about a second. */
  keepWorkers?: number;
};

/**
 * tesseract.js, offline: model data only from local files (`langPath`), nothing cached in the working
 * directory. Each worker runs in its own thread, so the event loop stays free while a page is read.
 */
export function createTesseractEngine({
  catalog,
  languageDir,
  keepWorkers = 2,
}: TesseractEngineOptions): OcrEngine {
  const workers = new Map<string, Promise<Worker>>();

  async function workerFor(models: readonly string[]): Promise<Worker> {
    const key = models.join('+');
    const existing = workers.get(key);
    if (existing) {
      // Most recently used last, so the oldest is evicted first.
      workers.delete(key);
      workers.set(key, existing);
      return existing;
    }
    while (workers.size >= keepWorkers) {
      const [oldestKey, oldest] = workers.entries().next().value as [string, Promise<Worker>];
      workers.delete(oldestKey);
      await oldest.then((w) => w.terminate()).catch(() => {});
    }
    const created = (async () => {
      const langPath = await gatherLanguageDir(languageDir, models, catalog);
      const worker = await createWorker([...models], OEM.LSTM_ONLY, {
        langPath,
        gzip: false,
        cacheMethod: 'none',
        errorHandler: () => {},
      });
      // Page images reach Tesseract at 300 dpi; saying so saves it a guess that can go wrong.
      await worker.setParameters({ user_defined_dpi: '300' });
      return worker;
    })();
    workers.set(key, created);
    created.catch(() => workers.delete(key));
    return created;
  }

  return {
    async recognize(image, models) {
      const worker = await workerFor(models);
      const { data } = await worker.recognize(Buffer.from(image.data), {}, { text: true, blocks: true });
      const { width, height } = image;
      const words: WordBox[] = [];
      let confidenceSum = 0;
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            for (const word of line.words) {
              const text = word.text.trim();
              if (text === '') continue;
              confidenceSum += word.confidence;
              if (width > 0 && height > 0) {
                words.push([...relativeBox(word.bbox, width, height), text, Math.round(word.confidence)]);
              }
            }
          }
        }
      }
      const counted = words.length;
      return {
        text: tidyPageText(data.text ?? ''),
        words,
        confidence: counted > 0 ? Math.round((confidenceSum / counted) * 10) / 10 : null,
      };
    },
    async close() {
      const pending = [...workers.values()];
      workers.clear();
      await Promise.all(pending.map((w) => w.then((worker) => worker.terminate()).catch(() => {})));
    },
  };
}
