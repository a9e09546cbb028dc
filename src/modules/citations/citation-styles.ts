import { type CitableDocument, type CitationOptions, formatChicagoCitation } from './chicago.ts';
import type { FormattedCitation } from './citation-parts.ts';

/**
 * The citation styles the archive offers, in the order readers see them. Each style gives one or more
 * forms (Chicago has a note and a bibliography entry); pages and exports list them from here, so adding
 * a style is one entry.
 */
export type CitationStyle = {
  id: string;
  label: string;
  format: (
    doc: CitableDocument,
    options: CitationOptions,
  ) => { label: string; citation: FormattedCitation }[];
};

export const citationStyles: CitationStyle[] = [
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
];
