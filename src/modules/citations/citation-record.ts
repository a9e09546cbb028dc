import type { HistoricalDate } from '../documents/historical-date.ts';
import type { CitableDocument, CitationOptions } from './chicago.ts';
import { citationPieces, ymd } from './chicago.ts';

/** A record to export: what a citation needs plus the descriptive fields reference managers keep. */
export type ExportableDocument = CitableDocument & {
  summary?: string | null;
  placeOfOrigin?: string | null;
  subjects?: { name: string }[];
  rights?: string | null;
};

/** Text for a one-line field: no control characters, no line breaks, single spaces. */
export const oneLine = (value: string) =>
  value
    // Control characters (C0, C1) and line separators would break a line-based format such as RIS.
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The parts of a date as precise as it is known: [1962, 8, 9], [1962, 8], [1962]. */
export function dateParts(date: HistoricalDate): { start: number[]; end: number[] } {
  const a = ymd(date.start);
  const b = ymd(date.end);
  switch (date.precision) {
    case 'day':
      return { start: [a.y, a.m, a.d], end: [b.y, b.m, b.d] };
    case 'month':
      return { start: [a.y, a.m], end: [b.y, b.m] };
    default:
      return { start: [a.y], end: [b.y] };
  }
}

/** Whether a date covers more than one unit of its precision (a span, or a decade). */
export const isSpan = (date: HistoricalDate) => {
  const { start, end } = dateParts(date);
  return start.join('-') !== end.join('-');
};

const todayParts = (value: string | Date | undefined) => {
  if (!value) return undefined;
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').map(Number) : undefined;
};

/** The CSL-JSON item type CSL processors know for unpublished archival material. */
export type CslItem = Record<string, unknown> & { id: string; type: string; title: string };

/**
 * The record as a CSL-JSON item, the input format of CSL processors and the export format Zotero and
 * Mendeley read. An archival document is a "manuscript" (CSL 1.0's type for unpublished material; the
 * 1.0.2 "document" type is unknown to many processors): `archive` is the repository holding the
 * original, `archive_location` its reference, `publisher` the online archive and `collection-title`
 * the program. Dates keep their precision (no invented day) and carry `circa`.
 */
export function toCslItem(doc: ExportableDocument, options: CitationOptions): CslItem {
  const p = citationPieces(doc, options);
  const item: CslItem = {
    id: `document-${doc.id}`,
    type: 'manuscript',
    title: oneLine(p.title === doc.title.trim() ? doc.title : doc.title),
  };
  if (p.authors.length > 0) item.author = p.authors.map((literal) => ({ literal: oneLine(literal) }));
  if (p.translators.length > 0)
    item.translator = p.translators.map((literal) => ({ literal: oneLine(literal) }));
  if (doc.date) {
    const { start, end } = dateParts(doc.date);
    const issued: Record<string, unknown> = {
      'date-parts': isSpan(doc.date) ? [start, end] : [start],
    };
    if (doc.date.circa) issued.circa = true;
    item.issued = issued;
  }
  if (p.type) item.genre = oneLine(p.type);
  if (p.repository) item.archive = oneLine(p.repository);
  if (p.reference) item.archive_location = oneLine(p.reference);
  if (p.program && p.program.toLowerCase() !== p.archive.toLowerCase()) {
    item['collection-title'] = oneLine(p.program);
  }
  item.publisher = oneLine(p.archive);
  item.source = oneLine(p.archive);
  if (doc.placeOfOrigin?.trim()) item['event-place'] = oneLine(doc.placeOfOrigin);
  const language = doc.languages?.[0];
  if (language) item.language = language;
  if (doc.summary?.trim()) item.abstract = doc.summary.trim();
  if (doc.subjects && doc.subjects.length > 0)
    item.keyword = doc.subjects.map((s) => oneLine(s.name)).join(', ');
  if (options.version) item.version = options.version.date;
  item.URL = p.url;
  const accessed = todayParts(options.accessedOn);
  if (accessed) item.accessed = { 'date-parts': [accessed] };
  return item;
}
