import type { OcrImage } from './ocr-engine.ts';
import {
  imagePage,
  imagePageCount,
  ocrDpi,
  ocrImageOfRendered,
  type PageImages,
  readingImageEdge,
  renderedPageImages,
} from './page-images.ts';
import type { PageText } from './page-text.ts';
import { openPdf } from './pdf-pages.ts';
import { ScanFileProblem } from './scan-problems.ts';

/** One page made ready: its images, and the image for OCR when the page needs reading. */
export type PreparedPage = { images: PageImages; ocrImage: OcrImage | null };

/** A scanned file seen as pages, whatever its format. */
export type ScanSource = {
  pageCount: number;
  /** The page's own text layer; null for images and for PDF pages without one. */
  textLayer(page: number): Promise<PageText | null>;
  prepare(page: number, forOcr: boolean): Promise<PreparedPage>;
  close(): Promise<void>;
};

export async function openScanSource(bytes: Uint8Array, mediaType: string): Promise<ScanSource> {
  if (mediaType === 'application/pdf') return openPdfSource(bytes);
  if (mediaType.startsWith('image/')) return openImageSource(bytes, mediaType);
  throw new ScanFileProblem('unsupported', `Files of type ${mediaType} are not scans the pipeline can read.`);
}

async function openPdfSource(bytes: Uint8Array): Promise<ScanSource> {
  const pdf = await openPdf(bytes);
  return {
    pageCount: pdf.pageCount,
    async textLayer(number) {
      const page = await pdf.page(number);
      return page.text();
    },
    async prepare(number, forOcr) {
      const page = await pdf.page(number);
      // For reading only, render just large enough for the reading image; for OCR, at 300 dpi.
      const readingScale = readingImageEdge / Math.max(page.widthPt, page.heightPt);
      const rendered = await page.render(forOcr ? ocrDpi / 72 : Math.min(readingScale, ocrDpi / 72));
      const [images, ocrImage] = await Promise.all([
        renderedPageImages(rendered),
        forOcr ? ocrImageOfRendered(rendered) : null,
      ]);
      return { images, ocrImage };
    },
    close: () => pdf.close(),
  };
}

async function openImageSource(bytes: Uint8Array, mediaType: string): Promise<ScanSource> {
  const pageCount = await imagePageCount(bytes, mediaType);
  return {
    pageCount,
    textLayer: async () => null,
    async prepare(number, forOcr) {
      const { images, ocrImage } = await imagePage(bytes, number - 1);
      return { images, ocrImage: forOcr ? ocrImage : null };
    },
    close: async () => {},
  };
}
