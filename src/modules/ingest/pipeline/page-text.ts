/**
 * Page text as the pipeline stores it: plain text plus word boxes in page-relative coordinates, so
 * a viewer can highlight a search hit on any rendition of the page (full image or thumbnail).
 */

/** A word and where it is: left, top, width, height in ten-thousandths of the page size. */
export type WordBox = [x: number, y: number, width: number, height: number, text: string, confidence: number];

export type PageText = {
  text: string;
  words: WordBox[];
  /** Mean word confidence 0–100 for OCR; null for a PDF text layer. */
  confidence: number | null;
};

const unit = 10_000;

export const relativeBox = (
  box: { x0: number; y0: number; x1: number; y1: number },
  width: number,
  height: number,
): [number, number, number, number] => {
  const clamp = (value: number) => Math.min(unit, Math.max(0, Math.round(value)));
  const x0 = clamp((box.x0 / width) * unit);
  const y0 = clamp((box.y0 / height) * unit);
  return [x0, y0, clamp((box.x1 / width) * unit) - x0, clamp((box.y1 / height) * unit) - y0];
};

// Han ideographs, CJK punctuation and full-width forms: Chinese is written without spaces.
const cjk = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
const spaceBetweenCjk = new RegExp(`(?<=[${cjk}])[^\\S\\n]+(?=[${cjk}])`, 'gu');
// Full-width punctuation carries its own spacing: a space beside it is always an OCR artefact.
const fullWidth = '\\u3000-\\u303f\\uff00-\\uffef';
const spaceBesideFullWidth = new RegExp(`(?<=[${fullWidth}])[^\\S\\n]+|[^\\S\\n]+(?=[${fullWidth}])`, 'gu');

/**
 * Tesseract separates every Chinese character with a space ("中 华 人 民"); phrases would then not
 * match a search for 中华人民. Spaces between Latin words, and line breaks, stay.
 */
export function removeSpacesBetweenHan(text: string): string {
  return text.replace(spaceBetweenCjk, '').replace(spaceBesideFullWidth, '');
}

/** Tidies text for storage: Unix line ends, no trailing spaces, at most one blank line in a row. */
export function tidyPageText(text: string): string {
  return removeSpacesBetweenHan(
    text
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters from PDF text layers are junk
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/[^\S\n]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n'),
  ).trim();
}

/** Letters on a page: a text layer with fewer is a scan's stray stamp, not the page's text. */
export const letterCount = (text: string): number => (text.match(/\p{L}/gu) ?? []).length;
