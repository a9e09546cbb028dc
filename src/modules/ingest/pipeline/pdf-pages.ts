import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type PageText, relativeBox, tidyPageText, type WordBox } from './page-text.ts';
import { ScanFileProblem } from './scan-problems.ts';

/**
 * PDF pages through pdf.js (the legacy build, which runs on Node 20): the text layer with word
 * boxes, and rendering to pixels for page images and OCR.
 */

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// pdf.js loads these on demand: the 14 standard fonts (unembedded Helvetica, Times...), the CMaps of
// Chinese and Japanese PDFs, and the JPEG 2000 and JBIG2 decoders common in scanned archives.
const resources = {
  standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}/`,
  cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}/`,
  cMapPacked: true,
  wasmUrl: `${path.join(pdfjsRoot, 'wasm')}/`,
  iccUrl: `${path.join(pdfjsRoot, 'iccs')}/`,
};

/** Pixels of a rendered page, RGBA. */
export type RenderedPage = { rgba: Buffer; width: number; height: number };

export type PdfPage = {
  /** Size in PDF points (1/72 inch), after the page's rotation. */
  widthPt: number;
  heightPt: number;
  text(): Promise<PageText>;
  /** Renders at `scale` pixels per point, limited so no page becomes a memory bomb. */
  render(scale: number): Promise<RenderedPage>;
};

export type PdfFile = {
  pageCount: number;
  page(number: number): Promise<PdfPage>;
  close(): Promise<void>;
};

/** The largest page image we make: about 50 megapixels (an A3 sheet at 400 dpi). */
const maxPixels = 50_000_000;
const maxEdge = 12_000;

export async function openPdf(bytes: Uint8Array): Promise<PdfFile> {
  let pdf: PDFDocumentProxy;
  try {
    pdf = await getDocument({
      // pdf.js takes ownership of (and detaches) the buffer it is given; pass a copy.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
      ...resources,
    }).promise;
  } catch (error) {
    throw describePdfError(error);
  }
  if (pdf.numPages < 1) throw new ScanFileProblem('broken', 'The PDF has no pages.');

  return {
    pageCount: pdf.numPages,
    async page(number) {
      const page = await pdf.getPage(number).catch((error: unknown) => {
        throw describePdfError(error, number);
      });
      const base = page.getViewport({ scale: 1 });
      return {
        widthPt: base.width,
        heightPt: base.height,
        async text() {
          const content = await page.getTextContent();
          const words: WordBox[] = [];
          const items: TextItem[] = [];
          for (const item of content.items) {
            if (!('str' in item) || item.str === '') continue;
            items.push(item);
            words.push(...wordBoxes(item, base));
          }
          const text = joinTextItems(items);
          return { text: tidyPageText(text), words, confidence: null };
        },
        async render(scale) {
          const fit = Math.min(
            scale,
            Math.sqrt(maxPixels / (base.width * base.height)),
            maxEdge / Math.max(base.width, base.height),
          );
          const viewport = page.getViewport({ scale: fit });
          const width = Math.max(1, Math.round(viewport.width));
          const height = Math.max(1, Math.round(viewport.height));
          const canvas = createCanvas(width, height);
          const context = canvas.getContext('2d');
          context.fillStyle = '#ffffff';
          context.fillRect(0, 0, width, height);
          await page.render({
            // pdf.js types the DOM canvas; @napi-rs/canvas implements the same drawing API.
            canvas: canvas as unknown as HTMLCanvasElement,
            canvasContext: context as unknown as CanvasRenderingContext2D,
            viewport,
          }).promise;
          // `data()` is a view of the canvas's own pixel memory, freed with the canvas; sharp reads
          // pixels on another thread later, so it gets a copy that lives as long as it is referenced.
          const rgba = Buffer.from(canvas.data());
          page.cleanup();
          return { rgba, width, height };
        },
      };
    },
    async close() {
      await pdf.destroy();
    },
  };
}

type TextItem = { str: string; width: number; height: number; transform: number[]; hasEOL: boolean };

/**
 * Puts text runs back into lines by where they sit, not by the order flags alone: OCR text layers
 * (Tesseract's, ABBYY's) place every word as its own object, often each marked as ending a line.
 */
export function joinTextItems(items: readonly TextItem[]): string {
  let text = '';
  let previous: { x: number; y: number; end: number; size: number } | undefined;
  for (const item of items) {
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
    const size = item.height || Math.hypot(a, b) || 1;
    if (previous) {
      const sameLine = Math.abs(y - previous.y) < Math.max(size, previous.size) * 0.5 && x >= previous.x;
      // A gap of more than a line and a half starts a new paragraph.
      if (!sameLine) text += Math.abs(previous.y - y) > Math.max(size, previous.size) * 2.2 ? '\n\n' : '\n';
      else if (x - previous.end > size * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
    }
    text += item.str;
    previous = { x, y, end: x + item.width, size };
  }
  return text;
}
type Viewport = { width: number; height: number; convertToViewportPoint(x: number, y: number): number[] };

/**
 * pdf.js gives runs of text with a baseline origin and a width; words are cut from a run in
 * proportion to their characters, which is close enough to highlight a hit.
 */
function wordBoxes(item: TextItem, viewport: Viewport): WordBox[] {
  const [a = 0, b = 0, , , e = 0, f = 0] = item.transform;
  const fontHeight = item.height || Math.hypot(a, b);
  if (item.str.trim() === '' || item.width <= 0 || fontHeight <= 0) return [];
  const boxes: WordBox[] = [];
  const perChar = item.width / [...item.str].length;
  for (const match of item.str.matchAll(/\S+/gu)) {
    const start = [...item.str.slice(0, match.index)].length;
    const length = [...match[0]].length;
    const corners = [
      viewport.convertToViewportPoint(e + start * perChar, f - fontHeight * 0.2),
      viewport.convertToViewportPoint(e + (start + length) * perChar, f + fontHeight * 0.8),
    ];
    const xs = corners.map((p) => p[0] ?? 0);
    const ys = corners.map((p) => p[1] ?? 0);
    const box = relativeBox(
      { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) },
      viewport.width,
      viewport.height,
    );
    boxes.push([...box, match[0], 100]);
  }
  return boxes;
}

/** Turns pdf.js exceptions into a message an archivist can act on. */
function describePdfError(error: unknown, pageNumber?: number): ScanFileProblem {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '');
  const where = pageNumber ? ` (page ${pageNumber})` : '';
  if (name === 'PasswordException') {
    return new ScanFileProblem(
      'encrypted',
      'The PDF is password-protected; upload a copy without a password so its pages can be read.',
    );
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
    return new ScanFileProblem(
      'broken',
      `The PDF is damaged and cannot be read${where}: ${message}. It may be truncated; upload it again.`,
    );
  }
  return new ScanFileProblem('broken', `The PDF cannot be read${where}: ${message}.`);
}
