import type { HistoricalDate } from '../documents/historical-date.ts';
import { ymd } from './chicago.ts';
import type { CitationPart } from './citation-parts.ts';

/** The year (or span of years) a date belongs to, as author-date styles put it after the author. */
export function citationYear(date: HistoricalDate | null): string | null {
  if (!date) return null;
  const a = ymd(date.start).y;
  const b = ymd(date.end).y;
  if (date.precision === 'decade') {
    const first = a - (a % 10);
    const last = b - (b % 10);
    return first === last ? `${first}s` : `${first}s–${last}s`;
  }
  return a === b ? String(a) : `${a}–${b}`;
}

/**
 * A title cut to at most four words, as short notes and author-date in-text references use it; the cut
 * is made before a colon when there is one, and trailing punctuation goes.
 */
export function shortTitle(title: string): string {
  const main = title.split(/:\s/)[0] ?? title;
  const words = main.trim().split(/\s+/);
  const cut = words.length > 4 ? words.slice(0, 4).join(' ') : words.join(' ');
  return cut.replace(/[,;.]+$/, '');
}

/** Capitalises the first letter of a document type for use as a bracketed description. */
export const asDescription = (type: string) => type.charAt(0).toUpperCase() + type.slice(1);

/**
 * Joins elements into sentences: each element is a run of parts, and between two elements goes the
 * separator unless the previous one already ends with a terminal mark (so "Talk?" is not followed by ".").
 */
export function joinElements(elements: CitationPart[][], separator: string): CitationPart[] {
  const parts: CitationPart[] = [];
  let previous = '';
  for (const element of elements.filter((e) => e.length > 0)) {
    if (previous !== '') {
      parts.push({ text: /[.?!]['’”]?$/.test(previous) && separator.startsWith('.') ? ' ' : separator });
    }
    parts.push(...element);
    previous = element.map((p) => p.text).join('');
  }
  return parts;
}
