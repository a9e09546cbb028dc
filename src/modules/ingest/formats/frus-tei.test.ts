import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collect,
  corpusIndex,
  corpusRoot,
  hasCorpus,
  invalidRecords,
  scratchDir,
} from './corpus.test-support.ts';
import type { FormatRecord } from './format.ts';
import { parseSourceNote } from './frus-source-note.ts';
import { documentType, frusLink, readFrusVolumeFile } from './frus-tei.ts';

const volumesDir = path.join(corpusRoot, 'frus', 'volumes');
const readVolume = (id: string) =>
  collect(readFrusVolumeFile(path.join(volumesDir, `${id}.xml`), `${id}.xml`));

describe('FRUS source notes', () => {
  it('separates the holding institution, the reference and the markings, leaving out precedence', () => {
    const note = parseSourceNote(
      'Source: Department of State, Central Files, 711.11-KE/1-2161. Secret; Niact; Eyes Only. Drafted by Smith.',
    );
    expect(note).toMatchObject({
      repository: 'US Department of State',
      archivalReference: 'Central Files, 711.11-KE/1-2161',
      classifications: ['Secret', 'Eyes Only'],
      translation: null,
    });
  });

  it('keeps a published source whole and records no marking when the note says there is none', () => {
    const note = parseSourceNote(
      'Source: American Foreign Policy: Current Documents, 1960, p. 476. No classification marking.',
    );
    expect(note.repository).toBeNull();
    expect(note.archivalReference).toBe('American Foreign Policy: Current Documents, 1960, p. 476');
    expect(note.classifications).toEqual([]);
  });

  it('recognises a text printed from a translation, and whose translation it is', () => {
    const state = parseSourceNote(
      'Source: Department of State, Presidential Correspondence: Lot 66 D 204. No classification marking. The source text is a Department of State translation.',
    );
    expect(state.translation).toMatchObject({ translator: 'US Department of State' });
    const soviet = parseSourceNote(
      'Source: Kennedy Library, Khrushchev Correspondence. Secret. The source text is a Soviet translation.',
    );
    expect(soviet.translation).toMatchObject({ translator: 'Soviet Government', originalLanguage: 'ru' });
    expect(soviet.repository).toBe('John F. Kennedy Presidential Library');
  });

  it('does not take a mention of some other translation for the text being one', () => {
    const note = parseSourceNote(
      'Source: Department of State, Central Files. Secret. A slightly different translation is printed in the Bulletin.',
    );
    expect(note.translation).toBeNull();
  });
});

describe('FRUS titles and links', () => {
  it('guesses the kind of document from how the title begins', () => {
    expect(documentType('Telegram From the Department of State to the Embassy in the Soviet Union')).toBe(
      'telegram',
    );
    expect(documentType('Memorandum for the Record')).toBe('memorandum for the record');
    expect(documentType('Letter From Chairman Khrushchev to President Kennedy')).toBe('letter');
    expect(documentType('Briefing Paper')).toBeNull();
  });

  it('turns cross-references into public addresses and names documents of the same volume', () => {
    const volume = { id: 'frus1961-63v06', documentIds: new Set(['d1', 'd3']) };
    expect(frusLink('#d3', volume)).toEqual({
      href: 'https://history.state.gov/historicaldocuments/frus1961-63v06/d3',
      document: 'frus1961-63v06/d3',
    });
    expect(frusLink('#d1fn2', volume)?.document).toBe('frus1961-63v06/d1');
    expect(frusLink('frus1952-54v04#d3', volume)).toEqual({
      href: 'https://history.state.gov/historicaldocuments/frus1952-54v04/d3',
    });
    expect(frusLink('javascript:alert(1)', volume)).toBeUndefined();
  });
});

describe.skipIf(!hasCorpus)('FRUS volumes of the corpus', () => {
  let kennedy: FormatRecord[] = [];
  let guatemala: FormatRecord[] = [];
  beforeAll(async () => {
    const a = await readVolume('frus1961-63v06');
    const b = await readVolume('frus1952-54Guat');
    expect([...a.problems, ...b.problems]).toEqual([]);
    kennedy = a.records;
    guatemala = b.records;
  });
  const byId = (id: string) =>
    [...kennedy, ...guatemala].find((item) => item.record.externalId === id)!.record;

  it('finds every document the records index lists, and nothing else', () => {
    const listed = corpusIndex('frus')
      .map((row) => row.record_id)
      .sort();
    const found = [...kennedy, ...guatemala].map((item) => item.record.externalId).sort();
    expect(listed).toHaveLength(407);
    expect(found).toEqual(listed);
  });

  it('produces records that pass the import validation', () => {
    expect(invalidRecords([...kennedy, ...guatemala])).toEqual([]);
  });

  it('reads the heading, dateline and source note of a telegram into their fields', () => {
    const record = byId('frus1961-63v06/d4');
    expect(record).toMatchObject({
      title: 'Telegram From the Department of State to the Embassy in the Soviet Union',
      date: { start: '1961-01-21', time: '18:34' },
      placeOfOrigin: 'Washington',
      type: 'telegram',
      classifications: ['Unclassified'],
      repository: 'US Department of State',
      archivalReference: 'Central Files, 711.11-KE/1-2161',
      related: [{ externalId: 'frus1961-63v06/d3' }],
    });
    expect(record.agents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Department of State', kind: 'organization', role: 'author' }),
        expect.objectContaining({ name: 'Embassy in the Soviet Union', role: 'recipient' }),
        expect.objectContaining({ name: 'Rusk, Dean', role: 'mentioned', variants: ['Dean Rusk'] }),
      ]),
    );
    expect(record.collections?.[0]).toMatchObject({
      name: 'Foreign Relations of the United States, 1961–1963, Volume VI, Kennedy-Khrushchev Exchanges',
      parent: 'Foreign Relations of the United States',
    });
  });

  it('keeps footnotes as numbered marks linked both ways to a notes section that starts with the source note', () => {
    const html = byId('frus1961-63v06/d4').assets?.[0]?.html ?? '';
    expect(html).toContain('<a href="#fn-d4-1" id="fnref-d4-1">1</a>');
    expect(html).toMatch(
      /<p class="footnote" id="fn-d4-1">.*href="https:\/\/history\.state\.gov\/historicaldocuments\/frus1961-63v06\/d3">Document 3<\/a>/,
    );
    expect(html).toMatch(
      /<section class="footnotes">\n<p class="note">Source: Department of State, Central Files/,
    );
    expect(html).not.toContain('<pb');
  });

  it('marks persons of the heading as author and recipient with their description from the list of names', () => {
    const record = byId('frus1961-63v06/d1');
    expect(record.agents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Khrushchev, Nikita S.', role: 'author' }),
        expect.objectContaining({ name: 'Kennedy, John F.', role: 'recipient' }),
      ]),
    );
    expect(record.agents?.find((agent) => agent.role === 'author')?.note).toMatch(/Chairman/);
  });

  it('stores a Khrushchev letter printed from a translation as an English translation of a Russian original', () => {
    const translated = kennedy.filter((item) => item.record.assets?.[0]?.kind === 'translation');
    expect(translated.length).toBeGreaterThan(10);
    expect(translated.some((item) => item.record.languages?.includes('ru'))).toBe(true);
  });

  it('leaves undated documents and editorial notes without a date rather than guessing one', () => {
    const undated = [...kennedy, ...guatemala].filter((item) => !item.record.date);
    expect(undated.length).toBe(24);
    expect(byId('frus1952-54Guat/d1')).toMatchObject({
      title: 'Editorial Note',
      type: 'editorial note',
      date: null,
    });
  });

  it('keeps redaction markers verbatim and records CIA markings and cryptonyms', () => {
    const record = byId('frus1952-54Guat/d1');
    expect(record.assets?.[0]?.html).toContain('[less than 1 line of source text not declassified]');
    const cable = guatemala.find((item) => item.record.classifications?.includes('RYBAT'))!.record;
    expect(cable.repository).toBe('Central Intelligence Agency');
    expect(cable.classifications?.[0]).toMatch(/Secret/);
  });
});

describe.skipIf(!hasCorpus)('broken FRUS files', () => {
  let scratch: Awaited<ReturnType<typeof scratchDir>>;
  beforeAll(async () => {
    scratch = await scratchDir();
  });
  afterAll(() => scratch.remove());

  it('reports a truncated volume as one error naming the line, and produces no record', async () => {
    const text = await fsp.readFile(path.join(volumesDir, 'frus1961-63v06.xml'), 'utf8');
    const file = path.join(scratch.dir, 'truncated.xml');
    await fsp.writeFile(file, text.slice(0, Math.floor(text.length / 2)));
    const { records, problems } = await collect(readFrusVolumeFile(file, 'truncated.xml'));
    expect(records).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', source: { file: 'truncated.xml' } });
    expect(problems[0]!.message).toMatch(/ends too early|not well-formed/);
    expect(problems[0]!.message).not.toMatch(/\d+:\d+:/);
    expect(problems[0]!.source.line).toBeGreaterThan(1000);
  });

  it('names a PDF renamed .xml for what it is', async () => {
    const pdf = (await fsp.readdir(path.join(corpusRoot, 'pdf', 'nara-original')))[0]!;
    const file = path.join(scratch.dir, 'volume.xml');
    await fsp.copyFile(path.join(corpusRoot, 'pdf', 'nara-original', pdf), file);
    const { records, problems } = await collect(readFrusVolumeFile(file, 'volume.xml'));
    expect(records).toEqual([]);
    expect(problems[0]!.message).toBe('this is a PDF, not a TEI XML file');
  });

  it('refuses text that is not UTF-8 and says on which line it breaks', async () => {
    const file = path.join(scratch.dir, 'latin.xml');
    await fsp.writeFile(
      file,
      Buffer.concat([
        Buffer.from('<?xml version="1.0"?>\n<TEI>\n<text>'),
        Buffer.from([0xe9, 0x74, 0xe9]),
        Buffer.from('</text></TEI>'),
      ]),
    );
    const { problems } = await collect(readFrusVolumeFile(file, 'latin.xml'));
    expect(problems[0]).toMatchObject({ source: { line: 3 } });
    expect(problems[0]!.message).toMatch(/not valid UTF-8/);
  });

  it('reads a file that declares its Latin-1 encoding', async () => {
    const file = path.join(scratch.dir, 'declared.xml');
    const xml =
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>' +
      '<div type="document" xml:id="d1" n="1"><head>1. Note From the Caf\u00e9</head><p>Text.</p></div></body></text></TEI>';
    await fsp.writeFile(file, Buffer.from(xml, 'latin1'));
    const { records, problems } = await collect(readFrusVolumeFile(file, 'declared.xml'));
    expect(problems).toEqual([]);
    expect(records[0]!.record).toMatchObject({ externalId: 'declared/d1', title: 'Note From the Café' });
  });

  it('says so when a well-formed XML file is not a FRUS volume', async () => {
    const file = path.join(scratch.dir, 'other.xml');
    await fsp.writeFile(file, '<?xml version="1.0"?><catalog><book/></catalog>');
    const { problems } = await collect(readFrusVolumeFile(file, 'other.xml'));
    expect(problems[0]!.message).toMatch(/<catalog>, not a TEI document/);
  });
});
