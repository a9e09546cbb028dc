import { describe, expect, it } from 'vitest';
import { makeHistoricalDate } from '../documents/historical-date.ts';
import { biblatexDate, escapeLatex, toBiblatex } from './biblatex.ts';
import { type ExportableDocument, toCslItem } from './citation-record.ts';
import { risDate, toRis } from './ris.ts';

const options = { baseUrl: 'https://archive.example.org', archiveName: 'Chancery Digital Archive' };

const awkward: ExportableDocument = {
  id: 9,
  title: 'Memo on 50% cuts & the "R_&_D" budget {draft}\nsecond line\u0007',
  date: makeHistoricalDate({ start: '1962-06-01', end: '1962-06-03', circa: true }),
  program: null,
  repository: { name: 'Archiv #1 \\ Fonds $A' },
  archivalReference: 'F. 5, op. 30, d. 1~2',
  credits: [],
  agents: [
    { name: 'Zhou Enlai', role: 'author' },
    { name: 'Research Office of the Ministry', role: 'author' },
  ],
  languages: ['ru'],
  type: 'memorandum',
};

describe('RIS export', () => {
  it('writes dates with their known parts only and "circa" in the free part', () => {
    expect(risDate(makeHistoricalDate({ start: '1962-08-09' }))).toBe('1962/08/09/');
    expect(risDate(makeHistoricalDate({ start: '1962-08' }))).toBe('1962/08//');
    expect(risDate(makeHistoricalDate({ start: '1962', circa: true }))).toBe('1962///circa');
  });

  it('keeps every value on one line and says in a note what the date fields cannot', () => {
    const ris = toRis(awkward, options);
    const lines = ris.split('\r\n');
    expect(lines).toContain('TI  - Memo on 50% cuts & the "R_&_D" budget {draft} second line');
    expect(lines).toContain('AU  - Zhou Enlai');
    expect(lines).toContain('AU  - Research Office of the Ministry');
    expect(lines.some((l) => l.startsWith('N1  - Date: ') && l.includes('1962'))).toBe(true);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is that no control characters reach the file
    expect(ris).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(ris.endsWith('ER  - \r\n')).toBe(true);
  });
});

describe('BibLaTeX export', () => {
  it('escapes the characters TeX treats specially', () => {
    expect(escapeLatex('50% & #1 $x$ a_b {c} ~ ^ \\')).toBe(
      '50\\% \\& \\#1 \\$x\\$ a\\_b \\{c\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
  });

  it('writes EDTF dates: day, month, circa, decade and spans', () => {
    expect(biblatexDate(makeHistoricalDate({ start: '1962-08-09' }))).toBe('1962-08-09');
    expect(biblatexDate(makeHistoricalDate({ start: '1962-08' }))).toBe('1962-08');
    expect(biblatexDate(makeHistoricalDate({ start: '1962', circa: true }))).toBe('1962~');
    expect(biblatexDate(makeHistoricalDate({ start: '1960s' }))).toBe('196X');
    expect(biblatexDate(makeHistoricalDate({ start: '1962-06-01', end: '1962-06-03' }))).toBe(
      '1962-06-01/1962-06-03',
    );
  });

  it('braces whole names and the title, escapes every field, and keeps braces balanced', () => {
    const bib = toBiblatex(awkward, options);
    expect(bib).toContain('  author = {{Zhou Enlai} and {Research Office of the Ministry}},');
    expect(bib).toContain(
      '  title = {{Memo on 50\\% cuts \\& the "R\\_\\&\\_D" budget \\{draft\\} second line}},',
    );
    expect(bib).toContain('  institution = {Archiv \\#1 \\textbackslash{} Fonds \\$A},');
    expect(bib).toContain(
      '  library = {Archiv \\#1 \\textbackslash{} Fonds \\$A, F. 5, op. 30, d. 1\\textasciitilde{}2},',
    );
    expect(bib).toContain('  langid = {russian},');
    const unescaped = bib.replace(/\\[{}]/g, '');
    expect(unescaped.split('{').length).toBe(unescaped.split('}').length);
  });
});

describe('CSL-JSON export', () => {
  it('keeps a span as two dates and marks circa', () => {
    const item = toCslItem(awkward, { ...options, accessedOn: '2026-11-28' });
    expect(item.issued).toEqual({
      'date-parts': [
        [1962, 6, 1],
        [1962, 6, 3],
      ],
      circa: true,
    });
    expect(item.accessed).toEqual({ 'date-parts': [[2026, 11, 28]] });
    expect(item.author).toEqual([{ literal: 'Zhou Enlai' }, { literal: 'Research Office of the Ministry' }]);
    expect(item.title).toBe('Memo on 50% cuts & the "R_&_D" budget {draft} second line');
  });

  it('gives a month-precise date no invented day and a decade its years', () => {
    const month = toCslItem({ ...awkward, date: makeHistoricalDate({ start: '1962-08' }) }, options);
    expect(month.issued).toEqual({ 'date-parts': [[1962, 8]] });
    const decade = toCslItem({ ...awkward, date: makeHistoricalDate({ start: '1960s' }) }, options);
    expect(decade.issued).toEqual({ 'date-parts': [[1960], [1969]] });
  });
});
