/**
 * Dates as sources write them, turned into the record format's date input. Each function returns
 * undefined for what it cannot read with confidence: a missing date is better than a wrong one.
 */

export type DateInputObject = {
  start: string;
  end?: string;
  circa?: boolean;
  time?: string | null;
};

const monthIndex = new Map<string, number>();
[
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may', 'may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
].forEach((names, index) => {
  for (const name of names) monthIndex.set(name, index + 1);
});

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A TEI `@when` value: `1961-01-21`, `1962-08`, `1962`, or a dateTime `1961-01-21T18:34:00` with an
 * optional zone. The time is kept as written (HH:MM); the zone is dropped, since the reader sees the
 * dateline as the document has it.
 */
export function fromIsoWhen(when: string | undefined): DateInputObject | undefined {
  const value = when?.trim();
  if (!value) return undefined;
  const match =
    /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      value,
    );
  if (!match) return undefined;
  const [, y, m, d, hh, mm] = match;
  const year = Number(y);
  if (m !== undefined && (Number(m) < 1 || Number(m) > 12)) return undefined;
  if (d !== undefined && !validDay(year, Number(m), Number(d))) return undefined;
  const start = [y, m, d].filter((part) => part !== undefined).join('-');
  const time = hh !== undefined && Number(hh) < 24 && Number(mm) < 60 ? `${hh}:${mm}` : null;
  return d !== undefined && time ? { start, time } : { start };
}

/** A TEI range (`@from`/`@to`, or `@notBefore`/`@notAfter`). */
export function fromIsoRange(from: string | undefined, to: string | undefined): DateInputObject | undefined {
  const start = fromIsoWhen(from);
  const end = fromIsoWhen(to);
  if (!start) return undefined;
  if (!end || end.start < start.start) return { start: start.start };
  return { start: start.start, end: end.start };
}

/**
 * English dates in running text: "November 9, 1960", "9 November 1960", "27th August, 1963",
 * "November 1960", "Nov. 9, 1960". Returns the first one found, as `YYYY-MM-DD` or `YYYY-MM`.
 */
export function findEnglishDate(text: string): string | undefined {
  const month =
    '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
  const patterns: [RegExp, (m: RegExpExecArray) => [number, number, number | undefined]][] = [
    [
      new RegExp(`\\b${month}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'),
      (m) => [Number(m[3]), monthIndex.get(m[1]!.toLowerCase())!, Number(m[2])],
    ],
    [
      new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${month},?\\s+(\\d{4})\\b`, 'i'),
      (m) => [Number(m[3]), monthIndex.get(m[2]!.toLowerCase())!, Number(m[1])],
    ],
    [
      new RegExp(`\\b${month},?\\s+(\\d{4})\\b`, 'i'),
      (m) => [Number(m[2]), monthIndex.get(m[1]!.toLowerCase())!, undefined],
    ],
  ];
  let best: { index: number; value: string } | undefined;
  for (const [pattern, parts] of patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, monthNumber, day] = parts(match);
    if (!monthNumber || year < 1000) continue;
    if (day !== undefined && !validDay(year, monthNumber, day)) continue;
    const value =
      day === undefined ? `${year}-${pad(monthNumber)}` : `${year}-${pad(monthNumber)}-${pad(day)}`;
    // The earliest match in the text wins; on a tie the more precise pattern (listed first) does.
    if (!best || match.index < best.index) best = { index: match.index, value };
  }
  return best?.value;
}

export type NaraDate = { date: string | undefined; problem: string | undefined };

/**
 * NARA's spreadsheet dates, `MM/DD/YYYY`, where unknown parts are `00` and `01/01/0000` (or
 * `00/00/0000`) means "no date". `00/00/1963` is the year 1963; `06/00/1964` is June 1964.
 */
export function fromNaraDate(value: string | undefined): NaraDate {
  const text = value?.trim() ?? '';
  if (text === '') return { date: undefined, problem: undefined };
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(text);
  if (!match) return { date: undefined, problem: `"${text}" is not a date in the form MM/DD/YYYY` };
  const month = Number(match[1]);
  const day = Number(match[2]);
  // A few rows write the year with two digits; these records are all of the twentieth century.
  const year = match[3]!.length === 2 ? 1900 + Number(match[3]) : Number(match[3]);
  if (year === 0 || (match[3]!.length === 4 && year < 1000)) return { date: undefined, problem: undefined };
  if (month === 0) return { date: String(year), problem: undefined };
  if (month > 12) return { date: undefined, problem: `"${text}" has no month ${month}` };
  if (day === 0) return { date: `${year}-${pad(month)}`, problem: undefined };
  if (!validDay(year, month, day))
    return { date: undefined, problem: `"${text}" is not a day of the calendar` };
  return { date: `${year}-${pad(month)}-${pad(day)}`, problem: undefined };
}
