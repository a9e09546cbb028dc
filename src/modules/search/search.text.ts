/**
 * Plain text of the sanitised HTML stored in assets. The indexer and the snippet builder both read
 * texts through this one function, so the character offsets stored with each indexed chunk point at
 * the same text when a snippet is cut from it later.
 */

/** Elements that end a line of text; the document page's hit highlighter reads HTML the same way. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  laquo: '\u00ab',
  raquo: '\u00bb',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  copy: '\u00a9',
  sect: '\u00a7',
  deg: '\u00b0',
};

const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi;

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      // Surrogates and out-of-range code points are not characters: keep the text as written.
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        return whole;
      }
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)[^>]*>|<!--[\s\S]*?-->/g;
const INVISIBLE_ELEMENTS = /<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi;

/** Text of an HTML fragment: tags dropped, entities decoded, block elements on lines of their own. */
export function htmlToText(html: string): string {
  const withoutInvisible = html.replace(INVISIBLE_ELEMENTS, ' ');
  const text = withoutInvisible.replace(TAG, (_whole, name: string | undefined) =>
    name && BLOCK_TAGS.has(name.toLowerCase()) ? '\n' : '',
  );
  return decodeEntities(text)
    .replace(/[ \t\u00a0]*\n\s*/g, '\n')
    .trim();
}

/**
 * Cuts a long text into chunks of at most `maxLength` characters, at a line break or space when one
 * is near, never inside a surrogate pair. Returns [start, end) offsets that cover the whole text.
 */
export function chunkText(text: string, maxLength: number): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + maxLength);
    if (end < text.length) {
      const window = text.slice(start + Math.floor(maxLength * 0.8), end);
      const newline = window.lastIndexOf('\n');
      const space = window.search(/\s[^\s]*$/);
      const cut = newline >= 0 ? newline : space;
      if (cut >= 0) end = start + Math.floor(maxLength * 0.8) + cut + 1;
      const code = text.charCodeAt(end - 1);
      if (code >= 0xd800 && code <= 0xdbff) end -= 1;
    }
    chunks.push([start, end]);
    start = end;
  }
  return chunks;
}
