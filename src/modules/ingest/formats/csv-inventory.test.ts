import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, invalidRecords, scratchDir } from './corpus.test-support.ts';
import { readCsvInventoryFile } from './csv-inventory.ts';

describe('CSV inventories', () => {
  let scratch: Awaited<ReturnType<typeof scratchDir>>;
  beforeAll(async () => {
    scratch = await scratchDir();
  });
  afterAll(() => scratch.remove());
  const read = async (content: string | Buffer, name = 'inventory.csv') => {
    const file = path.join(scratch.dir, name);
    await fsp.writeFile(file, content);
    return collect(readCsvInventoryFile(file, name));
  };

  it('reads one record per row, with quoted cells, several values per cell and synonyms of column names', async () => {
    const { records, problems } = await read(
      [
        'External ID,Title,Date,Language,Classification,Repository,Reference,Authors,To,People,Places,Subjects,Collection,Transcript File,Translation Files,Translator,Scan File',
        'FMA-1,"Record of conversation, with ""quotes""",1962-08-09,zh,Secret,PRC Foreign Ministry Archive,118-01767-01,Huang Zhen,org:Soviet Embassy,"Kennedy, John F.",Xinjiang,Border; Migration,Sino-Soviet Relations,texts/1.zh.html,en:texts/1.en.txt; ru:texts/1.ru.txt,A. Translator,scans/1.pdf',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(invalidRecords(records)).toEqual([]);
    expect(records[0]!.source).toEqual({ file: 'inventory.csv', line: 2 });
    expect(records[0]!.record).toMatchObject({
      externalId: 'FMA-1',
      title: 'Record of conversation, with "quotes"',
      date: '1962-08-09',
      languages: ['zh'],
      classifications: ['Secret'],
      archivalReference: '118-01767-01',
      agents: [
        { name: 'Huang Zhen', kind: 'person', role: 'author' },
        { name: 'Soviet Embassy', kind: 'organization', role: 'recipient' },
        { name: 'Kennedy, John F.', kind: 'person', role: 'mentioned' },
      ],
      places: ['Xinjiang'],
      subjects: ['Border', 'Migration'],
      collections: ['Sino-Soviet Relations'],
      assets: [
        { kind: 'scan', file: 'scans/1.pdf' },
        { kind: 'transcript', file: 'texts/1.zh.html', language: 'zh' },
        { kind: 'translation', file: 'texts/1.en.txt', language: 'en', translator: 'A. Translator' },
        { kind: 'translation', file: 'texts/1.ru.txt', language: 'ru' },
      ],
    });
  });

  it('counts lines of rows whose cells span several lines', async () => {
    const { records } = await read('id,title,summary\nA,One,"first line\nsecond line"\nB,Two,\n');
    expect(records.map((item) => item.source.line)).toEqual([2, 4]);
    expect(records[0]!.record.summary).toBe('first line\nsecond line');
  });

  it('names the line of a quote that is never closed, and keeps the rows before it', async () => {
    const { records, problems } = await read('id,title\nA,Fine\nB,"Broken\nC,Lost\n');
    expect(records.map((item) => item.record.externalId)).toEqual(['A']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', source: { line: 3 } });
    expect(problems[0]!.message).toMatch(/never closed/);
  });

  it('reports text after a closing quote as an error of that row', async () => {
    const { problems } = await read('id,title\nA,"Bad" quote\n');
    expect(problems[0]).toMatchObject({ severity: 'error', source: { line: 2 } });
    expect(problems[0]!.message).toMatch(/after its closing quote/);
  });

  it('refuses a date written with slashes as ambiguous, naming the line, record and field', async () => {
    const { records, problems } = await read('id,title,date\nA,One,00/00/1963\nB,Two,1963\n');
    expect(records.map((item) => item.record.externalId)).toEqual(['B']);
    expect(problems[0]).toMatchObject({ severity: 'error', record: 'A', field: 'date', source: { line: 2 } });
    expect(problems[0]!.message).toMatch(/ambiguous/);
  });

  it('leaves other bad dates to validation, which names the field', async () => {
    const { records } = await read('id,title,date\nA,One,sometime\n');
    expect(invalidRecords(records)[0]).toMatch(/^A: date /);
  });

  it('warns about unknown columns and refuses a sheet without a title column', async () => {
    const warned = await read('id,title,colour\nA,One,red\n');
    expect(warned.problems[0]).toMatchObject({
      severity: 'warning',
      message: 'unknown columns, ignored: colour',
    });
    const refused = await read('id,name\nA,One\n');
    expect(refused.records).toEqual([]);
    expect(refused.problems.find((item) => item.severity === 'error')?.message).toMatch(/no "title" column/);
  });

  it('reads a UTF-8 file with a byte-order mark and refuses one in Latin-1', async () => {
    const bom = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('title\nCafé\n')]));
    expect(bom.records[0]!.record.title).toBe('Café');
    const latin = await read(Buffer.from('title\nCaf\xe9\n', 'latin1'), 'latin.csv');
    expect(latin.records).toEqual([]);
    expect(latin.problems[0]).toMatchObject({ source: { line: 2 } });
  });
});
