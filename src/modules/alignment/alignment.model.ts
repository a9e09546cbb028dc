/**
 * Paragraph alignment between an original-language transcript and one translation of it.
 *
 * A pair says which paragraphs of the original face which paragraphs of the translation, by the
 * numbers of their `#p-<n>` anchors. Each side is a run of consecutive numbers, so a translator who
 * merged two paragraphs into one is `{ original: [3, 4], translation: [3] }`, and a side may be empty
 * (a translator's note has no original). Pairs follow reading order on both sides: translations keep
 * the order of their originals at paragraph level, and rows read top to bottom need it.
 */
export type AlignedPair = { original: number[]; translation: number[] };

export type ParagraphCounts = { original: number; translation: number };

/** A problem with one pair (0-based index), said so an editor or an import log can act on it. */
export type PairProblem = { index: number; message: string };

const sides = ['original', 'translation'] as const;

const isRun = (numbers: number[]) =>
  numbers.every((n, i) => Number.isInteger(n) && n >= 1 && (i === 0 || n === numbers[i - 1]! + 1));

/**
 * What is wrong with a list of pairs, if anything: runs that are not consecutive, pairs empty on both
 * sides, paragraphs used twice or out of order, and (when the counts are known) paragraphs the text
 * does not have.
 */
export function alignmentProblems(pairs: AlignedPair[], counts?: ParagraphCounts): PairProblem[] {
  const problems: PairProblem[] = [];
  const last = { original: 0, translation: 0 };
  pairs.forEach((pair, index) => {
    if (pair.original.length === 0 && pair.translation.length === 0) {
      problems.push({ index, message: 'a pair needs a paragraph on at least one side' });
      return;
    }
    for (const side of sides) {
      const run = pair[side];
      if (run.length === 0) continue;
      if (!isRun(run)) {
        problems.push({
          index,
          message: `the ${side} paragraphs must be consecutive numbers from 1 up (as 2 or 2-3)`,
        });
        continue;
      }
      if (run[0]! <= last[side]) {
        problems.push({
          index,
          message: `${side} paragraph ${run[0]} comes after paragraph ${last[side]} of an earlier pair: pairs follow the order of the text and use each paragraph once`,
        });
      }
      const count = counts?.[side];
      if (count !== undefined && run[run.length - 1]! > count) {
        problems.push({
          index,
          message: `the ${side} has ${count} ${count === 1 ? 'paragraph' : 'paragraphs'}; there is no paragraph ${run[run.length - 1]}`,
        });
      }
      last[side] = Math.max(last[side], run[run.length - 1]!);
    }
  });
  return problems;
}

const range = (from: number, to: number): number[] =>
  to < from ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Paragraphs left out of every pair, between two pairs (or before the first, after the last), are
 * paired with each other in order; the longer side's extras stand alone.
 */
function inOrder(original: number[], translation: number[]): AlignedPair[] {
  const rows: AlignedPair[] = [];
  for (let i = 0; i < Math.max(original.length, translation.length); i++) {
    rows.push({
      original: i < original.length ? [original[i]!] : [],
      translation: i < translation.length ? [translation[i]!] : [],
    });
  }
  return rows;
}

/**
 * The rows a reader sees: every paragraph of both texts exactly once, in order. With no stored pairs
 * the texts are paired paragraph by paragraph, and when one has more paragraphs its extras get rows
 * of their own. Stored pairs that point past the end of a text since revised are cut to what exists,
 * and paragraphs no pair names are paired in order where they fall, so nothing is ever lost.
 */
export function alignmentRows(pairs: AlignedPair[] | undefined, counts: ParagraphCounts): AlignedPair[] {
  const usable = (pairs ?? [])
    .map((pair) => ({
      original: pair.original.filter((n) => n <= counts.original),
      translation: pair.translation.filter((n) => n <= counts.translation),
    }))
    .filter((pair) => pair.original.length > 0 || pair.translation.length > 0);
  if (usable.length === 0 || alignmentProblems(usable).length > 0) {
    return inOrder(range(1, counts.original), range(1, counts.translation));
  }
  const rows: AlignedPair[] = [];
  const next = { original: 1, translation: 1 };
  const fillTo = (until: ParagraphCounts) => {
    rows.push(...inOrder(range(next.original, until.original), range(next.translation, until.translation)));
  };
  for (const pair of usable) {
    fillTo({
      original: pair.original.length > 0 ? pair.original[0]! - 1 : next.original - 1,
      translation: pair.translation.length > 0 ? pair.translation[0]! - 1 : next.translation - 1,
    });
    rows.push(pair);
    for (const side of sides) {
      const run = pair[side];
      if (run.length > 0) next[side] = run[run.length - 1]! + 1;
    }
  }
  fillTo(counts);
  return rows;
}

/**
 * One side of a pair as an editor types it: `3`, `3-4` (or with an en dash), `3, 4`, or nothing (or
 * `-`) for an empty side. Undefined when it cannot be read.
 */
export function parseParagraphRun(text: string): number[] | undefined {
  const value = text.trim();
  if (value === '' || value === '-' || value === '–' || value === '—') return [];
  const span = /^(\d{1,6})\s*[-–]\s*(\d{1,6})$/.exec(value);
  if (span) {
    const from = Number(span[1]);
    const to = Number(span[2]);
    return to >= from && to - from < 10_000 ? range(from, to) : undefined;
  }
  if (!/^\d{1,6}(\s*,\s*\d{1,6})*$/.test(value)) return undefined;
  return value.split(',').map((n) => Number(n.trim()));
}

/** A run as an editor reads it: `3`, `3–4`, or an empty string. */
export function formatParagraphRun(run: number[]): string {
  if (run.length === 0) return '';
  if (run.length === 1) return String(run[0]);
  return `${run[0]}–${run[run.length - 1]}`;
}
