import type { HistoricalDate } from '../../modules/documents/historical-date.ts';

const months = [
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

/** "18:00" as readers of English records write it: "6:00 p.m."; noon and midnight named. */
export function formatTimeOfDay(time: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return time;
  const hours = Number(match[1]);
  const minutes = match[2]!;
  if (hours === 12 && minutes === '00') return 'noon';
  if (hours === 0 && minutes === '00') return 'midnight';
  const suffix = hours < 12 ? 'a.m.' : 'p.m.';
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  return `${twelve}:${minutes} ${suffix}`;
}

/**
 * A valid `datetime` attribute for a historical date (`1962-08-09T18:00`, `1962-08`, `1962`), or
 * undefined for spans and decades, which HTML's time element cannot express.
 */
export function historicalDateTimeAttribute(date: HistoricalDate): string | undefined {
  const sameDay = date.start === date.end;
  switch (date.precision) {
    case 'day':
      if (!sameDay) return undefined;
      return date.time ? `${date.start}T${date.time}` : date.start;
    case 'month':
      return date.start.slice(0, 7) === date.end.slice(0, 7) ? date.start.slice(0, 7) : undefined;
    case 'year':
      return date.start.slice(0, 4) === date.end.slice(0, 4) ? date.start.slice(0, 4) : undefined;
    default:
      return undefined;
  }
}

/** A stored ISO timestamp as a calendar date in the archive's style ("November 28, 2026"), UTC. */
export function formatTimestampDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${months[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2, '0')}, ${date.getUTCFullYear()}`;
}

/** File sizes as people read them: "845 KB", "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whether a name is written (at least partly) outside the Latin script: 黄镇, Месяцев. */
export const isNonLatin = (text: string): boolean =>
  /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(text);

/** Whether any of these language tags is Chinese, so a page loads the Chinese reading font. */
export const hasChinese = (tags: (string | null | undefined)[]): boolean =>
  tags.some((tag) => typeof tag === 'string' && /^zh\b|^(cmn|yue|wuu|lzh)\b/i.test(tag));

export const pluralize = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
