import { escapeHtml, sanitizeDocumentHtml } from '../shared/sanitize-html.ts';

/**
 * One text of a demo document (an original or a translation), written once as structured data and
 * turned both into the HTML readers see and into the pages of a generated scan, so the two never
 * disagree.
 *
 * Inline conventions inside any string:
 * - `[...]` is an editorial insertion by the translator or editor, shown in brackets;
 * - `[[...]]` is a passage withheld on declassification: a black bar on the scan, a bracketed note in HTML.
 */
export type Paragraph = string | { speaker: string; text: string };

export type DemoText = {
  /** BCP 47 tag of this text: zh, zh-Hant, ru, en, de. */
  language: string;
  /** Classification as printed on the original (绝密, СЕКРЕТНО, SECRET). */
  marking?: string;
  /** Registry or file number printed in the corner of the original. */
  reference?: string;
  title: string;
  subtitle?: string;
  /** Header lines of a record: Time, Venue, Also Present, Interpreter, Minutes prepared by; From/To of a cable. */
  header?: [label: string, value: string][];
  /** One paragraph per entry; minutes give one paragraph per speaker turn. */
  body: Paragraph[];
  /** Closing lines set to the right: signature, place and date. */
  signature?: string[];
};

const inlineHtml = (text: string): string =>
  escapeHtml(text).replace(/\[\[(.+?)\]\]|\[([^[\]]+)\]/g, (_match, withheld?: string, insertion?: string) =>
    withheld !== undefined
      ? `<span class="redacted">[${withheld}]</span>`
      : `<span class="editorial">[${insertion}]</span>`,
  );

/** The text as sanitised HTML: a heading, header lines, one paragraph per turn, the signature. */
export function demoTextToHtml(text: DemoText): string {
  const parts: string[] = [];
  if (text.marking || text.reference) {
    parts.push(
      `<p class="note">${[text.reference, text.marking]
        .filter(Boolean)
        .map((s) => inlineHtml(s!))
        .join(' · ')}</p>`,
    );
  }
  parts.push(`<h1>${inlineHtml(text.title)}</h1>`);
  if (text.subtitle) parts.push(`<h2>${inlineHtml(text.subtitle)}</h2>`);
  for (const [label, value] of text.header ?? []) {
    parts.push(`<p class="header-line"><strong>${inlineHtml(label)}</strong> ${inlineHtml(value)}</p>`);
  }
  for (const paragraph of text.body) {
    parts.push(
      typeof paragraph === 'string'
        ? `<p>${inlineHtml(paragraph)}</p>`
        : `<p><strong class="speaker">${inlineHtml(paragraph.speaker)}</strong> ${inlineHtml(paragraph.text)}</p>`,
    );
  }
  for (const line of text.signature ?? []) parts.push(`<p class="signature">${inlineHtml(line)}</p>`);
  return sanitizeDocumentHtml(parts.join('\n'));
}

/** The text as a reader of the page would transcribe it, without markup: what a scan's text layer holds. */
export function demoTextToPlain(text: DemoText): string {
  const lines = [
    text.reference,
    text.marking,
    text.title,
    text.subtitle,
    ...(text.header ?? []).map(([label, value]) => `${label} ${value}`),
    ...text.body.map((p) => (typeof p === 'string' ? p : `${p.speaker} ${p.text}`)),
    ...(text.signature ?? []),
  ];
  return lines.filter((line): line is string => Boolean(line)).join('\n');
}
