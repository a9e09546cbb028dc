import type { HistoricalDate } from '../documents/historical-date.ts';
import { formatHistoricalDate } from '../documents/historical-date.ts';
import type { CitationOptions } from './chicago.ts';
import { citationPieces } from './chicago.ts';
import { dateParts, type ExportableDocument, isSpan, oneLine } from './citation-record.ts';

/** RIS dates: `YYYY/MM/DD/other`, with the parts not known left empty and "circa" in the free part. */
export function risDate(date: HistoricalDate): string {
  const [y, m, d] = dateParts(date).start;
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  return `${String(y).padStart(4, '0')}/${pad(m)}/${pad(d)}/${date.circa ? 'circa' : ''}`;
}

const today = (value: string | Date | undefined) => {
  if (!value) return undefined;
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.replace(/-/g, '/') : undefined;
};

/**
 * The record as RIS, written line by line: one tag per line, never wrapped (some exporters wrap long
 * titles, which importers then cut), CRLF line ends as the format's specification asks. Archival fields
 * are kept where Zotero's RIS importer looks for them: DB the archive holding the original, AV the
 * archival reference, A4 the translator, M3 the document type, DP the online archive.
 */
export function toRis(doc: ExportableDocument, options: CitationOptions): string {
  const p = citationPieces(doc, options);
  const lines: string[] = [];
  const tag = (name: string, value: string | null | undefined) => {
    const text = value ? oneLine(value) : '';
    if (text !== '') lines.push(`${name}  - ${text}`);
  };
  tag('TY', 'MANSCPT');
  tag('TI', doc.title);
  for (const author of p.authors) tag('AU', author);
  for (const translator of p.translators) tag('A4', translator);
  if (doc.date) {
    tag('DA', risDate(doc.date));
    tag('Y1', risDate(doc.date));
  }
  tag('M3', p.type);
  tag('DB', p.repository);
  tag('AV', p.reference);
  if (p.program && p.program.toLowerCase() !== p.archive.toLowerCase()) tag('T3', p.program);
  tag('DP', p.archive);
  tag('PB', p.archive);
  tag('CY', doc.placeOfOrigin);
  for (const language of doc.languages ?? []) tag('LA', language);
  for (const subject of doc.subjects ?? []) tag('KW', subject.name);
  tag('AB', doc.summary);
  // What the date fields cannot say (a span, a decade) is kept in a note in the archive's own words.
  if (doc.date && isSpan(doc.date)) tag('N1', `Date: ${formatHistoricalDate(doc.date)}`);
  if (options.version) tag('N1', `Version of ${options.version.date}`);
  tag('UR', p.url);
  tag('Y2', today(options.accessedOn));
  tag('ID', `document-${doc.id}`);
  lines.push('ER  - ');
  return `${lines.join('\r\n')}\r\n`;
}
