import { escapeHtml } from '../shared/sanitize-html.ts';

/**
 * A formatted citation is a list of parts rather than a string, so each surface renders it in its own
 * way from one source: pages as escaped HTML with the title marked and the URL linked, the copy button
 * and exports as plain text. A later style (MLA, APA, Turabian) only produces different parts.
 */
export type CitationPart = {
  text: string;
  /** What the part is; `html` marks titles, links URLs, and leaves the rest as text. */
  role?: 'author' | 'title' | 'date' | 'container' | 'archive' | 'credit' | 'accessed' | 'url';
  /** Set when the style wants the part in italics (titles of published works). */
  italic?: boolean;
  /** For a URL shown without its scheme (MLA), the address the link goes to. */
  href?: string;
};

export type FormattedCitation = {
  parts: CitationPart[];
  /** The citation as one plain-text line, for the clipboard and text exports. */
  text: string;
  /** The citation as HTML in which every part is escaped; safe to insert into a page. */
  html: string;
};

export function citationText(parts: CitationPart[]): string {
  return parts.map((part) => part.text).join('');
}

export function citationHtml(parts: CitationPart[]): string {
  return parts
    .map((part) => {
      const text = escapeHtml(part.text);
      if (part.role === 'url') return `<a href="${escapeHtml(part.href ?? part.text)}">${text}</a>`;
      const inner = part.italic ? `<i>${text}</i>` : text;
      return part.role ? `<span class="citation-${part.role}">${inner}</span>` : inner;
    })
    .join('');
}

export function finishCitation(parts: CitationPart[]): FormattedCitation {
  // Adjacent plain separators are merged so that renderers never see empty or split text parts.
  const merged: CitationPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = merged[merged.length - 1];
    if (last && last.role === undefined && part.role === undefined && !last.italic && !part.italic) {
      last.text += part.text;
    } else merged.push({ ...part });
  }
  return { parts: merged, text: citationText(merged), html: citationHtml(merged) };
}
