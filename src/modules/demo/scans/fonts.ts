import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { woffToSfnt } from './woff.ts';

/**
 * Fonts for the demo scans come from the npm packages the project installs (@fontsource/noto-serif and
 * @fontsource/noto-serif-sc), never from the system, so a fresh `npm install` renders the same pages on
 * every machine. Fontsource ships each font cut into subsets (Noto Serif SC into about a hundred
 * numbered files by character frequency); each character is drawn from a subset file that holds it.
 */

export type FontWeight = 400 | 700;
export type FontFamily = 'serif' | 'serif-sc';

/** One subset file of one family and weight: the unit that is embedded in a PDF or registered with a canvas. */
export type FontFace = {
  /** Stable key, e.g. `serif-sc-119-400`, used to name the face in canvases and caches. */
  key: string;
  file: string;
};

type Subset = { name: string; ranges: [number, number][] };
/** A family's subsets, and for each code point the indexes of the subsets whose range holds it. */
type SubsetIndex = { subsets: Subset[]; byCodePoint: Map<number, number[]> };

const require = createRequire(import.meta.url);
const packageDirectory = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

const packages: Record<FontFamily, { dir: string; prefix: string }> = {
  serif: { dir: packageDirectory('@fontsource/noto-serif'), prefix: 'noto-serif' },
  'serif-sc': { dir: packageDirectory('@fontsource/noto-serif-sc'), prefix: 'noto-serif-sc' },
};

/** `U+0400-045F,U+2116` as inclusive code point ranges. */
export function parseUnicodeRange(text: string): [number, number][] {
  return text
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter((part) => part !== '')
    .map((part) => {
      const [from, to] = part.split('-');
      const start = Number.parseInt(from!, 16);
      return [start, to === undefined ? start : Number.parseInt(to, 16)];
    });
}

const subsetCache = new Map<FontFamily, SubsetIndex>();

/** The subsets a family ships, from the package's own unicode.json (subset name -> unicode-range). */
function subsetsOf(family: FontFamily): SubsetIndex {
  const cached = subsetCache.get(family);
  if (cached) return cached;
  const table = JSON.parse(
    fs.readFileSync(path.join(packages[family].dir, 'unicode.json'), 'utf8'),
  ) as Record<string, string>;
  const subsets = Object.entries(table).map(([key, range]) => ({
    // Numbered subsets are keyed "[119]" in unicode.json and named "119" in file names.
    name: key.replace(/^\[(\d+)\]$/, '$1'),
    ranges: parseUnicodeRange(range),
  }));
  const byCodePoint = new Map<number, number[]>();
  for (const [index, subset] of subsets.entries()) {
    for (const [start, end] of subset.ranges) {
      for (let codePoint = start; codePoint <= end; codePoint++) {
        const holders = byCodePoint.get(codePoint);
        if (holders) holders.push(index);
        else byCodePoint.set(codePoint, [index]);
      }
    }
  }
  const index = { subsets, byCodePoint };
  subsetCache.set(family, index);
  return index;
}

function faceOf(family: FontFamily, subset: string, weight: FontWeight): FontFace {
  const { dir, prefix } = packages[family];
  return {
    key: `${family}-${subset}-${weight}`,
    file: path.join(dir, 'files', `${prefix}-${subset}-${weight}-normal.woff`),
  };
}

type OpenedFont = { hasGlyphForCodePoint(codePoint: number): boolean };
const parsedFonts = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();

/**
 * fontkit, remembering every font it has parsed. pdf-lib parses a font again for each PDF it embeds
 * it in; handing it this instead lets all the demo PDFs share one parsed copy of each subset file
 * (with its shaping caches), which more than halves the time a Chinese page takes.
 */
export const sharedFontkit: typeof fontkit = {
  ...fontkit,
  create(bytes, postscriptName) {
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = fontkit.create(bytes, postscriptName);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

const openFont = (face: FontFace) => sharedFontkit.create(readFace(face)) as unknown as OpenedFont;

/**
 * Chooses, for every character of a text, the subset file to draw it from. Subsets are picked greedily
 * by how many of the still-unplaced characters they hold, so a page of Chinese needs a handful of font
 * files rather than one per character. The unicode-range tables say which file should hold a
 * character; the font itself is asked before it is trusted. Characters no file holds are left out of
 * the map (the caller draws them as a placeholder).
 */
export function chooseFaces(text: string, preferred: FontFamily, weight: FontWeight): Map<number, FontFace> {
  const families: FontFamily[] = preferred === 'serif' ? ['serif', 'serif-sc'] : ['serif-sc', 'serif'];
  const pending = new Set([...text].map((ch) => ch.codePointAt(0)!).filter((cp) => cp > 0x1f));
  const chosen = new Map<number, FontFace>();
  for (const family of families) {
    const { subsets, byCodePoint } = subsetsOf(family);
    const excluded = new Set<number>();
    while (pending.size > 0) {
      const held = new Map<number, number[]>();
      for (const codePoint of pending) {
        for (const subset of byCodePoint.get(codePoint) ?? []) {
          if (excluded.has(subset)) continue;
          const list = held.get(subset);
          if (list) list.push(codePoint);
          else held.set(subset, [codePoint]);
        }
      }
      let best: [number, number[]] | undefined;
      for (const entry of held) if (entry[1].length > (best?.[1].length ?? 0)) best = entry;
      if (!best) break;
      const face = faceOf(family, subsets[best[0]]!.name, weight);
      const font = openFont(face);
      for (const codePoint of best[1]) {
        if (font.hasGlyphForCodePoint(codePoint)) {
          chosen.set(codePoint, face);
          pending.delete(codePoint);
        }
      }
      // A subset whose table promised glyphs it lacks must not be picked again for them.
      excluded.add(best[0]);
    }
  }
  return chosen;
}

const fileBytes = new Map<string, Uint8Array>();

/** A face as a plain TrueType file (unpacked from its WOFF once per process), for fontkit and pdf-lib. */
export function readFace(face: FontFace): Uint8Array {
  let bytes = fileBytes.get(face.file);
  if (!bytes) {
    bytes = woffToSfnt(new Uint8Array(fs.readFileSync(face.file)));
    fileBytes.set(face.file, bytes);
  }
  return bytes;
}

type LayoutFont = {
  unitsPerEm: number;
  layout(text: string): { glyphs: { advanceWidth: number }[] };
};

/**
 * Width of a run of text in points, exactly as pdf-lib will set it: the same fontkit shaping, summing
 * the glyphs' advance widths (pdf-lib writes no kerning adjustments).
 */
const widthCache = new Map<string, number>();

export function measureRun(face: FontFace, text: string, size: number): number {
  const key = `${face.key}\u0000${text}`;
  let em = widthCache.get(key);
  if (em === undefined) {
    const font = openFont(face) as unknown as LayoutFont;
    em = font.layout(text).glyphs.reduce((width, glyph) => width + glyph.advanceWidth, 0) / font.unitsPerEm;
    // Shaping is the slow part of layout, and the same words recur; the cache is bounded by the demo texts.
    if (widthCache.size < 50_000) widthCache.set(key, em);
  }
  return em * size;
}
