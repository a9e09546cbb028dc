import type { HistoricalDate } from '../documents/historical-date.ts';
import { type CitationPart, type FormattedCitation, finishCitation } from './citation-parts.ts';

/** What a citation needs to know about a document; a StoredDocument fits as it is. */
export type CitableDocument = {
  id: number;
  title: string;
  date: HistoricalDate | null;
  program: string | null;
  archivalReference: string | null;
  repository: { name: string } | null;
  credits: { role: string; name: string }[];
  agents: { name: string; role: string }[];
  assets?: { kind: string; translator: string | null }[];
  type?: string | null;
  languages?: string[];
};

export type CitationOptions = {
  /** The public address of the archive, without a trailing slash. */
  baseUrl: string;
  archiveName: string;
  /** The day the reader consulted the record (`YYYY-MM-DD` or a Date); Chicago makes it optional. */
  accessedOn?: string | Date | undefined;
  /**
   * Pins the citation to the version being read: the day that text was last changed (`YYYY-MM-DD`) and
   * the address that shows it. Without it the citation names the record as a whole.
   */
  version?: { date: string; url: string } | undefined;
};

/** Chicago notes-bibliography gives every source two forms: the footnote and the bibliography entry. */
export type ChicagoCitation = { note: FormattedCitation; bibliography: FormattedCitation };

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export type Ymd = { y: number; m: number; d: number };
export const ymd = (iso: string): Ymd => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};
export const monthName = (m: number) => months[m - 1] ?? '';

/**
 * Dates as Chicago writes them: "August 9, 1962" (no leading zero, unlike the archive's display form),
 * "August 1962", "1962", "1960s", "ca. 1962", spans with an en dash that share what they can
 * ("June 1–3, 1962", "June–August 1962"), and "n.d." when the date is unknown.
 */
export function chicagoDate(date: HistoricalDate | null): string {
  if (!date) return 'n.d.';
  const a = ymd(date.start);
  const b = ymd(date.end);
  let text: string;
  switch (date.precision) {
    case 'day':
      if (date.start === date.end) text = `${monthName(a.m)} ${a.d}, ${a.y}`;
      else if (a.y === b.y && a.m === b.m) text = `${monthName(a.m)} ${a.d}–${b.d}, ${a.y}`;
      else if (a.y === b.y) text = `${monthName(a.m)} ${a.d}–${monthName(b.m)} ${b.d}, ${a.y}`;
      else text = `${monthName(a.m)} ${a.d}, ${a.y}–${monthName(b.m)} ${b.d}, ${b.y}`;
      break;
    case 'month': {
      const lastOfStartMonth = new Date(Date.UTC(a.y, a.m, 0)).getUTCDate();
      const single = a.y === b.y && a.m === b.m && b.d === lastOfStartMonth;
      if (single) text = `${monthName(a.m)} ${a.y}`;
      else if (a.y === b.y) text = `${monthName(a.m)}–${monthName(b.m)} ${a.y}`;
      else text = `${monthName(a.m)} ${a.y}–${monthName(b.m)} ${b.y}`;
      break;
    }
    case 'year':
      text = a.y === b.y ? String(a.y) : `${a.y}–${b.y}`;
      break;
    case 'decade': {
      const first = a.y - (a.y % 10);
      const last = b.y - (b.y % 10);
      text = first === last ? `${first}s` : `${first}s–${last}s`;
      break;
    }
  }
  return date.circa ? `ca. ${text}` : text;
}

/** A calendar day (`YYYY-MM-DD` or a Date) as its parts; undefined for anything that is not one. */
export function calendarDay(value: string | Date): Ymd | undefined {
  const iso = value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const day = ymd(iso);
  return day.m >= 1 && day.m <= 12 && day.d >= 1 && day.d <= 31 ? day : undefined;
}

function formatAccessDate(value: string | Date): string | undefined {
  const day = calendarDay(value);
  return day ? `${monthName(day.m)} ${day.d}, ${day.y}` : undefined;
}

/** "A", "A and B", "A, B, and C" (Chicago uses the serial comma). */
export function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}

export const unique = (values: string[]) => [...new Map(values.map((v) => [v.toLowerCase(), v])).values()];

/** Double quotation marks inside a quoted title turn into single ones. */
export const nestQuotes = (title: string) =>
  title.replace(/"([^"]*)"/g, '‘$1’').replace(/“([^”]*)”/g, '‘$1’');

/** A title ending in ? or ! keeps its own mark instead of taking the comma or period. */
export const endsWithOwnMark = (text: string) => /[?!]['’”]?$/.test(text);

export const closeWithPeriod = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);

/** What every style draws on, cleaned once: names de-duplicated, empty fields dropped. */
export function citationPieces(doc: CitableDocument, options: CitationOptions) {
  const authors = unique(doc.agents.filter((a) => a.role === 'author').map((a) => a.name.trim()));
  const translators = unique([
    ...doc.credits.filter((c) => c.role === 'translator').map((c) => c.name.trim()),
    ...(doc.assets ?? [])
      .filter((a) => a.kind === 'translation' && a.translator)
      .map((a) => a.translator!.trim()),
  ]);
  const program = doc.program?.trim() || null;
  const archive = options.archiveName.trim();
  const publication = unique([program, archive].filter((v): v is string => Boolean(v))).join(', ');
  const original = [doc.repository?.name.trim(), doc.archivalReference?.trim()].filter(Boolean).join(', ');
  return {
    authors,
    title: nestQuotes(doc.title.trim()),
    date: chicagoDate(doc.date),
    publication,
    original,
    translators,
    accessed: options.accessedOn ? formatAccessDate(options.accessedOn) : undefined,
    accessedDay: options.accessedOn ? calendarDay(options.accessedOn) : undefined,
    versionDay: options.version ? calendarDay(options.version.date) : undefined,
    url: options.version?.url ?? `${options.baseUrl.replace(/\/+$/, '')}/documents/${doc.id}`,
    program,
    archive,
    repository: doc.repository?.name.trim() || null,
    reference: doc.archivalReference?.trim() || null,
    type: doc.type?.trim() || null,
  };
}

/**
 * The Chicago notes-bibliography citation of an archival document published online, in the shape the
 * reference archive uses: quoted title, date, program and archive, then where the original is held and
 * its reference, the translator, and the permanent address.
 *
 *   Note:         “Title,” August 9, 1962, Program, Archive, Repository, Reference, trans. X, URL.
 *   Bibliography: “Title.” August 9, 1962. Program, Archive. Repository, Reference. Translated by X. URL.
 *
 * A named author comes first when the record has one. The archival reference is kept exactly as
 * recorded: it is an identifier, so its hyphens are not turned into en dashes.
 */
export function formatChicagoCitation(doc: CitableDocument, options: CitationOptions): ChicagoCitation {
  const p = citationPieces(doc, options);
  return { note: noteForm(p), bibliography: bibliographyForm(p) };
}

export type CitationPieces = ReturnType<typeof citationPieces>;
type Pieces = CitationPieces;

const chicagoDay = (day: Ymd) => `${monthName(day.m)} ${day.d}, ${day.y}`;

function noteForm(p: Pieces): FormattedCitation {
  const parts: CitationPart[] = [];
  if (p.authors.length > 0) {
    const names = p.authors.length > 3 ? `${p.authors[0]} et al.` : joinNames(p.authors);
    parts.push({ text: names, role: 'author' }, { text: ', ' });
  }
  parts.push({ text: `“${p.title}${endsWithOwnMark(p.title) ? '' : ','}”`, role: 'title' }, { text: ' ' });
  const rest: [string, CitationPart['role']][] = [[p.date, 'date']];
  if (p.publication) rest.push([p.publication, 'container']);
  if (p.original) rest.push([p.original, 'archive']);
  if (p.translators.length > 0) rest.push([`trans. ${joinNames(p.translators)}`, 'credit']);
  if (p.versionDay) rest.push([`version of ${chicagoDay(p.versionDay)}`, 'credit']);
  if (p.accessed) rest.push([`accessed ${p.accessed}`, 'accessed']);
  rest.push([p.url, 'url']);
  rest.forEach(([text, role], index) => {
    if (index > 0) parts.push({ text: ', ' });
    parts.push({ text, role });
  });
  parts.push({ text: '.' });
  return finishCitation(parts);
}

function bibliographyForm(p: Pieces): FormattedCitation {
  const parts: CitationPart[] = [];
  if (p.authors.length > 0) {
    const names =
      p.authors.length > 10 ? `${p.authors.slice(0, 7).join(', ')}, et al.` : joinNames(p.authors);
    parts.push({ text: closeWithPeriod(names), role: 'author' }, { text: ' ' });
  }
  parts.push({ text: `“${p.title}${endsWithOwnMark(p.title) ? '' : '.'}”`, role: 'title' }, { text: ' ' });
  const rest: [string, CitationPart['role']][] = [[p.date, 'date']];
  if (p.publication) rest.push([p.publication, 'container']);
  if (p.original) rest.push([p.original, 'archive']);
  if (p.translators.length > 0) rest.push([`Translated by ${joinNames(p.translators)}`, 'credit']);
  if (p.versionDay) rest.push([`Version of ${chicagoDay(p.versionDay)}`, 'credit']);
  if (p.accessed) rest.push([`Accessed ${p.accessed}`, 'accessed']);
  rest.push([p.url, 'url']);
  let previous = '';
  rest.forEach(([text, role], index) => {
    if (index > 0) parts.push({ text: /[.?!]$/.test(previous) ? ' ' : '. ' });
    parts.push({ text, role });
    previous = text;
  });
  parts.push({ text: '.' });
  return finishCitation(parts);
}
