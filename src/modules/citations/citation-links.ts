/**
 * The addresses of a record's citation downloads. They are plain GET URLs beside the page
 * (`/documents/1234.ris`), so a reference manager, a script or a reader can fetch and link them.
 */
export const citationFormats = {
  ris: { label: 'RIS', mediaType: 'application/x-research-info-systems', charset: true },
  bib: { label: 'BibTeX', mediaType: 'application/x-bibtex', charset: true },
  json: { label: 'CSL-JSON', mediaType: 'application/vnd.citationstyles.csl+json', charset: false },
} as const;

export type CitationFormat = keyof typeof citationFormats;

export const citationDownloadPath = (documentId: number, format: CitationFormat) =>
  `/documents/${documentId}.${format}`;

export const citationDownloads = (documentId: number) =>
  (Object.keys(citationFormats) as CitationFormat[]).map((format) => ({
    format,
    label: citationFormats[format].label,
    type: citationFormats[format].mediaType,
    href: citationDownloadPath(documentId, format),
  }));
