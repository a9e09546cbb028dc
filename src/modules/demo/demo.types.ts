import type { AlignedPair } from '../alignment/alignment.model.ts';
import type { DocumentRecordInput } from '../documents/documents.schemas.ts';
import type { DemoText } from './demo-text.ts';

/**
 * How the original of a demo document was captured, for the scan generated when the demo loads:
 * - `text-pdf`: a PDF whose pages carry real text (a born-digital or already OCRed file);
 * - `image-pdf`: a PDF of page images only, askew and grainy like a photocopy, with no text at all;
 * - `image`: the first page as one PNG image, as a reading-room photograph would arrive.
 */
export type DemoScan = {
  form: 'text-pdf' | 'image-pdf' | 'image';
  fileName: string;
  /** Rotation of the sheet on the scanner, in degrees. */
  tiltDegrees?: number;
};

/**
 * One document of the demo archive. `record` is the record format of `chancery import` (without
 * assets); the texts and the scan become its assets when the demo loads.
 */
export type DemoDocument = {
  record: Omit<DocumentRecordInput, 'assets' | 'externalId'> & { externalId: string };
  /** The text in its original language: the transcript of the original. */
  original: DemoText & { transcriber?: string };
  /**
   * Translations, each with who made it; none when the original is in English. `alignment` pairs its
   * paragraphs with the original's for the side-by-side reader (numbered as on the page: the note
   * line, each header line, each turn, each signature line); without it they are paired in order.
   */
  translations?: (DemoText & { translator: string; alignment?: AlignedPair[] })[];
  scan?: DemoScan;
};
