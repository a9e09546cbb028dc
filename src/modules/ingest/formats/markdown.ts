import path from 'node:path';
import { Marked } from 'marked';
import { parseDocument } from 'yaml';
import type { DocumentRecordInput } from '../../documents/documents.schemas.ts';
import { clip, type FormatItem, problem, type SourcePosition, squash } from './format.ts';
import { findEnglishDate } from './source-dates.ts';
import { readSourceText, SourceFileError } from './source-text.ts';

/**
 * Markdown files with YAML front matter, one document each. Front matter keys of the record format
 * are read as they are (`title`, `date`, `type`, `languages`, `archival_reference`, ...), and the
 * Documents on Australian Foreign Policy layout (Tim Sherratt's harvest of DFAT's series: `doc_id`,
 * `vol_id`, `doc_date`, a place/date line, a marking line, an NAA citation and trailing footnotes) is
 * recognised and mapped onto the record's fields.
 */
/** What a catalogue beside the files knows about a document (DFAT's documents CSV: reference, barcode). */
export type CatalogueEntry = { reference?: string | undefined; barcode?: string | undefined };

export async function* readMarkdownFile(
  file: string,
  displayName: string,
  catalogue?: (docId: string) => CatalogueEntry | undefined,
): AsyncGenerator<FormatItem> {
  const source: SourcePosition = { file: displayName };
  let text: string;
  try {
    text = await readSourceText(file, 'Markdown file');
  } catch (error) {
    if (!(error instanceof SourceFileError)) throw error;
    yield problem({ ...source, ...(error.line ? { line: error.line } : {}) }, error.message);
    return;
  }
  const split = splitFrontMatter(text);
  if ('error' in split) {
    yield problem({ ...source, line: split.line }, split.error);
    return;
  }
  const fallbackId = path.basename(file, path.extname(file));
  const result = markdownRecord(split.meta, split.body, fallbackId, catalogue);
  if ('error' in result) {
    yield problem(source, result.error, { field: result.field, record: fallbackId });
    return;
  }
  for (const warning of result.warnings) {
    yield problem(source, warning.message, {
      field: warning.field,
      record: String(result.record.externalId),
      severity: 'warning',
    });
  }
  yield { kind: 'record', source, record: result.record, baseDir: path.dirname(file) };
}

type Meta = Record<string, unknown>;

export function splitFrontMatter(
  text: string,
): { meta: Meta; body: string; bodyLine: number } | { error: string; line: number } {
  const normalized = text.replace(/\r\n?/g, '\n');
  if (!normalized.startsWith('---\n')) return { meta: {}, body: normalized, bodyLine: 1 };
  const end = normalized.indexOf('\n---', 4);
  if (end === -1) return { error: 'the YAML front matter is not closed by a line "---"', line: 1 };
  const yamlText = normalized.slice(4, end + 1);
  const document = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  const firstError = document.errors[0];
  if (firstError) {
    const line = (firstError.linePos?.[0]?.line ?? 1) + 1;
    return { error: `the YAML front matter is not valid: ${firstError.message.split('\n')[0]}`, line };
  }
  const meta = document.toJS({ maxAliasCount: 50 }) as unknown;
  if (meta !== null && (typeof meta !== 'object' || Array.isArray(meta))) {
    return { error: 'the YAML front matter must be a set of "key: value" lines', line: 2 };
  }
  const afterClose = normalized.indexOf('\n', end + 4);
  const body = afterClose === -1 ? '' : normalized.slice(afterClose + 1);
  const bodyLine = normalized.slice(0, afterClose + 1).split('\n').length;
  return { meta: (meta as Meta | null) ?? {}, body, bodyLine };
}

const marked = new Marked({ gfm: true, breaks: false });

const dfatRights =
  '© Commonwealth of Australia (Department of Foreign Affairs and Trade). Source: Documents on Australian Foreign Policy, ' +
  'Department of Foreign Affairs and Trade. Licensed from the Commonwealth of Australia under a Creative Commons ' +
  'Attribution 4.0 International Licence (CC BY 4.0). The Commonwealth Coat of Arms and third-party material are excluded.';
const dfatSeries = 'Documents on Australian Foreign Policy';

const markingLine =
  /^(?:[\w/.\\-]+\.?\s+)?((?:top\s+secret|secret|confidential|restricted|unclassified|(?:for\s+)?official\s+use\s+only|personal|private)(?:\s+(?:and\s+)?(?:personal|immediate|priority|important|routine|emergency|most\s+immediate|cypher|guard|austeo|for\s+\w+\s+only))*)\.?$/i;

type Warning = { field?: string; message: string };

export function markdownRecord(
  meta: Meta,
  body: string,
  fallbackId: string,
  catalogue?: (docId: string) => CatalogueEntry | undefined,
): { record: DocumentRecordInput; warnings: Warning[] } | { error: string; field?: string } {
  const warnings: Warning[] = [];
  const text = (key: string) => {
    const value = meta[key];
    if (value === undefined || value === null) return undefined;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return typeof value === 'string' || typeof value === 'number'
      ? squash(String(value)) || undefined
      : undefined;
  };
  const list = (...keys: string[]) =>
    keys.flatMap((key) => {
      const value = meta[key];
      if (Array.isArray(value))
        return value.map((item) => (typeof item === 'string' ? item.trim() : item)).filter(Boolean);
      if (typeof value === 'string')
        return value
          .split(';')
          .map((item) => item.trim())
          .filter(Boolean);
      return [];
    });
  const isDfat = text('doc_id') !== undefined && text('vol_id') !== undefined;

  const lines = body.split('\n');
  let index = 0;
  const skipBlank = () => {
    while (index < lines.length && lines[index]!.trim() === '') index++;
  };
  skipBlank();
  let heading: string | undefined;
  if (/^#\s+/.test(lines[index] ?? '')) {
    heading = squash(lines[index]!.replace(/^#\s+/, ''));
    index++;
    skipBlank();
  }
  let place: string | undefined;
  let datelineDate: string | undefined;
  const classifications: string[] = [];
  if (isDfat) {
    const dateline = /^([A-Z][\p{L} .'’-]{1,60}),\s*(.+)$/u.exec(lines[index]?.trim() ?? '');
    if (dateline) {
      place = dateline[1]!.trim();
      datelineDate = findEnglishDate(dateline[2]!);
      index++;
      skipBlank();
    }
    const marking = markingLine.exec((lines[index] ?? '').trim().replace(/\\\./g, '.'));
    if (marking) classifications.push(...dfatMarkings(marking[1]!));
  }

  const rawTitle = text('title') ?? heading;
  if (!rawTitle)
    return {
      error: 'no title: give "title" in the front matter or start the text with "# Title"',
      field: 'title',
    };
  const number = isDfat ? /^(\d+)\s+/.exec(rawTitle)?.[1] : undefined;
  const title = isDfat ? titleCase(rawTitle.replace(/^\d+\s+/, '')) : rawTitle;

  const remaining = lines.slice(index).join('\n');
  const taken = takeCitation(remaining);
  const withoutCitation = taken.text;
  const entry = text('doc_id') ? catalogue?.(text('doc_id')!) : undefined;
  const citation =
    taken.citation ??
    (entry?.reference
      ? {
          raw: `[NAA: ${entry.reference}]`,
          repository: 'National Archives of Australia',
          reference: entry.reference,
        }
      : undefined);
  const { text: mainText, notes } = takeFootnotes(withoutCitation);
  const marked_ = linkFootnoteMarks(mainText, notes.length);
  const html = [
    (marked.parse(marked_, { async: false }) as string).trim(),
    notes.length > 0 ? footnoteSection(notes) : '',
    citation
      ? `<p class="note">${(marked.parseInline(citation.raw, { async: false }) as string).trim()}</p>`
      : '',
  ]
    .filter((part) => part !== '')
    .join('\n');

  const dateText = text('date') ?? text('doc_date') ?? datelineDate;
  if (isDfat && !text('doc_date') && datelineDate)
    warnings.push({
      field: 'date',
      message: `no doc_date; the date ${datelineDate} was read from the dateline`,
    });
  const externalId =
    text('external_id') ??
    text('externalId') ??
    (isDfat ? `dfat-${text('doc_id')}` : text('doc_id')) ??
    fallbackId;
  const volume = text('volume');
  const languages = list('languages', 'language');

  const record: DocumentRecordInput = {
    externalId,
    title: clip(title, 2000),
    subtitle:
      text('subtitle') ??
      (isDfat && volume
        ? clip(`${dfatSeries}, ${volume}${number ? `, Document ${number}` : ''}`, 2000)
        : null),
    summary: text('summary') ?? text('description') ?? null,
    date: dateText ?? null,
    placeOfOrigin: text('place') ?? text('placeOfOrigin') ?? place ?? null,
    type: text('type') ?? (isDfat ? dfatType(title) : null),
    classifications:
      list('classifications', 'classification').length > 0
        ? list('classifications', 'classification').map(String)
        : classifications,
    languages: languages.length > 0 ? languages.map(String) : ['en'],
    repository: text('repository') ?? citation?.repository ?? null,
    archivalReference:
      text('archival_reference') ??
      text('archivalReference') ??
      text('reference') ??
      citation?.reference ??
      null,
    program: text('program') ?? (isDfat ? dfatSeries : null),
    rights: text('rights') ?? (isDfat ? dfatRights : null),
    agents: [
      ...list('authors', 'author').map((name) => ({ name: String(name), role: 'author' as const })),
      ...list('recipients', 'recipient').map((name) => ({ name: String(name), role: 'recipient' as const })),
      ...list('participants').map((name) => ({ name: String(name), role: 'participant' as const })),
      ...list('people').map((name) => ({ name: String(name), role: 'mentioned' as const })),
      ...list('organizations').map((name) => ({
        name: String(name),
        kind: 'organization' as const,
        role: 'mentioned' as const,
      })),
    ],
    subjects: list('subjects').map(String),
    places: list('places').map(String),
    collections: [
      ...list('collections', 'collection').map(String),
      ...(isDfat && volume ? [{ name: clip(`${dfatSeries}, ${volume}`, 500), parent: dfatSeries }] : []),
    ],
    status: (text('status') as DocumentRecordInput['status']) ?? undefined,
    assets:
      html === ''
        ? []
        : [{ kind: 'transcript', language: String(languages[0] ?? 'en'), label: 'Transcript', html }],
  };
  if (record.status === undefined) delete record.status;
  return { record, warnings };
}

type Citation = { raw: string; repository: string | null; reference: string };

/**
 * The archival citation on a line of its own: `[NAA: A1838, 3107/38, iii]`, `[ [NAA: ...](url) ]`,
 * `[DFAT: WALLER PAPERS]` or a bare `[A1838, 625/10/6]`. NAA series numbers never hold a lower-case
 * "l", so the OCR slip "Al838" is read as A1838 in the reference field (the text keeps what it says).
 */
function takeCitation(text: string): { text: string; citation?: Citation } {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    const match = /^\[\s*\[?\s*(?:(NAA|DFAT|AA)\s*:\s*)?([A-Z].*?)\s*[\])]\s*\.?$/.exec(line);
    if (!match || /omitted/i.test(line)) continue;
    const prefix = match[1];
    if (!prefix && !/^[A-Z]{1,3}[\dl]+,/.test(match[2]!)) continue;
    const reference = squash(
      match[2]!
        .replace(/\]\(https?:[^)\s]*\)/g, '')
        .replace(/[[\]]/g, '')
        .replace(/,(?=\S)/g, ', '),
    )
      .replace(/[\s,.)]+$/, '')
      .replace(/(?<=[A-Z\d/])l(?=[\d/])/g, '1');
    const repository =
      prefix === 'DFAT' ? 'Department of Foreign Affairs and Trade' : 'National Archives of Australia';
    lines.splice(i, 1);
    return { text: lines.join('\n'), citation: { raw: line, repository, reference: clip(reference, 1000) } };
  }
  return { text };
}

/**
 * Footnotes at the end of a harvested page: the last paragraphs, numbered 1, 2, 3 ... in order
 * ("1Negotiations in Moscow ...", "2 See Document 96."). Only a run that starts at 1 counts.
 */
function takeFootnotes(text: string): { text: string; notes: string[] } {
  const paragraphs = text.trim().split(/\n\s*\n/);
  let start = paragraphs.length;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const match = /^(\d{1,3})(?!\d)\s*(\S[\s\S]*)$/.exec(paragraphs[i]!.trim());
    if (!match) break;
    start = i;
    if (match[1] === '1') break;
  }
  const candidates = paragraphs.slice(start);
  const ok =
    candidates.length > 0 &&
    candidates.every((paragraph, i) => new RegExp(`^${i + 1}(?!\\d)`).test(paragraph.trim()));
  if (!ok) return { text, notes: [] };
  const notes = candidates.map((paragraph, i) =>
    paragraph
      .trim()
      .slice(String(i + 1).length)
      .replace(new RegExp(`^\\s*${i + 1}\\s+`), '')
      .trim(),
  );
  return { text: paragraphs.slice(0, start).join('\n\n'), notes };
}

/** Footnote numbers run into the words ("Treaty,1 makes"): the n-th one found in order becomes a link. */
function linkFootnoteMarks(text: string, count: number): string {
  let result = text;
  let from = 0;
  for (let n = 1; n <= count; n++) {
    const pattern = new RegExp(`(?<=[\\p{L}.,;:’'”")\\]])${n}(?![\\d\\p{L}])`, 'gu');
    pattern.lastIndex = from;
    const match = pattern.exec(result);
    if (!match) continue;
    const mark = `<sup><a href="#fn-${n}" id="fnref-${n}">${n}</a></sup>`;
    result = result.slice(0, match.index) + mark + result.slice(match.index + match[0].length);
    from = match.index + mark.length;
  }
  return result;
}

function footnoteSection(notes: string[]): string {
  const items = notes.map(
    (note, i) =>
      `<p class="footnote" id="fn-${i + 1}"><sup>${i + 1}</sup> ${(marked.parseInline(note, { async: false }) as string).trim()} <a href="#fnref-${i + 1}" title="Back to the text">↩</a></p>`,
  );
  return `<section class="footnotes">\n${items.join('\n')}\n</section>`;
}

const smallWords = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  'between',
]);

/** "CABLEGRAM TO CANBERRA" as a catalogue writes it: "Cablegram to Canberra". Mixed case is kept. */
export function titleCase(value: string): string {
  if (/\p{Ll}/u.test(value)) return value;
  return value
    .toLowerCase()
    .split(/(\s+)/)
    .map((word, i) =>
      i > 0 && smallWords.has(word)
        ? word
        : word.replace(/^(\P{L}*)(\p{L})/u, (_, lead: string, first: string) => lead + first.toUpperCase()),
    )
    .join('');
}

/**
 * "Secret Austeo Immediate" holds a classification ("Secret"), a caveat ("AUSTEO", Australian Eyes
 * Only) and a precedence ("Immediate", how fast it travels, which is not a marking).
 */
function dfatMarkings(line: string): string[] {
  const words = squash(line)
    .replace(/\b(most\s+)?(immediate|priority|important|routine|emergency)\b/gi, '')
    .trim();
  const caveat = /\b(austeo|guard|cypher)\b/i.exec(words)?.[1];
  const level = squash(words.replace(/\b(austeo|guard|cypher)\b/gi, ''));
  return [level ? titleCase(level.toUpperCase()) : '', caveat ? caveat.toUpperCase() : ''].filter(Boolean);
}

/** The kind of paper, from the title's first words: "Cablegram to ...", "Record of Conversation ...". */
function dfatType(title: string): string | null {
  const match = /^(.+?)\s+(?:to|from|by|between|for|on|of\s+(?:meeting|discussion))\b/i.exec(title);
  const kind = (match?.[1] ?? title).toLowerCase().replace(/\s+no\.?\s*\d.*$/, '');
  return kind.length <= 60 ? kind : null;
}
