import { formatApa } from './apa.ts';
import {
  type CitableDocument,
  type CitationOptions,
  citationPieces,
  formatChicagoCitation,
} from './chicago.ts';
import { formatChicagoAuthorDate } from './chicago-author-date.ts';
import { type FormattedCitation, finishCitation } from './citation-parts.ts';
import { formatMla } from './mla.ts';
import { shortTitle } from './style-helpers.ts';

/**
 * The citation styles the archive offers, in the order readers see them. Each style gives one or more
 * forms (Chicago has a note and a bibliography entry); pages and exports list them from here, so adding
 * a style is one entry. Styles from CSL files an operator installs are appended at run time.
 */
export type CitationStyle = {
  id: string;
  label: string;
  format: (
    doc: CitableDocument,
    options: CitationOptions,
  ) => { label: string; citation: FormattedCitation }[];
};

/** Turabian's shortened note: author (when there is one) and a title of at most four words. */
function turabianShortNote(doc: CitableDocument, options: CitationOptions): FormattedCitation {
  const p = citationPieces(doc, options);
  const title = shortTitle(p.title);
  const authors = p.authors.length > 3 ? `${p.authors[0]} et al.` : p.authors.join(' and ');
  return finishCitation([
    ...(authors ? [{ text: authors, role: 'author' as const }, { text: ', ' }] : []),
    { text: `“${title}${/[?!]$/.test(title) ? '' : '.'}”`, role: 'title' },
  ]);
}

export const builtInCitationStyles: CitationStyle[] = [
  {
    id: 'chicago',
    label: 'Chicago (notes and bibliography)',
    format: (doc, options) => {
      const { note, bibliography } = formatChicagoCitation(doc, options);
      return [
        { label: 'Note', citation: note },
        { label: 'Bibliography', citation: bibliography },
      ];
    },
  },
  {
    id: 'chicago-author-date',
    label: 'Chicago (author-date)',
    format: (doc, options) => {
      const { reference, inText } = formatChicagoAuthorDate(doc, options);
      return [
        { label: 'In-text', citation: inText },
        { label: 'Reference list', citation: reference },
      ];
    },
  },
  {
    id: 'mla',
    label: 'MLA (9th edition)',
    format: (doc, options) => [{ label: 'Works cited', citation: formatMla(doc, options) }],
  },
  {
    id: 'apa',
    label: 'APA (7th edition)',
    format: (doc, options) => [{ label: 'Reference', citation: formatApa(doc, options) }],
  },
  {
    id: 'turabian',
    label: 'Turabian (notes and bibliography)',
    // Turabian 9 follows Chicago 17 for full notes and bibliography entries; its own addition is the
    // shortened note students are told to use after the first citation.
    format: (doc, options) => {
      const { note, bibliography } = formatChicagoCitation(doc, options);
      return [
        { label: 'Note', citation: note },
        { label: 'Short note', citation: turabianShortNote(doc, options) },
        { label: 'Bibliography', citation: bibliography },
      ];
    },
  },
];

/** Kept for callers that only know the built-in list. */
export const citationStyles = builtInCitationStyles;

/** The style a `?cite=` value names, else the first (Chicago notes-bibliography). */
export function selectCitationStyle(styles: CitationStyle[], requested: string | undefined): CitationStyle {
  const key = requested?.trim().toLowerCase();
  return styles.find((s) => s.id === key) ?? styles[0]!;
}
