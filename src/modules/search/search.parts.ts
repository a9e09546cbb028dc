import type { Authority } from '../authorities/authorities.repository.ts';
import type { StoredDocument } from '../documents/documents.repository.ts';
import { languageName } from '../shared/languages.ts';
import { chunkText, htmlToText } from './search.text.ts';

/**
 * A document is indexed as several parts, each its own row: a hit can then say where it is ("in the
 * English translation"), field prefixes (`title:`, `person:`) pick parts, ranking weighs them, and a
 * long transcript is cut into chunks that stay within PostgreSQL's 16,383 tsvector positions.
 *
 * Part numbers are fixed for the metadata parts and count up from 16 for text chunks. A part's row ID
 * is `document_id * 2^20 + part_no`, so a full-text hit names its document without a join.
 */
export const PART_ID_FACTOR = 2 ** 20;

/**
 * Changes whenever documents would be cut into parts differently (part numbers, chunking, the plain
 * text of HTML, whose offsets snippets rely on). Stored with the index beside ANALYZER_VERSION; a
 * difference asks for `chancery reindex`.
 */
export const INDEX_FORMAT_VERSION = 1;
export const partIdOf = (documentId: number, partNo: number) => documentId * PART_ID_FACTOR + partNo;

export const PART_NO = {
  title: 0,
  summary: 1,
  person: 2,
  organization: 3,
  place: 4,
  subject: 5,
  collection: 6,
  details: 7,
  reference: 8,
  firstText: 16,
} as const;
/** Above this a text is not indexed further (a thousand chunks is some 8 million characters). */
export const MAX_PART_NO = PART_ID_FACTOR - 1;

/**
 * At most this many characters per chunk: each character is at most one term, and a term is stored
 * twice (stem and exact form), which keeps a chunk under PostgreSQL's position limit.
 */
export const CHUNK_LENGTH = 8000;

export type PartKind =
  | 'title'
  | 'summary'
  | 'names'
  | 'details'
  | 'reference'
  | 'transcript'
  | 'translation'
  | 'ocr';

/**
 * Ranking weight of each metadata part (text chunks weigh 1): a hit in the title counts most, then
 * the summary and the archival reference, then names, then the record details, then full text.
 */
export const PART_WEIGHTS: readonly (readonly [partNo: number, weight: number])[] = [
  [PART_NO.title, 10],
  [PART_NO.summary, 4],
  [PART_NO.reference, 4],
  [PART_NO.person, 3],
  [PART_NO.organization, 3],
  [PART_NO.place, 3],
  [PART_NO.subject, 3],
  [PART_NO.collection, 3],
  [PART_NO.details, 2],
];

export type DocumentPart = {
  partNo: number;
  part: PartKind;
  language: string | null;
  assetId: number | null;
  blobSha256: string | null;
  page: number | null;
  textStart: number | null;
  textEnd: number | null;
  /** The original text of this part (the chunk, for text parts). */
  text: string;
  /** Whether the row keeps `text` (short parts assembled from several records). */
  storeText: boolean;
};

/** Text of one page of a scan, as the ingest pipeline derived it (corrections applied). */
export type ScanPageText = { page: number; text: string; source: 'ocr' | 'pdf-text' };

export type PartSources = {
  /** Ancestors of linked places and collections, nearest first, so `place:China` finds Xinjiang. */
  ancestors: ReadonlyMap<number, readonly Authority[]>;
  scanPages: ReadonlyMap<string, readonly ScanPageText[]>;
};

const namesOf = (authority: Authority) => [authority.name, ...authority.variants.map((v) => v.name)];

const joinLines = (lines: (string | null | undefined)[]) =>
  lines.filter((line): line is string => typeof line === 'string' && line.trim() !== '').join('\n');

/** Transcripts imported from machine OCR are labelled so ("OCR text", "Machine OCR"). */
const OCR_LABEL = /\bocr\b/i;

/** Every searchable part of a published document, in part-number order. */
export function buildDocumentParts(document: StoredDocument, sources: PartSources): DocumentPart[] {
  const parts: DocumentPart[] = [];
  const add = (partNo: number, part: PartKind, text: string, extra: Partial<DocumentPart> = {}) => {
    if (text.trim() === '' || partNo > MAX_PART_NO) return;
    parts.push({
      partNo,
      part,
      language: null,
      assetId: null,
      blobSha256: null,
      page: null,
      textStart: null,
      textEnd: null,
      text,
      storeText: partNo > PART_NO.summary && partNo < PART_NO.firstText,
      ...extra,
    });
  };

  add(PART_NO.title, 'title', joinLines([document.title, document.subtitle]));
  add(PART_NO.summary, 'summary', document.summary ?? '');

  const withAncestors = (authorities: Authority[]) =>
    authorities.flatMap((a) => [...namesOf(a), ...(sources.ancestors.get(a.id) ?? []).flatMap(namesOf)]);
  const agents = (kind: 'person' | 'organization') => document.agents.filter((a) => a.kind === kind);
  add(PART_NO.person, 'names', joinLines([...new Set(agents('person').flatMap(namesOf))]));
  add(PART_NO.organization, 'names', joinLines([...new Set(agents('organization').flatMap(namesOf))]));
  add(
    PART_NO.place,
    'names',
    joinLines([...new Set([...withAncestors(document.places), document.placeOfOrigin ?? ''])]),
  );
  add(PART_NO.subject, 'names', joinLines([...new Set(document.subjects.flatMap(namesOf))]));
  add(PART_NO.collection, 'names', joinLines([...new Set(withAncestors(document.collections))]));
  add(
    PART_NO.details,
    'details',
    joinLines([
      document.type,
      ...document.classifications,
      ...(document.repository ? namesOf(document.repository) : []),
      ...document.funders.flatMap(namesOf),
      ...document.credits.map((c) => c.name),
      document.program,
    ]),
  );
  add(PART_NO.reference, 'reference', joinLines([document.archivalReference, document.externalId]));

  let next: number = PART_NO.firstText;
  const addText = (text: string, part: PartKind, extra: Partial<DocumentPart>) => {
    for (const [start, end] of chunkText(text, CHUNK_LENGTH)) {
      add(next++, part, text.slice(start, end), { ...extra, textStart: start, textEnd: end });
    }
  };
  const originalLanguage = document.languages[0] ?? null;
  for (const asset of document.assets) {
    if (asset.kind === 'scan') {
      const language = asset.language ?? originalLanguage;
      if (asset.html) addText(htmlToText(asset.html), 'ocr', { language, assetId: asset.id });
      for (const page of asset.blobSha256 ? (sources.scanPages.get(asset.blobSha256) ?? []) : []) {
        addText(page.text, 'ocr', {
          language,
          assetId: asset.id,
          blobSha256: asset.blobSha256,
          page: page.page,
        });
      }
      continue;
    }
    if (!asset.html) continue;
    const part: PartKind =
      asset.kind === 'translation' ? 'translation' : OCR_LABEL.test(asset.label ?? '') ? 'ocr' : 'transcript';
    const language = asset.language ?? (asset.kind === 'transcript' ? originalLanguage : null);
    addText(htmlToText(asset.html), part, { language, assetId: asset.id });
  }
  return parts;
}

/** How a snippet says where it was found: "in the English translation", "in the title". */
export function partLabel(part: PartKind, language: string | null, page: number | null): string {
  const named = language ? languageName(language) : undefined;
  switch (part) {
    case 'title':
      return 'in the title';
    case 'summary':
      return 'in the summary';
    case 'names':
      return 'in names';
    case 'details':
      return 'in the record details';
    case 'reference':
      return 'in the archival reference';
    case 'transcript':
      return named ? `in the ${named} original` : 'in the original';
    case 'translation':
      return named ? `in the ${named} translation` : 'in the translation';
    case 'ocr':
      return page === null ? 'in the OCR text of the scan' : `in the OCR text of the scan, page ${page}`;
  }
}
