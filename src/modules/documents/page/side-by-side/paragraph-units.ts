/**
 * A stored text cut into the pieces the side-by-side reader puts in rows. The cut is made only between
 * top-level elements, so every piece is well-formed HTML: a `<p>` is a piece of its own; a container
 * holding paragraphs (a `<blockquote>` of two) is one piece covering all of them; elements without
 * paragraphs (a heading, a list, a table) travel with the next paragraph, or with the last one when
 * nothing follows. Paragraph numbers are the `#p-<n>` numbers, counted the same way.
 */
export type ParagraphPiece = { html: string; first: number; last: number };

export type ParagraphPieces = {
  pieces: ParagraphPiece[];
  /** Text with no paragraph at all (only headings or a list): shown whole, above the rows. */
  whole: string | undefined;
};

const voidElements = new Set([
  'br',
  'hr',
  'img',
  'wbr',
  'col',
  'area',
  'base',
  'input',
  'meta',
  'link',
  'source',
]);
const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g;
const paragraphOpen = /<p(?=[\s>])/gi;

/** Top-level chunks of HTML: each element at depth 0 (with its content), and the text between them. */
function topLevelChunks(html: string): string[] {
  const chunks: string[] = [];
  let depth = 0;
  let start = 0;
  for (const match of html.matchAll(tagPattern)) {
    const [, closing, name, selfClosing] = match;
    const tag = name!.toLowerCase();
    if (voidElements.has(tag) || selfClosing) continue;
    const at = match.index;
    if (!closing) {
      if (depth === 0 && at > start) chunks.push(html.slice(start, at));
      if (depth === 0) start = at;
      depth += 1;
    } else if (depth > 0) {
      depth -= 1;
      if (depth === 0) {
        chunks.push(html.slice(start, at + match[0].length));
        start = at + match[0].length;
      }
    }
  }
  if (start < html.length) chunks.push(html.slice(start));
  return chunks.filter((chunk) => chunk.trim() !== '');
}

export function paragraphPieces(html: string): ParagraphPieces {
  const pieces: ParagraphPiece[] = [];
  let pending = '';
  let next = 1;
  for (const chunk of topLevelChunks(html)) {
    const count = chunk.match(paragraphOpen)?.length ?? 0;
    if (count === 0) {
      pending += chunk;
      continue;
    }
    pieces.push({ html: pending + chunk, first: next, last: next + count - 1 });
    pending = '';
    next += count;
  }
  if (pieces.length === 0) return { pieces, whole: pending === '' ? undefined : pending };
  if (pending !== '') pieces[pieces.length - 1]!.html += pending;
  return { pieces, whole: undefined };
}

/**
 * The HTML of a run of paragraphs, each piece given once: a piece spanning two rows (a blockquote of
 * two paragraphs aligned apart) is shown in the first row that needs it, and `used` remembers it.
 */
export function piecesFor(run: number[], pieces: ParagraphPiece[], used: Set<ParagraphPiece>): string {
  if (run.length === 0) return '';
  const first = run[0]!;
  const last = run[run.length - 1]!;
  let html = '';
  for (const piece of pieces) {
    if (piece.last < first || piece.first > last || used.has(piece)) continue;
    used.add(piece);
    html += piece.html;
  }
  return html;
}
