import sanitize from 'sanitize-html';

/**
 * Transcripts and translations arrive as HTML from editors, importers and Word conversions. Only the
 * structure of a scholarly text survives: headings, paragraphs, lists, tables, emphasis, footnote
 * links, ruby annotations for Chinese and Japanese, and `lang`/`dir` for passages in other languages.
 * No scripts, event handlers, styles, frames, forms or non-http(s) links, whatever the input.
 */
const options: sanitize.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'div',
    'span',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'colgroup',
    'col',
    'em',
    'strong',
    'i',
    'b',
    'u',
    's',
    'del',
    'ins',
    'sub',
    'sup',
    'small',
    'mark',
    'abbr',
    'cite',
    'q',
    'a',
    'ruby',
    'rb',
    'rt',
    'rp',
    'section',
    'aside',
    'figure',
    'figcaption',
  ],
  allowedAttributes: {
    '*': ['lang', 'dir', 'id', 'title', 'class'],
    a: ['href', 'rel'],
    ol: ['start', 'type'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    abbr: ['title'],
  },
  // Classes are kept only from a short list the stylesheet knows, so imported markup cannot borrow
  // the site's own interface classes.
  allowedClasses: {
    '*': ['speaker', 'editorial', 'footnote', 'footnotes', 'redacted', 'header-line', 'signature', 'note'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Content of these is dropped with the tag, not shown as text.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'template',
    'svg',
    'math',
  ],
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      // In-text footnote links stay in the page; other links leave it without passing the referrer.
      const attributes: Record<string, string> = { ...attribs };
      if (!href.startsWith('#') && href !== '') attributes.rel = 'nofollow noopener noreferrer';
      return { tagName, attribs: attributes };
    },
  },
  exclusiveFilter: (frame) =>
    frame.tag === 'a' && frame.attribs.href === undefined && frame.text.trim() === '',
};

export function sanitizeDocumentHtml(html: string): string {
  return sanitize(html, options).trim();
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/** Plain text (OCR output, a .txt transcript) as paragraphs: blank lines separate paragraphs. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** The text content of sanitised HTML, for search indexing and summaries. */
export function htmlToText(html: string): string {
  return sanitize(html.replace(/<\/(p|h[1-6]|li|tr|div|blockquote|dt|dd)>|<br\s*\/?>/gi, '$&\n'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
