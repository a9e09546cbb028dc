import { describe, expect, it } from 'vitest';
import { makeHistoricalDate } from '../documents/historical-date.ts';
import { type CitableDocument, chicagoDate, formatChicagoCitation, joinNames } from './chicago.ts';

const huangZhenMinutes: CitableDocument = {
  id: 121562,
  title:
    "Minutes of Vice Minister Huang Zhen's Talk with [Nikolai] Mesyatsev, Chargé d'affaires Ad Interim of the Soviet Embassy in Beijing",
  date: makeHistoricalDate({ start: '1962-08-09', time: '18:00' }),
  program: 'History and Public Policy Program Digital Archive',
  repository: { name: 'PRC Foreign Ministry Archive' },
  archivalReference: 'PRC FMA 118-01767-01, 1-6',
  credits: [{ role: 'translator', name: 'Example Translation Agency' }],
  agents: [
    { name: 'Huang Zhen', role: 'participant' },
    { name: 'Nikolai Mesyatsev', role: 'participant' },
  ],
  assets: [{ kind: 'translation', translator: 'Example Translation Agency' }],
};

const options = { baseUrl: 'https://archive.example.org/', archiveName: 'Chancery Digital Archive' };

describe('Chicago notes-bibliography citations', () => {
  it('formats the note for an archival document in translation as hand-checked against the manual', () => {
    const { note } = formatChicagoCitation(huangZhenMinutes, options);
    expect(note.text).toBe(
      "“Minutes of Vice Minister Huang Zhen's Talk with [Nikolai] Mesyatsev, Chargé d'affaires Ad Interim of the Soviet Embassy in Beijing,” " +
        'August 9, 1962, History and Public Policy Program Digital Archive, Chancery Digital Archive, ' +
        'PRC Foreign Ministry Archive, PRC FMA 118-01767-01, 1-6, trans. Example Translation Agency, ' +
        'https://archive.example.org/documents/121562.',
    );
  });

  it('formats the bibliography entry with periods between elements and "Translated by"', () => {
    const { bibliography } = formatChicagoCitation(huangZhenMinutes, options);
    expect(bibliography.text).toBe(
      "“Minutes of Vice Minister Huang Zhen's Talk with [Nikolai] Mesyatsev, Chargé d'affaires Ad Interim of the Soviet Embassy in Beijing.” " +
        'August 9, 1962. History and Public Policy Program Digital Archive, Chancery Digital Archive. ' +
        'PRC Foreign Ministry Archive, PRC FMA 118-01767-01, 1-6. Translated by Example Translation Agency. ' +
        'https://archive.example.org/documents/121562.',
    );
  });

  it('puts the access date just before the URL when one is given', () => {
    const { note, bibliography } = formatChicagoCitation(huangZhenMinutes, {
      ...options,
      accessedOn: '2026-11-28',
    });
    expect(note.text).toMatch(
      /trans\. Example Translation Agency, accessed November 28, 2026, https:\/\/archive\.example\.org\/documents\/121562\.$/,
    );
    expect(bibliography.text).toMatch(
      /Accessed November 28, 2026\. https:\/\/archive\.example\.org\/documents\/121562\.$/,
    );
  });

  it('starts with the authors when the record names them', () => {
    const { note, bibliography } = formatChicagoCitation(
      { ...huangZhenMinutes, agents: [{ name: 'Zhou Enlai', role: 'author' }] },
      options,
    );
    expect(note.text.startsWith('Zhou Enlai, “Minutes')).toBe(true);
    expect(bibliography.text.startsWith('Zhou Enlai. “Minutes')).toBe(true);
  });

  it('leaves out what the record lacks without stray punctuation', () => {
    const { note, bibliography } = formatChicagoCitation(
      {
        id: 7,
        title: 'Cable "Urgent" to Moscow',
        date: null,
        program: null,
        archivalReference: null,
        repository: null,
        credits: [],
        agents: [],
      },
      options,
    );
    expect(note.text).toBe(
      '“Cable ‘Urgent’ to Moscow,” n.d., Chancery Digital Archive, https://archive.example.org/documents/7.',
    );
    expect(bibliography.text).toBe(
      '“Cable ‘Urgent’ to Moscow.” n.d. Chancery Digital Archive. https://archive.example.org/documents/7.',
    );
  });

  it('lets a title ending in a question mark keep it instead of a comma', () => {
    const { note } = formatChicagoCitation(
      { ...huangZhenMinutes, title: 'Who Crossed the Border?' },
      options,
    );
    expect(note.text.startsWith('“Who Crossed the Border?” August 9, 1962')).toBe(true);
  });

  it('escapes every part in the HTML form and links the URL', () => {
    const { note } = formatChicagoCitation(
      { ...huangZhenMinutes, title: '<script>alert(1)</script> & more' },
      options,
    );
    expect(note.html).not.toContain('<script>');
    expect(note.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(note.html).toContain('<a href="https://archive.example.org/documents/121562">');
    expect(note.parts.map((p) => p.text).join('')).toBe(note.text);
  });
});

describe('Chicago dates', () => {
  it('writes approximate dates and spans the way the manual does', () => {
    expect(chicagoDate(makeHistoricalDate({ start: '1962-08' }))).toBe('August 1962');
    expect(chicagoDate(makeHistoricalDate({ start: '1962', circa: true }))).toBe('ca. 1962');
    expect(chicagoDate(makeHistoricalDate({ start: '1960s' }))).toBe('1960s');
    expect(chicagoDate(makeHistoricalDate({ start: '1962-06-01', end: '1962-06-03' }))).toBe(
      'June 1–3, 1962',
    );
    expect(chicagoDate(makeHistoricalDate({ start: '1962-06', end: '1962-08' }))).toBe('June–August 1962');
    expect(chicagoDate(makeHistoricalDate({ start: '1961-06', end: '1962-03' }))).toBe(
      'June 1961–March 1962',
    );
  });

  it('joins three or more names with a serial comma', () => {
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B, and C');
    expect(joinNames(['A', 'B'])).toBe('A and B');
  });
});
