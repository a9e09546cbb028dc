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
import { readTeiDocumentFile } from './tei-document.ts';

const folder = path.join(corpusRoot, 'frus-history-documents', 'documents');

describe('single-document TEI', () => {
  let scratch: Awaited<ReturnType<typeof scratchDir>>;
  beforeAll(async () => {
    scratch = await scratchDir();
  });
  afterAll(() => scratch.remove());

  const write = async (name: string, xml: string) => {
    const file = path.join(scratch.dir, name);
    await fsp.writeFile(file, xml);
    return collect(readTeiDocumentFile(file, name));
  };

  it('reads titles, the created date, the source paragraph and the text of a minimal file', async () => {
    const { records, problems } = await write(
      '1970-01-02-memo.xml',
      `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
        <titleStmt><title type="complete">Memorandum From A to B, January 1970</title><title type="short">A to B</title></titleStmt>
        <publicationStmt><date type="created" when="1970-01-02">January 2, 1970</date></publicationStmt>
        <sourceDesc><p>Scan: <ref target="https://example.org/scan.pdf">PDF</ref></p></sourceDesc></fileDesc></teiHeader>
        <text><body><p><hi rend="italic">Source: National Archives and Records Administration, Record Group 59, Box 3. Secret.</hi></p>
        <div type="document"><head>Memorandum From A to B</head><dateline><placeName>Paris</placeName>, January 2, 1970</dateline>
        <p>Text with [<hi rend="italic">name not declassified</hi>] and a note.<note n="1">The note.</note></p></div></body></text></TEI>`,
    );
    expect(problems).toEqual([]);
    const record = records[0]!.record;
    expect(record).toMatchObject({
      externalId: '1970-01-02-memo',
      title: 'Memorandum From A to B, January 1970',
      subtitle: 'A to B',
      date: { start: '1970-01-02' },
      placeOfOrigin: 'Paris',
      type: 'memorandum',
      repository: 'National Archives and Records Administration',
      archivalReference: 'Record Group 59, Box 3',
      classifications: ['Secret'],
      languages: ['en'],
    });
    const html = record.assets?.[0]?.html ?? '';
    expect(html).toContain('<h2>Memorandum From A to B</h2>');
    expect(html).toContain('[<em>name not declassified</em>]');
    expect(html).toContain('<a href="#fn-n-1" id="fnref-n-1">1</a>');
    expect(html).toContain('<a href="https://example.org/scan.pdf">PDF</a>');
  });

  it('reports a truncated file as an error with its line and yields no record', async () => {
    const { records, problems } = await write(
      'cut.xml',
      '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>\n<fileDesc>\n<titleStmt><title>T',
    );
    expect(records).toEqual([]);
    expect(problems[0]).toMatchObject({ severity: 'error', source: { file: 'cut.xml' } });
    expect(problems[0]!.message).toMatch(/ends too early/);
  });

  it('refuses a file with neither a title nor a heading', async () => {
    const { records, problems } = await write(
      'untitled.xml',
      '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document"><p>x</p></div></body></text></TEI>',
    );
    expect(records).toEqual([]);
    expect(problems[0]!.message).toMatch(/no title/);
  });
});

describe.skipIf(!hasCorpus)('the declassified FRUS-history documents of the corpus', () => {
  const records: FormatRecord[] = [];
  beforeAll(async () => {
    const files = (await fsp.readdir(folder)).filter((name) => name.endsWith('.xml'));
    for (const name of files) {
      const result = await collect(readTeiDocumentFile(path.join(folder, name), name));
      expect(result.problems.filter((item) => item.severity === 'error')).toEqual([]);
      records.push(...result.records);
    }
  });

  it('finds every record the index lists, under the file name as external ID', () => {
    const listed = corpusIndex('frus-history-documents')
      .map((row) => row.record_id)
      .sort();
    expect(listed).toHaveLength(50);
    expect(records.map((item) => item.record.externalId).sort()).toEqual(listed);
  });

  it('produces records that pass the import validation', () => {
    expect(invalidRecords(records)).toEqual([]);
  });

  it('takes the document date from the header, including dates known only to the month', () => {
    const byId = (id: string) => records.find((item) => item.record.externalId === id)!.record;
    expect(byId('1957-03-21-kennan-to-leopold').date).toEqual({ start: '1957-03-21' });
    expect(byId('1981-06-kogan-fgi-study-rp1261').date).toEqual({ start: '1981-06' });
  });

  it('keeps a letter and its replies in one record, each under its own heading', () => {
    const html = records.find((item) => item.record.externalId === '1957-03-21-kennan-to-leopold')!.record
      .assets![0]!.html!;
    expect(html.match(/<h2>/g)).toHaveLength(4);
    expect(html).toContain('Richard W. Leopold to George F. Kennan');
  });

  it('cites the NARA record group as the archival reference and keeps the scan link as a note', () => {
    const record = records.find(
      (item) => item.record.externalId === '1979-08-15-ho-meeting-with-cia',
    )!.record;
    expect(record.repository).toBe('National Archives and Records Administration');
    expect(record.archivalReference).toMatch(/^Record Group 59, Entry UD-08D-4/);
    expect(record.assets?.[0]?.html).toContain(
      'href="https://static.history.state.gov/frus-history/documents/1979-08-15-ho-meeting-with-cia.pdf"',
    );
    expect(record.assets?.[0]?.html).toContain('[<em>name not declassified</em>]');
  });
});
