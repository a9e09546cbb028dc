/**
 * Dates as readers type them in a query or a filter: `1962`, `1962-08`, `1962-08-09`, `1960s`, and
 * ranges `1961..1963`, `1961–1963`, `1961-1963`, `..1963`, `1961..`. A date means every day it can
 * mean, so `1962` is 1962-01-01..1962-12-31 and a range runs from the first day of its start to the
 * last day of its end. Documents match a date filter when their own date span overlaps it.
 */

export type DateSpan = { from: string | null; to: string | null };

/** The years a date may name; the search narrows them to the years the archive holds. */
export type YearBounds = { min: number; max: number };
export const ANY_YEAR: YearBounds = { min: 1000, max: 2100 };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first and last day a single date can mean, or undefined if it is not a date. */
export function parseDatePoint(
  text: string,
  bounds: YearBounds = ANY_YEAR,
): { first: string; last: string } | undefined {
  const decade = /^(\d{3})0s$/.exec(text);
  if (decade) {
    const year = Number(`${decade[1]}0`);
    if (year < ANY_YEAR.min || year > ANY_YEAR.max) return undefined;
    return { first: `${pad(year, 4)}-01-01`, last: `${pad(year + 9, 4)}-12-31` };
  }
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < bounds.min || year > bounds.max) return undefined;
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month!))) return undefined;
  const y = pad(year, 4);
  if (month === undefined) return { first: `${y}-01-01`, last: `${y}-12-31` };
  if (day === undefined)
    return { first: `${y}-${pad(month)}-01`, last: `${y}-${pad(month)}-${pad(daysInMonth(year, month))}` };
  return { first: `${y}-${pad(month)}-${pad(day)}`, last: `${y}-${pad(month)}-${pad(day)}` };
}

const RANGE = /^([^.–—]*)(?:\.\.|–|—)([^.–—]*)$/;
const YEAR_RANGE = /^(\d{4})-(\d{4})$/;

/** A date or a range as a span; undefined if the text is not one. */
export function parseDateSpan(text: string, bounds: YearBounds = ANY_YEAR): DateSpan | undefined {
  const value = text.trim();
  // Only a bare year could as well be a number; months, decades and ranges are dates whatever the years.
  if (!/^\d{4}$/.test(value)) bounds = ANY_YEAR;
  const years = YEAR_RANGE.exec(value);
  const range = years ? [value, years[1]!, years[2]!] : RANGE.exec(value);
  if (!range) {
    const point = parseDatePoint(value, bounds);
    return point ? { from: point.first, to: point.last } : undefined;
  }
  const [, left = '', right = ''] = range;
  if (left === '' && right === '') return undefined;
  const start = left === '' ? null : parseDatePoint(left, bounds);
  const end = right === '' ? null : parseDatePoint(right, bounds);
  if (start === undefined || end === undefined) return undefined;
  let from = start?.first ?? null;
  let to = end?.last ?? null;
  // "1965..1961" means the same years as "1961..1965".
  if (from !== null && to !== null && from > to) {
    from = end!.first;
    to = start!.last;
  }
  return { from, to };
}

/** ISO days compare as strings; these pick the earlier or later of two. */
const earlier = (x: string, y: string) => (x.localeCompare(y) <= 0 ? x : y);
const later = (x: string, y: string) => (x.localeCompare(y) >= 0 ? x : y);

/** The smallest span covering both (a query naming two dates means from the first to the last). */
export function coverSpans(a: DateSpan, b: DateSpan): DateSpan {
  return {
    from: a.from === null || b.from === null ? null : earlier(a.from, b.from),
    to: a.to === null || b.to === null ? null : later(a.to, b.to),
  };
}

/** Where two spans overlap (a query date and the from/to filter both apply); undefined if nowhere. */
export function intersectSpans(a: DateSpan, b: DateSpan): DateSpan | undefined {
  const from = a.from === null ? b.from : b.from === null ? a.from : later(a.from, b.from);
  const to = a.to === null ? b.to : b.to === null ? a.to : earlier(a.to, b.to);
  if (from !== null && to !== null && from > to) return undefined;
  return { from, to };
}

/** A span as people write it: 1962, 1961–1963, from 1961, until 1963, 1962-08-09. */
export function describeSpan(span: DateSpan): string {
  const short = (day: string, end: boolean) => {
    if (day.endsWith(end ? '-12-31' : '-01-01')) return day.slice(0, 4);
    const monthEnd =
      end && Number(day.slice(8)) === daysInMonth(Number(day.slice(0, 4)), Number(day.slice(5, 7)));
    if (day.endsWith('-01') && !end) return day.slice(0, 7);
    if (monthEnd) return day.slice(0, 7);
    return day;
  };
  if (span.from === null && span.to === null) return 'any date';
  if (span.from === span.to) return span.from!;
  if (span.from === null) return `until ${short(span.to!, true)}`;
  if (span.to === null) return `from ${short(span.from, false)}`;
  const from = short(span.from, false);
  const to = short(span.to, true);
  return from === to ? from : `${from}–${to}`;
}
