import type { HistoricalDate } from '../documents/historical-date.ts';
import { type CitableDocument, type CitationOptions, citationPieces, type Ymd, ymd } from './chicago.ts';
import type { CitationPart, FormattedCitation } from './citation-parts.ts';
import { finishCitation } from './citation-parts.ts';
import { joinElements } from './style-helpers.ts';

// MLA abbreviates months longer than four letters; "Sept." is its form, not "Sep.".
const mlaMonths = [
  'Jan.',
  'Feb.',
  'Mar.',
  'Apr.',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];
const mlaMonth = (m: number) => mlaMonths[m - 1] ?? '';
const mlaDay = (day: Ymd) => `${day.d} ${mlaMonth(day.m)} ${day.y}`;

/** Dates the MLA way: day month year, abbreviated months ("9 Aug. 1962"), "circa" for approximate dates. */
export function mlaDate(date: HistoricalDate): string {
  const a = ymd(date.start);
  const b = ymd(date.end);
  let text: string;
  switch (date.precision) {
    case 'day':
      if (date.start === date.end) text = mlaDay(a);
      else if (a.y === b.y && a.m === b.m) text = `${a.d}–${b.d} ${mlaMonth(a.m)} ${a.y}`;
      else if (a.y === b.y) text = `${a.d} ${mlaMonth(a.m)}–${b.d} ${mlaMonth(b.m)} ${a.y}`;
      else text = `${mlaDay(a)}–${mlaDay(b)}`;
      break;
    case 'month':
      if (a.y === b.y && a.m === b.m) text = `${mlaMonth(a.m)} ${a.y}`;
      else if (a.y === b.y) text = `${mlaMonth(a.m)}–${mlaMonth(b.m)} ${a.y}`;
      else text = `${mlaMonth(a.m)} ${a.y}–${mlaMonth(b.m)} ${b.y}`;
      break;
    case 'year':
      text = a.y === b.y ? String(a.y) : `${a.y}–${b.y}`;
      break;
    case 'decade':
      text = `${a.y - (a.y % 10)}s`;
      break;
  }
  return date.circa ? `circa ${text}` : text;
}

/**
 * An MLA 9 works-cited entry for an archival document published online. The core elements come in MLA's
 * order, with two containers: the original (the repository and its reference) and the online archive
 * that publishes it, its title in italics.
 *
 *   Author. “Title.” Type, 9 Aug. 1962. Repository, Reference. Program, translated by X,
 *     <i>Archive</i>, archive.example.org/documents/1. Accessed 28 Nov. 2026.
 *
 * MLA leaves out the URL scheme and ends with the access date, which it recommends for online works.
 * An undated record simply has no date (MLA has no "n.d.").
 */
export function formatMla(doc: CitableDocument, options: CitationOptions): FormattedCitation {
  const p = citationPieces(doc, options);
  const elements: CitationPart[][] = [];
  if (p.authors.length > 0) {
    const names =
      p.authors.length === 1
        ? p.authors[0]!
        : p.authors.length === 2
          ? `${p.authors[0]} and ${p.authors[1]}`
          : `${p.authors[0]}, et al`;
    elements.push([{ text: names, role: 'author' }]);
  }
  elements.push([{ text: `“${p.title}${/[?!]$/.test(p.title) ? '' : '.'}”`, role: 'title' }]);

  const first: CitationPart[] = [];
  const described = [
    p.type ? p.type.charAt(0).toUpperCase() + p.type.slice(1) : null,
    doc.date ? mlaDate(doc.date) : null,
  ];
  described.forEach((text, index) => {
    if (!text) return;
    if (first.length > 0) first.push({ text: ', ' });
    first.push({ text, role: index === 0 ? 'container' : 'date' });
  });
  elements.push(first);
  if (p.original) elements.push([{ text: p.original, role: 'archive' }]);

  const online: CitationPart[] = [];
  const add = (part: CitationPart) => {
    if (online.length > 0) online.push({ text: ', ' });
    online.push(part);
  };
  if (p.program && p.program.toLowerCase() !== p.archive.toLowerCase())
    add({ text: p.program, role: 'container' });
  if (p.translators.length > 0) {
    const names = p.translators.length > 2 ? `${p.translators[0]} et al.` : p.translators.join(' and ');
    add({ text: `translated by ${names}`, role: 'credit' });
  }
  add({ text: p.archive, role: 'container', italic: true });
  if (p.versionDay) add({ text: `version of ${mlaDay(p.versionDay)}`, role: 'credit' });
  add({ text: p.url.replace(/^https?:\/\//, ''), role: 'url', href: p.url });
  // A leading lower-case "translated by" after the repository would start a sentence; MLA capitalises it.
  if (online[0]?.text.startsWith('translated'))
    online[0] = { ...online[0], text: `T${online[0].text.slice(1)}` };
  elements.push(online);
  if (p.accessedDay) elements.push([{ text: `Accessed ${mlaDay(p.accessedDay)}`, role: 'accessed' }]);
  return finishCitation([...joinElements(elements, '. '), { text: '.' }]);
}
