import type { DatePrecision } from '../../database/tables.ts';

/**
 * The date of a historical document. Archives rarely know every date to the day, so a date is a span
 * (`start`..`end`, ISO `YYYY-MM-DD`, both inclusive) with the precision it was known to, an optional
 * "circa", and an optional time of day. Filters and sorting use `start`; readers see `formatHistoricalDate`.
 */
export type HistoricalDate = {
  start: string;
  end: string;
  precision: DatePrecision;
  circa: boolean;
  time: string | null;
};

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

type Partial = { year: number; month?: number; day?: number; decade?: boolean };

/** Parses `1962`, `1962-08`, `1962-08-09` or `1960s` into its parts; undefined if it is none of them. */
function parsePartial(value: string): Partial | undefined {
  const text = value.trim();
  const decade = /^(\d{3})0s$/.exec(text);
  if (decade) return { year: Number(`${decade[1]}0`), decade: true };
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (year < 1) return undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month!))) return undefined;
  return { year, month, day };
}

const precisionOf = (p: Partial): DatePrecision =>
  p.decade ? 'decade' : p.day !== undefined ? 'day' : p.month !== undefined ? 'month' : 'year';

function firstDay(p: Partial): string {
  return `${pad(p.year, 4)}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
}

function lastDay(p: Partial): string {
  if (p.decade) return `${pad(p.year + 9, 4)}-12-31`;
  const month = p.month ?? 12;
  return `${pad(p.year, 4)}-${pad(month)}-${pad(p.day ?? daysInMonth(p.year, month))}`;
}

export type DateInput = {
  start: string;
  end?: string | undefined;
  precision?: DatePrecision | undefined;
  circa?: boolean | undefined;
  time?: string | undefined | null;
};

export class InvalidDateError extends Error {}

/**
 * Builds a date from its parts. `start` (and `end`) may be partial (`1962-08`) and set the precision
 * unless one is given; `end` defaults to the last day `start` can mean.
 */
export function makeHistoricalDate(input: DateInput): HistoricalDate {
  const start = parsePartial(input.start);
  if (!start)
    throw new InvalidDateError(`"${input.start}" is not a date (use YYYY, YYYY-MM, YYYY-MM-DD or 1960s)`);
  const end = input.end === undefined ? start : parsePartial(input.end);
  if (!end)
    throw new InvalidDateError(`"${input.end}" is not a date (use YYYY, YYYY-MM, YYYY-MM-DD or 1960s)`);
  let precision = input.precision ?? precisionOf(start);
  // A stated precision coarser than the parts (a full date said to be known "to the year") widens the span.
  const widened: Partial =
    precision === 'decade'
      ? { year: start.year - (start.year % 10), decade: true }
      : precision === 'year'
        ? { year: start.year }
        : precision === 'month'
          ? { year: start.year, month: start.month ?? 1 }
          : start;
  if (precision === 'day' && start.day === undefined) precision = precisionOf(start);
  const startIso = firstDay(widened);
  const endIso = input.end === undefined ? lastDay(widened) : lastDay(end);
  if (endIso < startIso)
    throw new InvalidDateError(`the end ${input.end} is before the start ${input.start}`);
  const time = input.time ?? null;
  if (time !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
    throw new InvalidDateError(`"${time}" is not a time of day (use HH:MM, 24-hour)`);
  }
  return { start: startIso, end: endIso, precision, circa: input.circa ?? false, time };
}

/**
 * Parses the short written forms importers meet: `1962-08-09`, `1962-08`, `1962`, `1960s`,
 * `c. 1962` / `circa 1962` / `ca. 1962`, and ranges `1961/1963` or `1961..1963`.
 */
export function parseHistoricalDate(text: string): HistoricalDate {
  let value = text.trim();
  let circa = false;
  const circaMatch = /^(?:c\.|ca\.|circa|c)\s*/i.exec(value);
  if (circaMatch) {
    circa = true;
    value = value.slice(circaMatch[0].length);
  }
  const range = /^(.+?)\s*(?:\/|\.\.)\s*(.+)$/.exec(value);
  if (range) {
    const startPart = parsePartial(range[1]!);
    return makeHistoricalDate({
      start: range[1]!,
      end: range[2]!,
      precision: startPart ? precisionOf(startPart) : undefined,
      circa,
    });
  }
  return makeHistoricalDate({ start: value, circa });
}

function formatPoint(iso: string, precision: DatePrecision): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  switch (precision) {
    case 'day':
      return `${monthNames[m - 1]} ${pad(d)}, ${y}`;
    case 'month':
      return `${monthNames[m - 1]} ${y}`;
    case 'year':
      return String(y);
    case 'decade':
      return `${y - (y % 10)}s`;
  }
}

/** The natural end of the period that starts at `start` with this precision. */
function naturalEnd(start: string, precision: DatePrecision): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  if (precision === 'decade') return lastDay({ year: y - (y % 10), decade: true });
  if (precision === 'year') return lastDay({ year: y });
  if (precision === 'month') return lastDay({ year: y, month: m });
  return lastDay({ year: y, month: m, day: d });
}

/**
 * The date as readers see it, in the reference archive's style: "August 09, 1962", "August 1962",
 * "1962", "1960s", "c. 1962"; spans print both ends ("June 1961 – March 1962").
 */
export function formatHistoricalDate(date: HistoricalDate): string {
  const startText = formatPoint(date.start, date.precision);
  const isSpan = date.end !== naturalEnd(date.start, date.precision);
  const text = isSpan ? `${startText} – ${formatPoint(date.end, date.precision)}` : startText;
  return date.circa ? `c. ${text}` : text;
}

/** ISO 8601 form for machines (`1962-08-09`, `1962-08`, `1962`, `1960/1969`). */
export function isoHistoricalDate(date: HistoricalDate): string {
  const cut = (iso: string) =>
    date.precision === 'day' ? iso : date.precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
  const isSpan = date.end !== naturalEnd(date.start, date.precision) || date.precision === 'decade';
  return isSpan ? `${cut(date.start)}/${cut(date.end)}` : cut(date.start);
}
