import type { HistoricalDate } from '../documents/historical-date.ts';
import { primaryLanguage } from '../shared/languages.ts';
import type { CitationOptions } from './chicago.ts';
import { citationPieces } from './chicago.ts';
import { dateParts, type ExportableDocument, isSpan, oneLine } from './citation-record.ts';

/** Escapes the characters (La)TeX treats specially; everything else stays UTF-8 for Biber. */
export function escapeLatex(value: string): string {
  return oneLine(value).replace(/[\\{}$&%#_^~]/g, (ch) => {
    switch (ch) {
      case '\\':
        return '\\textbackslash{}';
      case '^':
        return '\\textasciicircum{}';
      case '~':
        return '\\textasciitilde{}';
      default:
        return `\\${ch}`;
    }
  });
}

/** BibLaTeX dates in its EDTF subset: `1962-08-09`, `1962-08`, `1962~` (circa), `196X`, `a/b` for spans. */
export function biblatexDate(date: HistoricalDate): string {
  const part = (values: number[]) =>
    values.map((v, i) => (i === 0 ? String(v).padStart(4, '0') : String(v).padStart(2, '0'))).join('-');
  const { start, end } = dateParts(date);
  let text: string;
  if (
    date.precision === 'decade' &&
    (start[0] ?? 0) - ((start[0] ?? 0) % 10) === (end[0] ?? 0) - ((end[0] ?? 0) % 10)
  ) {
    text = `${String(start[0]).slice(0, 3)}X`;
  } else text = isSpan(date) ? `${part(start)}/${part(end)}` : part(start);
  return date.circa ? `${text}~` : text;
}

// Babel/polyglossia names for the languages archives of international history hold most.
const babelNames: Record<string, string> = {
  en: 'english',
  zh: 'chinese',
  ru: 'russian',
  de: 'ngerman',
  fr: 'french',
  es: 'spanish',
  it: 'italian',
  pl: 'polish',
  cs: 'czech',
  hu: 'magyar',
  ro: 'romanian',
  bg: 'bulgarian',
  uk: 'ukrainian',
  ja: 'japanese',
  ko: 'korean',
  vi: 'vietnamese',
  ar: 'arabic',
  fa: 'farsi',
  he: 'hebrew',
  pt: 'portuguese',
  sr: 'serbian',
  hr: 'croatian',
  sq: 'albanian',
  mn: 'mongolian',
};

/**
 * The record as a BibLaTeX entry. An archival document is `@unpublished`; names are braced whole, so a
 * name such as "Huang Zhen" or an agency is never split into given name and surname by guesswork; the
 * title is braced so styles do not change its capitalisation. The holding archive goes to
 * `institution`, its reference with it to `library` (BibLaTeX's field for a library and call number),
 * the online archive and program to `howpublished`.
 */
export function toBiblatex(doc: ExportableDocument, options: CitationOptions): string {
  const p = citationPieces(doc, options);
  const fields: [string, string][] = [];
  const field = (name: string, value: string | null | undefined, braced = false) => {
    if (!value || oneLine(value) === '') return;
    const escaped = escapeLatex(value);
    fields.push([name, braced ? `{${escaped}}` : escaped]);
  };
  const names = (list: string[]) => list.map((n) => `{${escapeLatex(n)}}`).join(' and ');
  if (p.authors.length > 0) fields.push(['author', names(p.authors)]);
  field('title', doc.title, true);
  if (p.translators.length > 0) fields.push(['translator', names(p.translators)]);
  if (doc.date) fields.push(['date', biblatexDate(doc.date)]);
  field('type', p.type);
  field('institution', p.repository);
  field('library', [p.repository, p.reference].filter(Boolean).join(', '));
  field('howpublished', p.publication);
  field('location', doc.placeOfOrigin);
  const language = doc.languages?.[0];
  const babel = language ? babelNames[primaryLanguage(language)] : undefined;
  if (babel) fields.push(['langid', babel]);
  if (language) field('language', language);
  if (options.version) field('version', options.version.date);
  field('abstract', doc.summary);
  if (doc.subjects && doc.subjects.length > 0) field('keywords', doc.subjects.map((s) => s.name).join(', '));
  // A URL is verbatim in BibLaTeX; ours are percent-encoded, so only braces could upset it and none occur.
  fields.push(['url', p.url.replace(/[{}\s]/g, encodeURIComponent)]);
  const accessed = options.accessedOn
    ? (options.accessedOn instanceof Date ? options.accessedOn.toISOString() : options.accessedOn).slice(
        0,
        10,
      )
    : undefined;
  if (accessed && /^\d{4}-\d{2}-\d{2}$/.test(accessed)) fields.push(['urldate', accessed]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n');
  return `@unpublished{chancery${doc.id},\n${body}\n}\n`;
}
