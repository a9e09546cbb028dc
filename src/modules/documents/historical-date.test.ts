import { describe, expect, it } from 'vitest';
import {
  formatHistoricalDate,
  InvalidDateError,
  isoHistoricalDate,
  makeHistoricalDate,
  parseHistoricalDate,
} from './historical-date.ts';

describe('historical dates', () => {
  it.each([
    ['1962-08-09', 'August 09, 1962', '1962-08-09', '1962-08-09', 'day'],
    ['1962-08', 'August 1962', '1962-08-01', '1962-08-31', 'month'],
    ['1962', '1962', '1962-01-01', '1962-12-31', 'year'],
    ['1960s', '1960s', '1960-01-01', '1969-12-31', 'decade'],
    ['c. 1962', 'c. 1962', '1962-01-01', '1962-12-31', 'year'],
    ['circa 1962-08', 'c. August 1962', '1962-08-01', '1962-08-31', 'month'],
    ['1961/1963', '1961 – 1963', '1961-01-01', '1963-12-31', 'year'],
    ['1961-06..1962-03', 'June 1961 – March 1962', '1961-06-01', '1962-03-31', 'month'],
  ])('reads "%s" as "%s", spanning %s to %s at %s precision', (text, display, start, end, precision) => {
    const date = parseHistoricalDate(text);
    expect(date).toMatchObject({ start, end, precision });
    expect(formatHistoricalDate(date)).toBe(display);
  });

  it('knows how long February is, leap years included', () => {
    expect(parseHistoricalDate('1960-02').end).toBe('1960-02-29');
    expect(parseHistoricalDate('1962-02').end).toBe('1962-02-28');
    expect(() => parseHistoricalDate('1962-02-29')).toThrow(InvalidDateError);
  });

  it('widens a full date that is only known to the year', () => {
    const date = makeHistoricalDate({ start: '1962-08-09', precision: 'year' });
    expect(date).toMatchObject({ start: '1962-01-01', end: '1962-12-31' });
    expect(formatHistoricalDate(date)).toBe('1962');
  });

  it('keeps the time of day and rejects impossible times', () => {
    expect(makeHistoricalDate({ start: '1962-08-09', time: '18:00' }).time).toBe('18:00');
    expect(() => makeHistoricalDate({ start: '1962-08-09', time: '25:00' })).toThrow(InvalidDateError);
  });

  it.each(['00/00/1963', '1962-13', '1962-00-10', 'yesterday', '', '0000', '1963-2-3'])(
    'rejects "%s" with a message saying what forms are accepted',
    (text) => {
      expect(() => parseHistoricalDate(text)).toThrow(/YYYY|not a date/);
    },
  );

  it('rejects a span that ends before it starts', () => {
    expect(() => parseHistoricalDate('1963/1961')).toThrow(/before the start/);
  });

  it('gives machines ISO 8601 forms, with an interval for spans and decades', () => {
    expect(isoHistoricalDate(parseHistoricalDate('1962-08-09'))).toBe('1962-08-09');
    expect(isoHistoricalDate(parseHistoricalDate('1962-08'))).toBe('1962-08');
    expect(isoHistoricalDate(parseHistoricalDate('1960s'))).toBe('1960/1969');
    expect(isoHistoricalDate(parseHistoricalDate('1961/1963'))).toBe('1961/1963');
  });
});
