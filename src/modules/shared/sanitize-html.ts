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
    // A whole saved web page must not put its <title> into the transcript text.
    'head',
    'title',
  ],
  transformTags: {
    a: (tagName, attribs) => {
      const attributes: Record<string, string> = { ...attribs };
      // Word and older editors mark footnote targets with <a name="_ftn1">; an id does the same job.
      if (attributes.name !== undefined && attributes.id === undefined) attributes.id = attributes.name;
      delete attributes.name;
      const href = attributes.href?.trim() ?? '';
      if (href.startsWith('#')) {
        const target = ownId(safeDecode(href.slice(1)));
        if (target) attributes.href = `#${target}`;
      } else if (href !== '') {
        // Links out of the page leave it without passing the referrer or lending it rank.
        attributes.rel = 'nofollow noopener noreferrer';
      }
      return { tagName, attribs: attributes };
    },
    '*': (tagName, attribs) => {
      if (attribs.id === undefined) return { tagName, attribs };
      const own = ownId(attribs.id);
      const attributes: Record<string, string> = {};
      for (const [name, value] of Object.entries(attribs)) {
        if (name !== 'id') attributes[name] = value;
        else if (own) attributes.id = own;
      }
      return { tagName, attribs: attributes };
    },
  },
  exclusiveFilter: (frame) =>
    frame.tag === 'a' &&
    frame.attribs.href === undefined &&
    frame.attribs.id === undefined &&
    frame.text.trim() === '',
};

/**
 * Ids in a transcript share the page with the site's own (`main`, `search`...). A transcript id equal
 * to one of those would hijack skip links and clobber `window.main` for scripts, so every id it
 * carries, and every in-page link to one, is moved into a `t-` namespace the site itself never uses.
 * Ids already in it are left alone, so sanitising twice (an export imported again) changes nothing.
 * Ids that are not plain names (spaces, quotes, over 100 characters) are dropped.
 */
export const transcriptIdPrefix = 't-';
const plainId = /^[\p{L}\p{N}_][\p{L}\p{N}_.:-]{0,99}$/u;

function ownId(id: string): string | undefined {
  const trimmed = id.trim();
  if (!plainId.test(trimmed)) return undefined;
  return trimmed.startsWith(transcriptIdPrefix) ? trimmed : `${transcriptIdPrefix}${trimmed}`;
}

function safeDecode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

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
