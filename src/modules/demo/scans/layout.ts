import type { DemoText, Paragraph } from '../demo-text.ts';
import { chooseFaces, type FontFace, type FontFamily, type FontWeight, measureRun } from './fonts.ts';

/**
 * Lays a demo text out on A4 pages once, in PDF points from the top-left corner, so the text PDF and
 * the rasterised "scan" of the same text put every line in the same place. Typesetting is that of a
 * typed office record: a corner reference and classification, a centred title, header lines, ragged
 * paragraphs (Chinese ones indented by two characters), a signature on the right, page numbers.
 */

export type PlacedText = { x: number; y: number; size: number; face: FontFace; text: string };
export type PlacedBar = { x: number; y: number; width: number; height: number };
export type PageLayout = { texts: PlacedText[]; bars: PlacedBar[] };
export type ScanLayout = { width: number; height: number; pages: PageLayout[]; faces: FontFace[] };

export const a4 = { width: 595.28, height: 841.89 };

type Span = { text: string; weight: FontWeight; redacted: boolean };
/** The smallest piece a line may not break inside: a word with its trailing space, or one Chinese character. */
type Unit = { spans: Span[]; trailingSpace: string };

const cjk = /[\u2e80-\u2fff\u3040-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;
/** Punctuation that must not start a line (it sticks to what precedes it). */
const closing = /[，。、；：？！）》」』〉】”’…,.;:?!)\]—]/u;
/** Punctuation that must not end a line (it sticks to what follows it). */
const opening = /[（《「『〈【“‘(]/u;

/** Splits `[[withheld]]` passages out of a string. */
function spansOf(text: string, weight: FontWeight): Span[] {
  return text
    .split(/(\[\[.+?\]\])/)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('[[') && part.endsWith(']]')
        ? { text: part.slice(2, -2), weight, redacted: true }
        : { text: part, weight, redacted: false },
    );
}

function unitsOf(spans: Span[]): Unit[] {
  const units: Unit[] = [];
  let current: Unit | undefined;
  let afterOpening = false;
  for (const span of spans) {
    for (const ch of span.text) {
      if (/\s/u.test(ch)) {
        if (current) current.trailingSpace += ' ';
        afterOpening = false;
        continue;
      }
      if (!current || breaksBefore(current, ch, afterOpening)) {
        current = { spans: [], trailingSpace: '' };
        units.push(current);
      }
      const last = current!.spans.at(-1);
      if (last && last.weight === span.weight && last.redacted === span.redacted) last.text += ch;
      else current!.spans.push({ ...span, text: ch });
      afterOpening = opening.test(ch);
    }
  }
  return units;
}

const lastChar = (unit: Unit) => unit.spans.at(-1)?.text.at(-1) ?? '';

/**
 * Whether a line may break between the unit so far and the next character: after a space, and
 * around a Chinese character, except before closing punctuation or after opening punctuation.
 */
const breaksBefore = (unit: Unit, ch: string, afterOpening: boolean) =>
  unit.trailingSpace !== '' ||
  (!closing.test(ch) && !afterOpening && (cjk.test(ch) || cjk.test(lastChar(unit))));

type ParagraphSettings = {
  fontSize?: number;
  align?: 'left' | 'center' | 'right';
  indent?: number;
  gapAfter?: number;
  leading?: number;
};

export type LayoutOptions = { fontSize?: number; lineHeight?: number; margin?: number };

export function layoutDemoText(source: DemoText, options: LayoutOptions = {}): ScanLayout {
  const family: FontFamily = source.language.startsWith('zh') ? 'serif-sc' : 'serif';
  const chinese = family === 'serif-sc';
  const size = options.fontSize ?? (chinese ? 12 : 11);
  const lineHeight = size * (options.lineHeight ?? (chinese ? 1.9 : 1.55));
  const margin = options.margin ?? 68;
  const { width, height } = a4;
  const textWidth = width - 2 * margin;
  const bottom = height - margin - 24;

  const boldText = [' ', source.marking, source.title, ...(source.header ?? []).map(([label]) => label)]
    .concat(source.body.map((p) => (typeof p === 'string' ? '' : p.speaker)))
    .join('');
  const regularText = [
    ' ?',
    source.reference,
    source.subtitle,
    ...(source.header ?? []).map(([, value]) => value),
    ...source.body.map((p) => (typeof p === 'string' ? p : p.text)),
    ...(source.signature ?? []),
    '— 0123456789 —',
  ].join('');
  const faces: Record<FontWeight, Map<number, FontFace>> = {
    400: chooseFaces(regularText, family, 400),
    700: chooseFaces(boldText, family, 700),
  };
  const usedFaces = new Map<string, FontFace>();

  const pages: PageLayout[] = [];
  let page: PageLayout = { texts: [], bars: [] };
  pages.push(page);
  let y = margin;

  /** Splits a span into runs of one face each; a character no font holds is drawn as "?" (never happens with the demo texts). */
  const runsOf = (span: Span, fontSize: number) => {
    const runs: { face: FontFace; text: string; width: number }[] = [];
    for (const ch of span.text) {
      let face = faces[span.weight].get(ch.codePointAt(0)!);
      let drawn = ch;
      if (!face) {
        face = faces[400].get(0x3f)!;
        drawn = '?';
      }
      const last = runs.at(-1);
      if (last && last.face.key === face.key) last.text += drawn;
      else runs.push({ face, text: drawn, width: 0 });
    }
    for (const run of runs) run.width = measureRun(run.face, run.text, fontSize);
    return runs;
  };

  const unitWidth = (unit: Unit, fontSize: number) =>
    unit.spans.reduce((sum, span) => sum + runsOf(span, fontSize).reduce((w, r) => w + r.width, 0), 0);
  /** The face a unit's trailing space is set in: that of the unit's last span. */
  const spaceFace = (unit: Unit) => faces[unit.spans.at(-1)?.weight ?? 400].get(0x20)!;
  const spaceWidth = (unit: Unit, fontSize: number) =>
    unit.trailingSpace === '' ? 0 : measureRun(spaceFace(unit), unit.trailingSpace, fontSize);

  const newPageIfNeeded = (needed: number) => {
    if (y + needed <= bottom) return;
    page = { texts: [], bars: [] };
    pages.push(page);
    y = margin;
  };

  /** Where each placed text ends, so the next run can join it when it starts exactly there. */
  const textEnds = new Map<PlacedText, number>();
  const placeLine = (units: Unit[], x: number, fontSize: number) => {
    let cursor = x;
    for (const [index, unit] of units.entries()) {
      for (const span of unit.spans) {
        for (const run of runsOf(span, fontSize)) {
          usedFaces.set(run.face.key, run.face);
          if (span.redacted) {
            // Withheld words on one line become one bar, as a censor's tape would cover them.
            const bar = { x: cursor, y: y - fontSize * 0.92, width: run.width, height: fontSize * 1.22 };
            const previous = page.bars.at(-1);
            if (previous && previous.y === bar.y && bar.x - (previous.x + previous.width) < fontSize) {
              previous.width = bar.x + bar.width - previous.x;
            } else page.bars.push(bar);
          } else {
            const previous = page.texts.at(-1);
            const joins =
              previous &&
              previous.face.key === run.face.key &&
              previous.y === y &&
              previous.size === fontSize &&
              Math.abs((textEnds.get(previous) ?? Number.NaN) - cursor) < 0.01;
            if (joins) previous.text += run.text;
            else page.texts.push({ x: cursor, y, size: fontSize, face: run.face, text: run.text });
            textEnds.set(page.texts.at(-1)!, cursor + run.width);
          }
          cursor += run.width;
        }
      }
      if (index < units.length - 1 && unit.trailingSpace !== '') {
        // The space joins the text before it when it is set in the same face, so a text layer reads
        // "the word" and not "theword"; otherwise the next text simply starts further right.
        const previous = page.texts.at(-1);
        const joinsSpace =
          previous &&
          previous.y === y &&
          previous.face.key === spaceFace(unit).key &&
          !unit.spans.at(-1)?.redacted;
        cursor += spaceWidth(unit, fontSize);
        if (joinsSpace) {
          previous.text += unit.trailingSpace;
          textEnds.set(previous, cursor);
        }
      }
    }
  };

  /** Sets a paragraph; `align` centres or right-aligns each line; `indent` applies to the first line. */
  const setParagraph = (spans: Span[], settings: ParagraphSettings = {}) => {
    const {
      fontSize = size,
      align = 'left',
      indent = 0,
      gapAfter = size * 0.55,
      leading = lineHeight,
    } = settings;
    const units = unitsOf(spans);
    let line: Unit[] = [];
    let lineWidth = 0;
    let available = textWidth - indent;
    let first = true;
    const flush = () => {
      newPageIfNeeded(leading);
      y += leading;
      const x =
        align === 'center'
          ? margin + (textWidth - lineWidth) / 2
          : align === 'right'
            ? margin + textWidth - lineWidth
            : margin + (first ? indent : 0);
      placeLine(line, x, fontSize);
      line = [];
      lineWidth = 0;
      available = textWidth;
      first = false;
    };
    for (const unit of units) {
      const widthOfUnit = unitWidth(unit, fontSize);
      const gap = line.length > 0 ? spaceWidth(line.at(-1)!, fontSize) : 0;
      if (line.length > 0 && lineWidth + gap + widthOfUnit > available) flush();
      lineWidth += (line.length > 0 ? spaceWidth(line.at(-1)!, fontSize) : 0) + widthOfUnit;
      line.push(unit);
    }
    if (line.length > 0) flush();
    y += gapAfter;
  };

  // Corner lines of the first page: the registry number on the left, the classification on the right.
  if (source.reference) {
    y += size;
    placeLine(unitsOf(spansOf(source.reference, 400)), margin, size * 0.9);
    y -= size;
  }
  if (source.marking) {
    const units = unitsOf(spansOf(source.marking, 700));
    const markingWidth = units.reduce((w, u) => w + unitWidth(u, size * 1.1) + spaceWidth(u, size * 1.1), 0);
    y += size;
    placeLine(units, margin + textWidth - markingWidth, size * 1.1);
    y -= size;
  }
  y += size * 2.2;

  setParagraph(spansOf(source.title, 700), {
    fontSize: size * 1.3,
    align: 'center',
    leading: size * 1.3 * 1.45,
  });
  if (source.subtitle) setParagraph(spansOf(source.subtitle, 400), { align: 'center', gapAfter: size });
  y += size * 0.5;
  for (const [label, value] of source.header ?? []) {
    setParagraph([...spansOf(label, 700), ...spansOf(` ${value}`, 400)], { gapAfter: 0 });
  }
  y += size * 0.8;
  const indent = chinese ? size * 2 : 0;
  for (const paragraph of source.body as Paragraph[]) {
    const spans =
      typeof paragraph === 'string'
        ? spansOf(paragraph, 400)
        : [...spansOf(paragraph.speaker, 700), ...spansOf(`${chinese ? '' : ' '}${paragraph.text}`, 400)];
    setParagraph(spans, { indent });
  }
  if (source.signature?.length) {
    y += size;
    for (const line of source.signature) setParagraph(spansOf(line, 400), { align: 'right', gapAfter: 0 });
  }

  // Page numbers, "— 1 —", centred at the foot of every page.
  for (const [index, each] of pages.entries()) {
    page = each;
    y = height - margin + 6;
    const units = unitsOf(spansOf(`— ${index + 1} —`, 400));
    const footWidth = units.reduce((w, u) => w + unitWidth(u, size * 0.85) + spaceWidth(u, size * 0.85), 0);
    placeLine(units, (width - footWidth) / 2, size * 0.85);
  }

  return { width, height, pages, faces: [...usedFaces.values()] };
}
