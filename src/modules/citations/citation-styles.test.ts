import { describe, expect, it } from 'vitest';
import { makeHistoricalDate } from '../documents/historical-date.ts';
import { apaDate } from './apa.ts';
import type { CitableDocument, CitationOptions } from './chicago.ts';
import { builtInCitationStyles, selectCitationStyle } from './citation-styles.ts';
import { mlaDate } from './mla.ts';

const minutes: CitableDocument = {
  id: 121562,
  title: "Minutes of Vice Minister Huang Zhen's Talk with Soviet Chargé d'affaires Mesyatsev",
  date: makeHistoricalDate({ start: '1962-08-09' }),
  program: 'History and Public Policy Program Digital Archive',
  repository: { name: 'PRC Foreign Ministry Archive' },
  archivalReference: 'PRC FMA 118-01767-01, 1-6',
  credits: [{ role: 'translator', name: 'Example Translation Agency' }],
  agents: [{ name: 'Huang Zhen', role: 'participant' }],
  type: 'minutes of conversation',
  languages: ['zh'],
};

const options: CitationOptions = {
  baseUrl: 'https://archive.example.org',
  archiveName: 'Chancery Digital Archive',
  accessedOn: '2026-11-28',
};

const forms = (styleId: string, doc: CitableDocument = minutes, opts = options): Record<string, string> =>
  Object.fromEntries(
    selectCitationStyle(builtInCitationStyles, styleId)
      .format(doc, opts)
      .map((f) => [f.label, f.citation.text]),
  );

describe('built-in citation styles, checked by hand against each manual', () => {
  it('offers Chicago, Chicago author-date, MLA, APA and Turabian, Chicago first', () => {
    expect(builtInCitationStyles.map((s) => s.id)).toEqual([
      'chicago',
      'chicago-author-date',
      'mla',
      'apa',
      'turabian',
    ]);
    expect(selectCitationStyle(builtInCitationStyles, 'nonsense<>').id).toBe('chicago');
    expect(selectCitationStyle(builtInCitationStyles, ' APA ').id).toBe('apa');
  });

  it('writes the Chicago author-date reference with the year after the title when there is no author', () => {
    const { 'Reference list': reference, 'In-text': inText } = forms('chicago-author-date');
    expect(reference!).toBe(
      "“Minutes of Vice Minister Huang Zhen's Talk with Soviet Chargé d'affaires Mesyatsev.” 1962. " +
        'August 9, 1962. History and Public Policy Program Digital Archive, Chancery Digital Archive. ' +
        'PRC Foreign Ministry Archive, PRC FMA 118-01767-01, 1-6. Translated by Example Translation Agency. ' +
        'Accessed November 28, 2026. https://archive.example.org/documents/121562.',
    );
    expect(inText).toBe('(“Minutes of Vice Minister” 1962)');
  });

  it('puts the author and year first in Chicago author-date when the record names an author', () => {
    const doc = { ...minutes, agents: [{ name: 'Zhou Enlai', role: 'author' }] };
    const { 'Reference list': reference, 'In-text': inText } = forms('chicago-author-date', doc);
    expect(reference?.startsWith('Zhou Enlai. 1962. “Minutes of Vice Minister')).toBe(true);
    expect(inText).toBe('(Zhou Enlai 1962)');
  });

  it('writes the MLA 9 entry with the type, day-month-year date, two containers and the access date last', () => {
    expect(forms('mla')['Works cited']).toBe(
      "“Minutes of Vice Minister Huang Zhen's Talk with Soviet Chargé d'affaires Mesyatsev.” " +
        'Minutes of conversation, 9 Aug. 1962. PRC Foreign Ministry Archive, PRC FMA 118-01767-01, 1-6. ' +
        'History and Public Policy Program Digital Archive, translated by Example Translation Agency, ' +
        'Chancery Digital Archive, archive.example.org/documents/121562. Accessed 28 Nov. 2026.',
    );
  });

  it('italicises the online archive in MLA and links the scheme-less URL to the full address', () => {
    const [form] = selectCitationStyle(builtInCitationStyles, 'mla').format(minutes, options);
    expect(form!.citation.html).toContain('<i>Chancery Digital Archive</i>');
    expect(form!.citation.html).toContain(
      '<a href="https://archive.example.org/documents/121562">archive.example.org/documents/121562</a>',
    );
  });

  it('writes the APA 7 reference with the title first when there is no author, and no period after the URL', () => {
    expect(forms('apa').Reference).toBe(
      "Minutes of Vice Minister Huang Zhen's Talk with Soviet Chargé d'affaires Mesyatsev " +
        '[Minutes of conversation] (Example Translation Agency, Trans.). (1962, August 9). ' +
        'PRC Foreign Ministry Archive (PRC FMA 118-01767-01, 1-6). ' +
        'History and Public Policy Program Digital Archive; Chancery Digital Archive. ' +
        'Retrieved November 28, 2026, from https://archive.example.org/documents/121562',
    );
  });

  it('puts the author and then the date first in APA when the record names an author', () => {
    const doc = { ...minutes, agents: [{ name: 'Zhou Enlai', role: 'author' }] };
    expect(forms('apa', doc).Reference!.startsWith('Zhou Enlai. (1962, August 9). Minutes of Vice')).toBe(
      true,
    );
    const [form] = selectCitationStyle(builtInCitationStyles, 'apa').format(doc, options);
    expect(form!.citation.html).toContain('<i>Minutes of Vice Minister Huang Zhen&#39;s Talk');
  });

  it('gives Turabian the Chicago note and bibliography plus a shortened note', () => {
    const turabian = forms('turabian');
    const chicago = forms('chicago');
    expect(turabian.Note).toBe(chicago.Note);
    expect(turabian.Bibliography).toBe(chicago.Bibliography);
    expect(turabian['Short note']).toBe('“Minutes of Vice Minister.”');
  });

  it('keeps title, date, repository, reference, translator, archive, URL and access date in every style', () => {
    for (const style of builtInCitationStyles) {
      const text = style
        .format(minutes, options)
        .map((f) => f.citation.text)
        .join('\n');
      for (const needed of [
        'Minutes of Vice Minister',
        '1962',
        'PRC Foreign Ministry Archive',
        'PRC FMA 118-01767-01, 1-6',
        'Example Translation Agency',
        'Chancery Digital Archive',
        'archive.example.org/documents/121562',
        '2026',
      ]) {
        expect(text, `${style.id} keeps ${needed}`).toContain(needed);
      }
    }
  });

  it('cites a pinned version with its date and address in every style', () => {
    const url = 'https://archive.example.org/documents/121562?view=translation-en&version=2026-11-20';
    const pinned = { ...options, accessedOn: undefined, version: { date: '2026-11-20', url } };
    expect(forms('chicago', minutes, pinned).Note).toMatch(
      /trans\. Example Translation Agency, version of November 20, 2026, https:\/\/archive\.example\.org\/documents\/121562\?view=translation-en&version=2026-11-20\.$/,
    );
    expect(forms('mla', minutes, pinned)['Works cited']).toContain(
      'version of 20 Nov. 2026, archive.example.org/documents/121562?view=translation-en&version=2026-11-20.',
    );
    expect(forms('apa', minutes, pinned).Reference).toContain('Version of November 20, 2026. https://');
    expect(forms('chicago-author-date', minutes, pinned)['Reference list']).toContain(
      'Version of November 20, 2026.',
    );
  });

  it('leaves out what a sparse record lacks without stray punctuation', () => {
    const sparse: CitableDocument = {
      id: 7,
      title: 'Who Crossed the Border?',
      date: null,
      program: null,
      archivalReference: null,
      repository: null,
      credits: [],
      agents: [],
    };
    const plain = { ...options, accessedOn: undefined };
    expect(forms('mla', sparse, plain)['Works cited']).toBe(
      '“Who Crossed the Border?” Chancery Digital Archive, archive.example.org/documents/7.',
    );
    expect(forms('apa', sparse, plain).Reference).toBe(
      'Who Crossed the Border? (n.d.). Chancery Digital Archive. https://archive.example.org/documents/7',
    );
    expect(forms('chicago-author-date', sparse, plain)['Reference list']).toBe(
      '“Who Crossed the Border?” n.d. Chancery Digital Archive. https://archive.example.org/documents/7.',
    );
  });
});

describe('dates in MLA and APA', () => {
  it('writes MLA dates day-month-year with abbreviated months and "circa"', () => {
    expect(mlaDate(makeHistoricalDate({ start: '1962-09-04' }))).toBe('4 Sept. 1962');
    expect(mlaDate(makeHistoricalDate({ start: '1962-06-01', end: '1962-06-03' }))).toBe('1–3 June 1962');
    expect(mlaDate(makeHistoricalDate({ start: '1962-05' }))).toBe('May 1962');
    expect(mlaDate(makeHistoricalDate({ start: '1962', circa: true }))).toBe('circa 1962');
  });

  it('writes APA dates year first', () => {
    expect(apaDate(makeHistoricalDate({ start: '1962-08-09' }))).toBe('1962, August 9');
    expect(apaDate(makeHistoricalDate({ start: '1962-08' }))).toBe('1962, August');
    expect(apaDate(makeHistoricalDate({ start: '1962', circa: true }))).toBe('ca. 1962');
    expect(apaDate(makeHistoricalDate({ start: '1960s' }))).toBe('1960s');
    expect(apaDate(null)).toBe('n.d.');
  });
});
