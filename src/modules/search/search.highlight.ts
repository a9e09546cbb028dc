import { analyzeTokens, normalizeText, type QueryClause } from './analyzer/index.ts';
import { CJK_CLASS } from './analyzer/script.ts';

/**
 * Finding query matches in ORIGINAL text (the index holds only stems and bigrams): the text is cut
 * into words with their offsets, each word is analysed as the indexer would, and a clause matches
 * where its terms (or exact forms) occur at consecutive positions, as in the reference matcher.
 * Han runs count one position per character, spaces OCR put between characters skipped.
 */

type Token = { term: string; exact: string; start: number; end: number };
export type Range = { start: number; end: number; clause: number };

const WORD = `[[\\p{L}\\p{N}]--${CJK_CLASS}][[\\p{L}\\p{N}\\p{M}]--${CJK_CLASS}]*(?:['\u2019\u02bc][[\\p{L}\\p{N}\\p{M}]--${CJK_CLASS}]+)*`;
const PIECE = new RegExp(`(${CJK_CLASS}(?:\\s*${CJK_CLASS})*)|${WORD}`, 'gv');
const CJK_CHAR = new RegExp(CJK_CLASS, 'gu');

/** First two folded characters of every term a clause can match: a cheap test before analysing a word. */
function wordHeads(clauses: readonly QueryClause[]): Set<string> {
  const heads = new Set<string>();
  for (const clause of clauses) {
    for (const term of [...clause.terms, ...clause.exact]) heads.add(Array.from(term).slice(0, 2).join(''));
  }
  return heads;
}

function tokenize(text: string, language: string | undefined, heads: Set<string>): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(PIECE)) {
    const start = match.index;
    if (match[1] !== undefined) {
      const chars = [...match[1].matchAll(CJK_CHAR)].map((m) => ({
        char: normalizeText(m[0]),
        start: start + m.index,
        end: start + m.index + m[0].length,
      }));
      chars.forEach((c, i) => {
        const next = chars[i + 1];
        const term = next ? c.char + next.char : c.char;
        tokens.push({ term, exact: term, start: c.start, end: next ? next.end : c.end });
      });
      continue;
    }
    const word = match[0];
    const end = start + word.length;
    // Most words of a long text cannot match: skip analysing them, keeping their position.
    const head = Array.from(normalizeText(word.slice(0, 4)))
      .slice(0, 2)
      .join('');
    if (!heads.has(head) && !heads.has(Array.from(head)[0] ?? '')) {
      tokens.push({ term: '', exact: '', start, end });
      continue;
    }
    const analysed = analyzeTokens(word, language);
    if (analysed.length === 0) tokens.push({ term: '', exact: '', start, end });
    for (const token of analysed) tokens.push({ ...token, start, end });
  }
  return tokens;
}

function matchesAt(
  tokens: Token[],
  at: number,
  wanted: readonly string[],
  key: 'term' | 'exact',
  prefix: boolean,
) {
  const last = wanted.length - 1;
  for (let k = 0; k <= last; k++) {
    const token = tokens[at + k];
    if (!token || token[key] === '') return false;
    const ok = prefix && k === last ? token[key].startsWith(wanted[k]!) : token[key] === wanted[k];
    if (!ok) return false;
  }
  return true;
}

/** Where the clauses match in a text, as ranges of UTF-16 offsets, sorted and not overlapping. */
export function findMatches(text: string, clauses: readonly QueryClause[], language?: string): Range[] {
  if (clauses.length === 0 || text === '') return [];
  const tokens = tokenize(text, language, wordHeads(clauses));
  const ranges: Range[] = [];
  clauses.forEach((clause, index) => {
    const length = clause.exact.length;
    if (length === 0) return;
    for (let at = 0; at + length <= tokens.length; at++) {
      const hit =
        (!clause.exactOnly && matchesAt(tokens, at, clause.terms, 'term', clause.prefix)) ||
        matchesAt(tokens, at, clause.exact, 'exact', clause.prefix);
      if (hit) ranges.push({ start: tokens[at]!.start, end: tokens[at + length - 1]!.end, clause: index });
    }
  });
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of ranges) {
    const previous = merged.at(-1);
    if (previous && range.start <= previous.end) previous.end = Math.max(previous.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const collapse = (text: string) => text.replace(/\s+/g, ' ');

/** Escaped text with each range in <mark>, whitespace collapsed. */
export function markRanges(text: string, ranges: readonly Range[], from = 0, to = text.length): string {
  let html = '';
  let at = from;
  for (const range of ranges) {
    const start = Math.max(range.start, from);
    const end = Math.min(range.end, to);
    if (end <= start) continue;
    html += escapeHtml(collapse(text.slice(at, start)));
    html += `<mark>${escapeHtml(collapse(text.slice(start, end)))}</mark>`;
    at = end;
  }
  return html + escapeHtml(collapse(text.slice(at, to)));
}

const isCjk = new RegExp(CJK_CLASS, 'u');

/**
 * A short passage around the best cluster of matches: the window (about `length` characters, less
 * for Chinese, which says more per character) holding the most different clauses, cut at word
 * boundaries, with an ellipsis where text was left out.
 */
export function snippetHtml(text: string, ranges: readonly Range[], length = 220): string {
  if (ranges.length === 0) return '';
  const size = isCjk.test(text.slice(ranges[0]!.start, ranges[0]!.end)) ? Math.round(length / 2.5) : length;
  let best = { start: 0, score: -1 };
  for (const anchor of ranges) {
    const start = Math.max(0, anchor.start - Math.round(size / 3));
    const clauses = new Set(
      ranges.filter((r) => r.start >= start && r.end <= start + size).map((r) => r.clause),
    );
    if (clauses.size > best.score) best = { start, score: clauses.size };
  }
  let from = best.start;
  let to = Math.min(text.length, from + size);
  if (from > 0) {
    const space = text.slice(from, from + 20).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (to < text.length) {
    const tail = text.slice(Math.max(from, to - 20), to);
    const space = tail.search(/\s\S*$/);
    if (space >= 0) to = Math.max(from, to - 20) + space;
  }
  // Never cut a match in two.
  for (const range of ranges) {
    if (range.start < from && range.end > from) from = range.start;
    if (range.start < to && range.end > to) to = range.end;
  }
  const body = markRanges(text, ranges, from, to).trim();
  return `${from > 0 ? '… ' : ''}${body}${to < text.length ? ' …' : ''}`;
}
