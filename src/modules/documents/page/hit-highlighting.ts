import type { QueryClause } from '../../search/analyzer/index.ts';
import { cleanQuery, parseQuery, type SearchField } from '../../search/query-parser.ts';
import { ANY_YEAR, type YearBounds } from '../../search/search.dates.ts';
import { findMatches, markRanges } from '../../search/search.highlight.ts';
import { BLOCK_TAGS, decodeEntities } from '../../search/search.text.ts';

/**
 * Hits of a search inside a document's texts: the words a `?q=` query found, marked in the sanitised
 * HTML of a transcript or translation the way the search matched them. The query is read by the
 * search's own parser and the words are found by the search's own matcher (`findMatches`: the
 * analyser's folding, English and Russian stems, Han bigrams, phrases, prefixes) over the text the
 * indexer reads from the HTML (block elements end a line, inline ones do not), so a phrase split by
 * `<em>` is still found and a word is never found in a tag, an attribute or half an entity.
 */

/** A `?q=` query, read once for a whole page. */
export type HitQuery = {
  /** The query as it is shown back: unusable characters dropped, cut at the search's limit. */
  text: string;
  /** What is looked for in transcripts and translations, in the title, in the summary. */
  inTexts: QueryClause[];
  inTitle: QueryClause[];
  inSummary: QueryClause[];
};

/**
 * Which search fields each place of the page shows hits for. Names are looked for in the texts too:
 * `person:castro` matched the linked record, and the reader wants to see where the text mentions him.
 */
const TEXT_FIELDS: ReadonlySet<SearchField> = new Set([
  'any',
  'text',
  'names',
  'person',
  'organization',
  'place',
  'subject',
  'collection',
]);
const TITLE_FIELDS: ReadonlySet<SearchField> = new Set(['any', 'title']);
const SUMMARY_FIELDS: ReadonlySet<SearchField> = new Set(['any', 'summary']);

/**
 * Reads a `?q=` value. `years`: the years a bare number would be a date in (a date is a filter, not a
 * word to mark); the document page passes its document's own years. Undefined when nothing in the
 * query can be marked (empty, only punctuation, only dates or exclusions).
 */
export function readHitQuery(raw: string | undefined, years: YearBounds = ANY_YEAR): HitQuery | undefined {
  if (raw === undefined) return undefined;
  const text = cleanQuery(raw).text;
  if (text === '') return undefined;
  const terms = parseQuery(text, years).groups.flatMap((group) => group.terms);
  const clausesFor = (fields: ReadonlySet<SearchField>) =>
    terms.filter((term) => fields.has(term.field)).flatMap((term) => term.clauses);
  const query = {
    text,
    inTexts: clausesFor(TEXT_FIELDS),
    inTitle: clausesFor(TITLE_FIELDS),
    inSummary: clausesFor(SUMMARY_FIELDS),
  };
  const empty = query.inTexts.length + query.inTitle.length + query.inSummary.length === 0;
  return empty ? undefined : query;
}

/** The years of a document's date, for `readHitQuery`; an undated document makes every number a word. */
export function yearsOf(date: { start: string; end: string } | null): YearBounds {
  if (!date) return { min: 1, max: 0 };
  return { min: Number(date.start.slice(0, 4)), max: Number(date.end.slice(0, 4)) };
}

export type HighlightOptions = {
  /** Put before every id (`translation-en-` gives `translation-en-hit-1`), for texts not shown first. */
  idPrefix?: string;
  /**
   * After each hit, "previous hit" and "next hit" links that the stylesheet shows only while that
   * hit is the page's `:target`, so hit-to-hit reading works without JavaScript. On by default.
   */
  stepLinks?: boolean;
  /** Hits marked at most; a common word in a long text would otherwise add megabytes to the page. */
  maxHits?: number;
};

/** Enough for any reading; beyond it the reader is better served by a narrower query. */
export const MAX_MARKED_HITS = 1000;

/**
 * A text node: where its text sits in the text the matcher reads, and where it came from in the HTML.
 * A node without entities maps one to one; one with entities keeps each unit's source span.
 */
type TextNode = {
  text: number;
  textEnd: number;
  html: number;
  inLink: boolean;
  from?: Int32Array;
  to?: Int32Array;
};

type TextMap = {
  /** The text as the indexer sees it: entities decoded, a line break for every block element. */
  text: string;
  /** In text order; the line breaks added for block elements fall between nodes. */
  nodes: TextNode[];
};

const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/y;
const ENTITY = /&(?:#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/iy;
/** Elements whose content is not text a reader sees; sanitised texts never hold them, but be sure. */
const OPAQUE = new Set(['script', 'style', 'template', 'textarea', 'title']);

/** The decoded text of html[start, end) with each UTF-16 unit's source span. */
function decodeNode(html: string, start: number, end: number) {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = start;
  while (i < end) {
    let piece = html[i]!;
    let length = 1;
    if (piece === '&') {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(html);
      if (entity && i + entity[0].length <= end) {
        const decoded = decodeEntities(entity[0]);
        if (decoded !== entity[0]) {
          piece = decoded;
          length = entity[0].length;
        }
      }
    }
    for (let u = 0; u < piece.length; u++) {
      from.push(i);
      to.push(i + length);
    }
    text += piece;
    i += length;
  }
  return { text, from: Int32Array.from(from), to: Int32Array.from(to) };
}

function mapText(html: string): TextMap {
  const parts: string[] = [];
  const nodes: TextNode[] = [];
  let length = 0;
  let linkDepth = 0;
  let at = 0;
  let textStart = -1;
  const flushText = (end: number) => {
    if (textStart < 0) return;
    const raw = html.slice(textStart, end);
    const node: TextNode = { text: length, textEnd: length, html: textStart, inLink: linkDepth > 0 };
    let text = raw;
    if (raw.includes('&')) {
      const decoded = decodeNode(html, textStart, end);
      text = decoded.text;
      node.from = decoded.from;
      node.to = decoded.to;
    }
    parts.push(text);
    length += text.length;
    node.textEnd = length;
    nodes.push(node);
    textStart = -1;
  };
  while (at < html.length) {
    const next = html.indexOf('<', at);
    if (next < 0) {
      if (textStart < 0) textStart = at;
      break;
    }
    if (next > at && textStart < 0) textStart = at;
    TAG.lastIndex = next;
    const tag = TAG.exec(html);
    if (!tag) {
      // A "<" that opens no tag is text.
      if (textStart < 0) textStart = next;
      at = next + 1;
      continue;
    }
    flushText(next);
    at = next + tag[0].length;
    const name = tag[2]?.toLowerCase();
    if (name === undefined) continue;
    const closing = tag[1] === '/';
    if (name === 'a') linkDepth = Math.max(0, linkDepth + (closing ? -1 : 1));
    if (BLOCK_TAGS.has(name)) {
      parts.push('\n');
      length += 1;
    }
    if (!closing && OPAQUE.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, at);
      at = close < 0 ? html.length : close;
    }
  }
  flushText(html.length);
  return { text: parts.join(''), nodes };
}

/** A part of a hit inside one text node, as HTML offsets. */
type Piece = { start: number; end: number; inLink: boolean };

const isSpace = (unit: string | undefined) => unit !== undefined && /\s/.test(unit);

/** The index of the first node that ends after `offset`. */
function firstNodeAfter(nodes: readonly TextNode[], offset: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (nodes[middle]!.textEnd <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A hit's characters, cut where it crosses a tag, trimmed of spaces; whitespace-only parts dropped. */
function piecesOf(map: TextMap, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  for (let n = firstNodeAfter(map.nodes, start); n < map.nodes.length; n++) {
    const node = map.nodes[n]!;
    if (node.text >= end) break;
    let a = Math.max(start, node.text);
    let b = Math.min(end, node.textEnd) - 1;
    while (a <= b && isSpace(map.text[a])) a++;
    while (b >= a && isSpace(map.text[b])) b--;
    if (a > b) continue;
    const from = node.from ? node.from[a - node.text]! : node.html + (a - node.text);
    const to = node.to ? node.to[b - node.text]! : node.html + (b - node.text) + 1;
    pieces.push({ start: from, end: to, inLink: node.inLink });
  }
  return pieces;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function stepLinks(prefix: string, n: number, count: number): string {
  const previous = n === 1 ? count : n - 1;
  const next = n === count ? 1 : n + 1;
  return (
    `<span class="hit-step"><span class="hit-step__position">Hit ${n} of ${count}</span> ` +
    `<a class="hit-step__link" href="#${prefix}hit-${previous}"><span aria-hidden="true">‹ </span>previous hit</a> ` +
    `<a class="hit-step__link" href="#${prefix}hit-${next}">next hit<span aria-hidden="true"> ›</span></a></span>`
  );
}

/**
 * Marks the hits of a query in sanitised HTML: each hit in `<mark class="hit" id="hit-N">`
 * (a hit crossing a tag gets one mark per side, the id on the first), numbered in reading order.
 * Only text is touched: tags, attributes (ids of the `t-` namespace included) and entities come out
 * as they went in. `language` is the text's BCP 47 tag, which decides how its words are stemmed.
 * Returns the HTML and the number of hits marked; `more` when there were more than `maxHits`.
 */
export function highlightHits(
  html: string,
  query: string | HitQuery | undefined,
  language?: string | null,
  options: HighlightOptions = {},
): { html: string; count: number; more: boolean } {
  const read = typeof query === 'string' ? readHitQuery(query) : query;
  if (!read || read.inTexts.length === 0 || html === '') return { html, count: 0, more: false };
  const map = mapText(html);
  const found = findMatches(map.text, read.inTexts, language ?? undefined)
    .map((range) => piecesOf(map, range.start, range.end))
    .filter((pieces) => pieces.length > 0);
  const hits = found.slice(0, options.maxHits ?? MAX_MARKED_HITS);
  const more = found.length > hits.length;
  if (hits.length === 0) return { html, count: 0, more };

  const prefix = escapeAttribute(options.idPrefix ?? '');
  const withSteps = (options.stepLinks ?? true) && hits.length > 1;
  let out = '';
  let at = 0;
  hits.forEach((pieces, index) => {
    const n = index + 1;
    pieces.forEach((piece, p) => {
      out += html.slice(at, piece.start);
      const id = p === 0 ? ` id="${prefix}hit-${n}"` : '';
      out += `<mark class="hit"${id} data-hit="${n}">${html.slice(piece.start, piece.end)}</mark>`;
      // A link may not hold another link: a hit inside one (a footnote's text) goes without steps.
      if (p === 0 && withSteps && !piece.inLink) out += stepLinks(prefix, n, hits.length);
      at = piece.end;
    });
  });
  return { html: out + html.slice(at), count: hits.length, more };
}

/** Plain text (a title, a summary paragraph) as escaped HTML with the query's words in `<mark>`. */
export function highlightPlainText(text: string, clauses: readonly QueryClause[]): string {
  return markRanges(text, clauses.length === 0 ? [] : findMatches(text, clauses));
}
