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
import type { FormatProblem, FormatRecord } from './format.ts';
import { ocrHtml, readJfkFolder } from './jfk.ts';

describe('JFK OCR text', () => {
  it('keeps the machine text page by page, marked as uncorrected OCR, and escapes it', () => {
    const html = ocrHtml('\n--- Page 1 ---\nSECRET <b>\nline two\n\n--- Page 2 ---\nmore', null);
    expect(html).toContain('<p class="editorial">Machine OCR of the released scan, uncorrected.</p>');
    expect(html).toContain('<h3>Page 1</h3>\n<p>SECRET &lt;b&gt;<br>line two</p>');
    expect(html).toContain('<h3>Page 2</h3>\n<p>more</p>');
  });
});

describe('a JFK release folder made by hand', () => {
  let scratch: Awaited<ReturnType<typeof scratchDir>>;
  beforeAll(async () => {
    scratch = await scratchDir();
  });
  afterAll(() => scratch.remove());

  it('joins sheet rows and text files by record number, with no index file', async () => {
    const dir = path.join(scratch.dir, 'release');
    await fsp.mkdir(path.join(dir, 'nara-metadata'), { recursive: true });
    await fsp.mkdir(path.join(dir, 'ocr-text'), { recursive: true });
    await fsp.writeFile(
      path.join(dir, 'nara-metadata', 'sheet.csv'),
      'Record Num,Agency,Doc Date,Doc Type,To Name,From Name,Title,Originator,Record Series,File Num\n' +
        '124-10001-10001,FBI,00/00/1963,PAPER - TEXTUAL DOCUMENT,HOOVER,SAC DALLAS,,FBI,HQ,62-1\n' +
        '124-10001-10002,FBI,13/45/1963,MEMORANDUM,,,A TITLE,FBI,HQ,\n',
    );
    await fsp.writeFile(path.join(dir, 'ocr-text', '124-10001-10001.txt'), '--- Page 1 ---\ntext');
    await fsp.writeFile(path.join(dir, 'ocr-text', '124-10001-10001 (C1).txt'), '--- Page 1 ---\nother');
    await fsp.writeFile(
      path.join(dir, 'ocr-text', '124-10001-10003.txt'),
      Buffer.from([0x66, 0xff, 0xfe, 0x0a]),
    );
    const { records, problems } = await collect(readJfkFolder(dir, 'release'));
    expect(records.map((item) => item.record.externalId)).toEqual([
      '124-10001-10001',
      '124-10001-10002',
      '124-10001-10003',
    ]);
    const first = records[0]!.record;
    expect(first).toMatchObject({
      title: 'Record from SAC DALLAS to HOOVER',
      date: '1963',
      archivalReference:
        'JFK Assassination Records Collection, Record Series HQ, File 62-1, Record Number 124-10001-10001',
    });
    expect(first.assets?.map((asset) => asset.label)).toEqual(['OCR text', 'OCR text (C1)']);
    const warnings = problems.filter((item): item is FormatProblem => item.severity === 'warning');
    expect(warnings.find((item) => item.record === '124-10001-10002')).toMatchObject({ field: 'date' });
    expect(records[1]!.record.date).toBeNull();
    // A text file that is not UTF-8 leaves its record without that text, with a warning.
    expect(records[2]!.record.assets).toEqual([]);
    expect(
      warnings.some((item) => item.record === '124-10001-10003' && /not valid UTF-8/.test(item.message)),
    ).toBe(true);
    expect(invalidRecords(records)).toEqual([]);
  });

  it('says so when a folder holds no JFK records', async () => {
    const dir = path.join(scratch.dir, 'empty');
    await fsp.mkdir(dir);
    const { records, problems } = await collect(readJfkFolder(dir, 'empty'));
    expect(records).toEqual([]);
    expect(problems[0]!.message).toMatch(/no JFK records here/);
  });
});

describe.skipIf(!hasCorpus)('the JFK set of the corpus', () => {
  let records: FormatRecord[] = [];
  let problems: FormatProblem[] = [];
  beforeAll(async () => {
    ({ records, problems } = await collect(readJfkFolder(path.join(corpusRoot, 'jfk'), 'jfk')));
  });
  const byId = (id: string) => records.find((item) => item.record.externalId === id)!.record;

  it('makes one record per record number, covering every text file the index lists', () => {
    expect(problems.filter((item) => item.severity === 'error')).toEqual([]);
    expect(records).toHaveLength(200);
    const numbers = new Set(records.map((item) => item.record.externalId));
    for (const row of corpusIndex('jfk')) expect(numbers.has(row.record_id.slice(0, 15))).toBe(true);
    expect(invalidRecords(records)).toEqual([]);
  });

  it('keeps both OCR texts and both scans of a record number released as two files', () => {
    const record = byId('104-10004-10143');
    expect(record.assets?.filter((asset) => asset.kind === 'transcript').map((asset) => asset.label)).toEqual(
      ['OCR text', 'OCR text (C06932208)'],
    );
    expect(record.assets?.filter((asset) => asset.kind === 'scan').map((asset) => asset.file)).toEqual([
      'pdf/nara-original/104-10004-10143.pdf',
      'pdf/nara-original/104-10004-10143 (C06932208).pdf',
    ]);
    expect(records[0]!.baseDir).toBe(corpusRoot);
    expect(record).toMatchObject({
      date: '1964-06-01',
      repository: 'National Archives and Records Administration',
    });
  });

  it('derives a title for FBI rows whose title is empty, from the sender and addressee', () => {
    const record = byId('124-10163-10134');
    expect(record.title).toBe('Record from DEPUTY DIRECTOR OF PLANS to DIRECTOR, FBI');
    expect(record.agents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'DEPUTY DIRECTOR OF PLANS', role: 'author' }),
        expect.objectContaining({ name: 'DIRECTOR, FBI', role: 'recipient', kind: 'organization' }),
      ]),
    );
  });
});
