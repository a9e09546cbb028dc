import { Marked } from 'marked';
import { plainTextToHtml, sanitizeDocumentHtml } from '../shared/sanitize-html.ts';

/**
 * Transcripts and translations arrive as HTML, Markdown, plain text (typed, pasted or uploaded) or Word
 * files (see docx.ts). Whatever the source, what is stored is sanitised HTML.
 */
export const textFormats = ['html', 'markdown', 'plain'] as const;
export type TextFormat = (typeof textFormats)[number];

export const textFormatLabels: Record<TextFormat, string> = {
  html: 'HTML',
  markdown: 'Markdown',
  plain: 'Plain text (blank lines separate paragraphs)',
};

/** The most text one transcript may hold, as in the import format. */
export const maxTextBytes = 5_000_000;

export class TextSourceProblem extends Error {}

// A private instance: the shared `marked` defaults must not change under other modules.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

/** The part inside <body>, when a whole HTML page was given. */
function bodyOf(html: string): string {
  const match = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return match ? match[1]! : html;
}

export function textToHtml(text: string, format: TextFormat): string {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  switch (format) {
    case 'html':
      return sanitizeDocumentHtml(bodyOf(normalized));
    case 'markdown':
      return sanitizeDocumentHtml(markdown.parse(normalized) as string);
    case 'plain':
      return plainTextToHtml(normalized);
  }
}

/** The format a file's name suggests; only used to choose a converter, never as a path. */
export function formatOfFileName(name: string): TextFormat | 'docx' | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  switch (extension) {
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html';
    case 'md':
    case 'markdown':
      return 'markdown';
    case 'txt':
    case 'text':
      return 'plain';
    case 'docx':
      return 'docx';
    default:
      return undefined;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads uploaded bytes as UTF-8 text, refusing binary files and other encodings with a clear reason. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length > maxTextBytes) {
    throw new TextSourceProblem(`A text file may hold at most ${maxTextBytes / 1_000_000} MB.`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new TextSourceProblem('This file is not UTF-8 text. Save it as UTF-8 and upload it again.');
  }
  // Zero bytes decode as UTF-8, but mean a binary file or UTF-16 without a byte-order mark.
  if (text.includes('\u0000')) {
    throw new TextSourceProblem('This file is not UTF-8 text. Save it as UTF-8 and upload it again.');
  }
  return text;
}
