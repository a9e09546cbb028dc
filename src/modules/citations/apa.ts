import type { HistoricalDate } from '../documents/historical-date.ts';
import { type CitableDocument, type CitationOptions, citationPieces, monthName, ymd } from './chicago.ts';
import type { CitationPart, FormattedCitation } from './citation-parts.ts';
import { finishCitation } from './citation-parts.ts';
import { joinElements } from './style-helpers.ts';

/** APA dates: year first, "(1962, August 9)", "(1962, June 1–3)", "(ca. 1962)", "(n.d.)". */
export function apaDate(date: HistoricalDate | null): string {
  if (!date) return 'n.d.';
  const a = ymd(date.start);
  const b = ymd(date.end);
  let text: string;
  switch (date.precision) {
    case 'day':
      if (date.start === date.end) text = `${a.y}, ${monthName(a.m)} ${a.d}`;
      else if (a.y === b.y && a.m === b.m) text = `${a.y}, ${monthName(a.m)} ${a.d}–${b.d}`;
      else if (a.y === b.y) text = `${a.y}, ${monthName(a.m)} ${a.d}–${monthName(b.m)} ${b.d}`;
      else text = `${a.y}, ${monthName(a.m)} ${a.d}–${b.y}, ${monthName(b.m)} ${b.d}`;
      break;
    case 'month':
      if (a.y === b.y && a.m === b.m) text = `${a.y}, ${monthName(a.m)}`;
      else if (a.y === b.y) text = `${a.y}, ${monthName(a.m)}–${monthName(b.m)}`;
      else text = `${a.y}, ${monthName(a.m)}–${b.y}, ${monthName(b.m)}`;
      break;
    case 'year':
      text = a.y === b.y ? String(a.y) : `${a.y}–${b.y}`;
      break;
    case 'decade':
      text = `${a.y - (a.y % 10)}s`;
      break;
  }
  return date.circa ? `ca. ${text}` : text;
}

/**
 * An APA 7 reference for an unpublished archival document: the title in italics followed by a bracketed
 * description of the material (the record's type), the translator as "(X, Trans.)", then the repository
 * with the archival reference in parentheses, the collection and online archive, and the URL.
 *
 *   Author. (1962, August 9). <i>Title</i> [Minutes] (X, Trans.). Repository (Reference). Program;
 *     Archive. Retrieved November 28, 2026, from URL
 *
 * With no author the title moves to the front, before the date, as APA prescribes. A retrieval date is
 * given when the reader asks for one, because a published translation may be revised. APA ends a URL
 * without a period.
 */
export function formatApa(doc: CitableDocument, options: CitationOptions): FormattedCitation {
  const p = citationPieces(doc, options);
  const titled: CitationPart[] = [{ text: p.title, role: 'title', italic: true }];
  if (p.type) titled.push({ text: ` [${p.type.charAt(0).toUpperCase()}${p.type.slice(1)}]` });
  if (p.translators.length > 0) {
    titled.push({ text: ` (${p.translators.join(' & ')}, Trans.)`, role: 'credit' });
  }
  const dated: CitationPart[] = [{ text: `(${apaDate(doc.date)})`, role: 'date' }];

  const elements: CitationPart[][] = [];
  if (p.authors.length > 0) {
    const names =
      p.authors.length === 1
        ? p.authors[0]!
        : p.authors.length <= 20
          ? `${p.authors.slice(0, -1).join(', ')}, & ${p.authors[p.authors.length - 1]}`
          : `${p.authors.slice(0, 19).join(', ')}, … ${p.authors[p.authors.length - 1]}`;
    elements.push([{ text: names, role: 'author' }], dated, titled);
  } else {
    elements.push(titled, dated);
  }
  if (p.repository || p.reference) {
    const held: CitationPart[] = [];
    if (p.repository) held.push({ text: p.repository, role: 'archive' });
    if (p.reference) held.push({ text: p.repository ? ` (${p.reference})` : p.reference, role: 'archive' });
    elements.push(held);
  }
  if (p.publication) elements.push([{ text: p.publication.replace(', ', '; '), role: 'container' }]);
  if (p.versionDay) {
    const v = p.versionDay;
    elements.push([{ text: `Version of ${monthName(v.m)} ${v.d}, ${v.y}`, role: 'credit' }]);
  }
  const parts = joinElements(elements, '. ');
  parts.push({ text: '. ' });
  if (p.accessedDay) {
    const d = p.accessedDay;
    parts.push({ text: `Retrieved ${monthName(d.m)} ${d.d}, ${d.y}, from `, role: 'accessed' });
  }
  parts.push({ text: p.url, role: 'url' });
  return finishCitation(parts);
}
