import {
  type CitableDocument,
  type CitationOptions,
  chicagoDate,
  citationPieces,
  endsWithOwnMark,
  joinNames,
  monthName,
} from './chicago.ts';
import type { CitationPart, FormattedCitation } from './citation-parts.ts';
import { finishCitation } from './citation-parts.ts';
import { citationYear, joinElements, shortTitle } from './style-helpers.ts';

/**
 * Chicago author-date: the reference-list entry and the parenthetical in-text reference. The year follows
 * the author (or, with no author, the title, which then leads); the full date of the document stays in
 * the entry, because for an archival record the day matters. Names are kept as the record gives them:
 * the archive holds names of many cultures ("Huang Zhen" is already surname first), so they are never
 * inverted by guesswork.
 */
export function formatChicagoAuthorDate(
  doc: CitableDocument,
  options: CitationOptions,
): { reference: FormattedCitation; inText: FormattedCitation } {
  const p = citationPieces(doc, options);
  const year = citationYear(doc.date) ?? 'n.d.';
  const quotedTitle: CitationPart = {
    text: `“${p.title}${endsWithOwnMark(p.title) ? '' : '.'}”`,
    role: 'title',
  };
  const elements: CitationPart[][] = [];
  if (p.authors.length > 0) {
    const names = p.authors.length > 10 ? `${p.authors.slice(0, 7).join(', ')}, et al` : joinNames(p.authors);
    elements.push([{ text: names, role: 'author' }], [{ text: year, role: 'date' }], [quotedTitle]);
  } else {
    elements.push([quotedTitle], [{ text: year, role: 'date' }]);
  }
  // The full date repeats the year only when it says more than the year does.
  const fullDate = chicagoDate(doc.date);
  if (doc.date && fullDate !== year) elements.push([{ text: fullDate, role: 'date' }]);
  if (p.publication) elements.push([{ text: p.publication, role: 'container' }]);
  if (p.original) elements.push([{ text: p.original, role: 'archive' }]);
  if (p.translators.length > 0) {
    elements.push([{ text: `Translated by ${joinNames(p.translators)}`, role: 'credit' }]);
  }
  if (p.versionDay) {
    const v = p.versionDay;
    elements.push([{ text: `Version of ${monthName(v.m)} ${v.d}, ${v.y}`, role: 'credit' }]);
  }
  if (p.accessed) elements.push([{ text: `Accessed ${p.accessed}`, role: 'accessed' }]);
  elements.push([{ text: p.url, role: 'url' }]);
  const reference = finishCitation([...joinElements(elements, '. '), { text: '.' }]);

  const who =
    p.authors.length === 0
      ? `“${shortTitle(p.title)}”`
      : p.authors.length > 3
        ? `${p.authors[0]} et al.`
        : joinNames(p.authors);
  const inText = finishCitation([{ text: `(${who} ${year})` }]);
  return { reference, inText };
}
