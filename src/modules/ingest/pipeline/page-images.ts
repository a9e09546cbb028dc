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
  // Downscale once; the thumbnail is made from the reading image, not from the full page again.
  const { data, info } = await source
    .resize({ width: readingImageEdge, height: readingImageEdge, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const reading = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  // effort 2 of 6: half the encoding time of the default for a file a few per cent larger.
  const [image, thumbnail] = await Promise.all([
    reading.clone().webp({ quality: 80, effort: 2 }).toBuffer({ resolveWithObject: true }),
    reading
      .clone()
      .resize({ width: thumbnailEdge, height: thumbnailEdge, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70, effort: 2 })
      .toBuffer({ resolveWithObject: true }),
  ]);
  return {
    image: { data: image.data, width: image.info.width, height: image.info.height },
    thumbnail: { data: thumbnail.data, width: thumbnail.info.width, height: thumbnail.info.height },
  };
}

/**
 * Grey pixels as a PGM file. Tesseract reads PGM without decoding anything, where a PNG would be
 * compressed here and decompressed again in its WebAssembly: a second or more per page, for nothing.
 */
export function pgmImage(grey: Uint8Array, width: number, height: number): OcrImage {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii');
  return { data: Buffer.concat([header, grey]), width, height };
}

const fromRendered = (page: RenderedPage) =>
  sharp(page.rgba, { raw: { width: page.width, height: page.height, channels: 4 } });

export const renderedPageImages = (page: RenderedPage): Promise<PageImages> =>
  renditions(fromRendered(page).removeAlpha());

/** The image Tesseract reads: grey (colour adds nothing to OCR and triples what it reads). */
export function ocrImageOfRendered(page: RenderedPage): OcrImage {
  const { rgba, width, height } = page;
  const grey = Buffer.allocUnsafe(width * height);
  for (let pixel = 0, offset = 0; pixel < grey.length; pixel++, offset += 4) {
    // ITU-R BT.601 luma in fixed point: red and blue ink stay dark, as on a photocopy.
    grey[pixel] = (rgba[offset]! * 77 + rgba[offset + 1]! * 150 + rgba[offset + 2]! * 29) >> 8;
  }
  return pgmImage(grey, width, height);
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
    // Transparent parts of a PNG are paper, not black.
    const { data: raw, info } = await source
      .clone()
      .flatten({ background: '#ffffff' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) throw new Error(`expected one grey channel, got ${info.channels}`);
    const shortEdge = Math.min(info.width, info.height);
    const factor =
      shortEdge < ocrShortEdge.min
        ? Math.min(2, ocrShortEdge.min / shortEdge)
        : shortEdge > ocrShortEdge.max
          ? ocrShortEdge.max / shortEdge
          : 1;
    const width = Math.round(info.width * factor);
    const height = Math.round(info.height * factor);
    let grey = raw;
    if (factor !== 1) {
      grey = await sharp(raw, { raw: { width: info.width, height: info.height, channels: info.channels } })
        .resize({ width, height })
        .toColourspace('b-w')
        .raw()
        .toBuffer();
    }
    if (grey.length !== width * height) throw new Error('the grey image has an unexpected size');
    const ocrImage = pgmImage(grey, width, height);
    return { images: await renditions(source.clone().flatten({ background: '#ffffff' })), ocrImage };
  } catch (error) {
    throw new ScanFileProblem(
      'broken',
      `Page ${pageIndex + 1} of the image cannot be read: ${(error as Error).message}.`,
    );
  }
}
