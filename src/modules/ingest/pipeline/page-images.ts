import sharp, { type Sharp } from 'sharp';
import type { OcrImage } from './ocr-engine.ts';
import type { RenderedPage } from './pdf-pages.ts';
import { ScanFileProblem } from './scan-problems.ts';

/**
 * Page images derived from a scan: a reading image large enough to make out faded typescript, and a
 * thumbnail for page strips and search results. Both WebP, which every current browser shows and
 * which is a third smaller than JPEG at the same quality.
 */

export type PageImages = {
  image: { data: Buffer; width: number; height: number };
  thumbnail: { data: Buffer; width: number; height: number };
};

export const readingImageEdge = 2_000;
export const thumbnailEdge = 320;

/** Resolution pages are read at: what Tesseract is trained for. */
export const ocrDpi = 300;

// A decompression bomb (a tiny file claiming gigapixels) must fail, not take the worker down.
const limitInputPixels = 200_000_000;

async function renditions(source: Sharp): Promise<PageImages> {
  const [image, thumbnail] = await Promise.all([
    source
      .clone()
      .resize({ width: readingImageEdge, height: readingImageEdge, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true }),
    source
      .clone()
      .resize({ width: thumbnailEdge, height: thumbnailEdge, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer({ resolveWithObject: true }),
  ]);
  return {
    image: { data: image.data, width: image.info.width, height: image.info.height },
    thumbnail: { data: thumbnail.data, width: thumbnail.info.width, height: thumbnail.info.height },
  };
}

const fromRendered = (page: RenderedPage) =>
  sharp(page.rgba, { raw: { width: page.width, height: page.height, channels: 4 } });

export const renderedPageImages = (page: RenderedPage): Promise<PageImages> =>
  renditions(fromRendered(page).removeAlpha());

/**
 * The image Tesseract reads: grey, PNG at the fastest compression (it is decoded at once, never
 * stored). Colour adds nothing to OCR and triples the pixels to decode.
 */
export async function ocrImageOfRendered(page: RenderedPage): Promise<OcrImage> {
  const data = await fromRendered(page).greyscale().png({ compressionLevel: 1 }).toBuffer();
  return { data, width: page.width, height: page.height };
}

/** An image scan: its pages (several in a multi-page TIFF; one in an animated GIF or WebP). */
export async function imagePageCount(bytes: Uint8Array, mediaType: string): Promise<number> {
  try {
    const metadata = await sharp(bytes, { limitInputPixels }).metadata();
    return mediaType === 'image/tiff' ? Math.max(1, metadata.pages ?? 1) : 1;
  } catch (error) {
    throw new ScanFileProblem('broken', `The image cannot be read: ${(error as Error).message}.`);
  }
}

/** Pixels for Tesseract: small scans enlarged, huge ones reduced, to about 300 dpi on a letter page. */
const ocrShortEdge = { min: 1_600, max: 4_000 };

export async function imagePage(
  bytes: Uint8Array,
  pageIndex: number,
): Promise<{ images: PageImages; ocrImage: OcrImage }> {
  try {
    // `rotate()` with no angle applies the EXIF orientation, as cameras and phones record it.
    const source = sharp(bytes, { page: pageIndex, limitInputPixels }).rotate();
    const { data: raw, info } = await source.clone().greyscale().raw().toBuffer({ resolveWithObject: true });
    const shortEdge = Math.min(info.width, info.height);
    const factor =
      shortEdge < ocrShortEdge.min
        ? Math.min(2, ocrShortEdge.min / shortEdge)
        : shortEdge > ocrShortEdge.max
          ? ocrShortEdge.max / shortEdge
          : 1;
    const width = Math.round(info.width * factor);
    const height = Math.round(info.height * factor);
    let grey = sharp(raw, { raw: { width: info.width, height: info.height, channels: info.channels } });
    if (factor !== 1) grey = grey.resize({ width, height });
    const ocrData = await grey.png({ compressionLevel: 1 }).toBuffer();
    return { images: await renditions(source), ocrImage: { data: ocrData, width, height } };
  } catch (error) {
    throw new ScanFileProblem(
      'broken',
      `Page ${pageIndex + 1} of the image cannot be read: ${(error as Error).message}.`,
    );
  }
}
