import { describe, expect, it } from 'vitest';
import { findEnglishDate, fromIsoRange, fromIsoWhen, fromNaraDate } from './source-dates.ts';

describe('dates as sources write them', () => {
  it('reads TEI @when values to the precision they have, keeping the time of day', () => {
    expect(fromIsoWhen('1961-01-21T18:34:00')).toEqual({ start: '1961-01-21', time: '18:34' });
    expect(fromIsoWhen('1954-06-18T14:00:00Z')).toEqual({ start: '1954-06-18', time: '14:00' });
    expect(fromIsoWhen('1962-08')).toEqual({ start: '1962-08' });
    expect(fromIsoWhen('1962')).toEqual({ start: '1962' });
    expect(fromIsoWhen('1962-02-30')).toBeUndefined();
    expect(fromIsoWhen('undated')).toBeUndefined();
  });

  it('reads a TEI range and ignores an end before its start', () => {
    expect(fromIsoRange('1954-06-01', '1954-06-30')).toEqual({ start: '1954-06-01', end: '1954-06-30' });
    expect(fromIsoRange('1954-06-30', '1954-06-01')).toEqual({ start: '1954-06-30' });
  });

  it('finds English dates in datelines, in either order', () => {
    expect(findEnglishDate('Canberra, 27 August 1963')).toBe('1963-08-27');
    expect(findEnglishDate('Moscow, November 9, 1960.')).toBe('1960-11-09');
    expect(findEnglishDate('London, 4th Nov. 1964')).toBe('1964-11-04');
    expect(findEnglishDate('March 1959')).toBe('1959-03');
    expect(findEnglishDate('Canberra, undated')).toBeUndefined();
    expect(findEnglishDate('February 30, 1961')).toBeUndefined();
  });

  it('reads NARA spreadsheet dates with unknown parts written as 00, and 01/01/0000 as no date', () => {
    expect(fromNaraDate('06/01/1964')).toEqual({ date: '1964-06-01', problem: undefined });
    expect(fromNaraDate('00/00/1963')).toEqual({ date: '1963', problem: undefined });
    expect(fromNaraDate('12/00/1963')).toEqual({ date: '1963-12', problem: undefined });
    expect(fromNaraDate('12/00/63')).toEqual({ date: '1963-12', problem: undefined });
    expect(fromNaraDate('01/01/0000')).toEqual({ date: undefined, problem: undefined });
    expect(fromNaraDate('00/00/0000')).toEqual({ date: undefined, problem: undefined });
    expect(fromNaraDate('13/01/1963').problem).toMatch(/no month 13/);
    expect(fromNaraDate('02/30/1963').problem).toMatch(/not a day/);
    expect(fromNaraDate('1963-01-02').problem).toMatch(/MM\/DD\/YYYY/);
  });
});
