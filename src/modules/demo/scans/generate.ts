import { createHash } from 'node:crypto';
import type { DemoDocument } from '../demo.types.ts';
import { layoutDemoText } from './layout.ts';
import { renderImagePdf, renderTextPdf } from './pdf-output.ts';
import { rasterisePage } from './raster.ts';

export type GeneratedScan = {
  bytes: Uint8Array;
  mediaType: 'application/pdf' | 'image/png';
  pageCount: number;
};

/** A seed for the scan's noise that depends only on the document, so every load draws the same grain. */
const seedOf = (externalId: string) =>
  Number.parseInt(createHash('sha256').update(externalId).digest('hex').slice(0, 8), 16);

/**
 * The "original scan" of a demo document, generated from its original-language text: a PDF with a
 * text layer, a PDF of page images only, or a PNG photograph of the first page.
 */
export async function generateScan(document: DemoDocument): Promise<GeneratedScan | undefined> {
  const { scan, original, record } = document;
  if (!scan) return undefined;
  const layout = layoutDemoText(original);
  const info = { title: original.title, subject: record.title, language: original.language };
  const seed = seedOf(record.externalId);
  const tiltDegrees = scan.tiltDegrees ?? 0.5;

  switch (scan.form) {
    case 'text-pdf':
      return {
        bytes: await renderTextPdf(layout, info),
        mediaType: 'application/pdf',
        pageCount: layout.pages.length,
      };
    case 'image-pdf': {
      const images: Uint8Array[] = [];
      for (const index of layout.pages.keys()) {
        images.push(
          await rasterisePage(layout, index, { dpi: 150, tiltDegrees, seed, format: 'jpeg', grain: 24 }),
        );
      }
      return {
        bytes: await renderImagePdf(images, layout, info),
        mediaType: 'application/pdf',
        pageCount: layout.pages.length,
      };
    }
    case 'image':
      return {
        bytes: await rasterisePage(layout, 0, { dpi: 100, tiltDegrees, seed, format: 'png', grain: 6 }),
        mediaType: 'image/png',
        pageCount: 1,
      };
  }
}
