import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { FontFace } from './fonts.ts';
import type { ScanLayout } from './layout.ts';

/**
 * Draws a laid-out page as a scanner would have seen a worn photocopy of it: the sheet slightly
 * askew on a grey bed, uneven ink, grain and specks. Everything random comes from a seeded generator,
 * so the same page always gives the same image.
 */

export type ScanLook = {
  dpi: number;
  /** Rotation of the sheet on the scanner bed, in degrees (a fraction of a degree looks real). */
  tiltDegrees: number;
  seed: number;
  format: 'jpeg' | 'png';
  /** Strength of the grain, 0 (clean) to about 30 (a third-generation copy). */
  grain: number;
};

/** A small, fast, seedable generator (mulberry32): reproducible noise without a dependency. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const registered = new Set<string>();

/** Canvas fonts are process-wide; each subset file is registered once under its own family name. */
function canvasFamily(face: FontFace): string {
  const family = `Chancery Demo ${face.key}`;
  if (!registered.has(family)) {
    GlobalFonts.registerFromPath(face.file, family);
    registered.add(family);
  }
  return family;
}

export function pixelSize(layout: ScanLayout, dpi: number): { width: number; height: number } {
  return { width: Math.round((layout.width * dpi) / 72), height: Math.round((layout.height * dpi) / 72) };
}

export async function rasterisePage(
  layout: ScanLayout,
  pageIndex: number,
  look: ScanLook,
): Promise<Uint8Array> {
  const pageLayout = layout.pages[pageIndex];
  if (!pageLayout) throw new RangeError(`the layout has no page ${pageIndex + 1}`);
  const scale = look.dpi / 72;
  const { width, height } = pixelSize(layout, look.dpi);
  const random = seededRandom(look.seed + pageIndex * 7919);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');

  context.fillStyle = '#c9c8c4';
  context.fillRect(0, 0, width, height);
  context.save();
  context.translate(width / 2 + (random() - 0.5) * 12, height / 2 + (random() - 0.5) * 12);
  context.rotate((look.tiltDegrees * Math.PI) / 180);
  context.translate(-width / 2, -height / 2);
  context.fillStyle = '#f2efe6';
  context.fillRect(0, 0, width, height);

  for (const item of pageLayout.texts) {
    // Ribbon ink is never even: each run of type is a little lighter or darker.
    const ink = 18 + Math.floor(random() * 30);
    context.fillStyle = `rgba(${ink}, ${ink}, ${ink + 6}, ${(0.82 + random() * 0.16).toFixed(3)})`;
    context.font = `${(item.size * scale).toFixed(2)}px "${canvasFamily(item.face)}"`;
    context.fillText(item.text, item.x * scale, item.y * scale);
  }
  context.fillStyle = '#101010';
  for (const bar of pageLayout.bars) {
    context.fillRect(bar.x * scale, bar.y * scale, bar.width * scale, bar.height * scale);
  }
  context.restore();

  const image = context.getImageData(0, 0, width, height);
  const pixels = image.data;
  for (let offset = 0; offset < pixels.length; offset += 4) {
    // Photocopies are grey: fold the colour to luminance, then add grain (the array clamps to 0..255).
    const luminance = 0.299 * pixels[offset]! + 0.587 * pixels[offset + 1]! + 0.114 * pixels[offset + 2]!;
    const value = luminance + (random() - 0.5) * look.grain;
    pixels[offset] = value;
    pixels[offset + 1] = value;
    pixels[offset + 2] = value;
  }
  // Dust and toner specks: a few hundred small dark dots.
  const specks = Math.round(width * height * 0.00008);
  for (let speck = 0; speck < specks; speck++) {
    const x = Math.floor(random() * (width - 2));
    const y = Math.floor(random() * (height - 2));
    const darkness = 90 + random() * 120;
    for (const [dx, dy] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ] as const) {
      const offset = ((y + dy) * width + x + dx) * 4;
      const value = pixels[offset]! - darkness;
      pixels[offset] = value;
      pixels[offset + 1] = value;
      pixels[offset + 2] = value;
    }
  }
  context.putImageData(image, 0, 0);
  // A copier leaves a soft dark band along the edge where the book or file was pressed to the glass.
  const band = context.createLinearGradient(0, 0, width * 0.05, 0);
  band.addColorStop(0, 'rgba(40, 40, 40, 0.35)');
  band.addColorStop(1, 'rgba(40, 40, 40, 0)');
  context.fillStyle = band;
  context.fillRect(0, 0, width * 0.05, height);

  const bytes = look.format === 'png' ? await canvas.encode('png') : await canvas.encode('jpeg', 72);
  return new Uint8Array(bytes);
}
