import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportFileError } from './import-export.errors.ts';
import { openImportSource, type SourceItem } from './import-export.readers.ts';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-readers-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  return file;
}

async function readAll(
  file: string,
  options: Parameters<typeof openImportSource>[1] = {},
): Promise<SourceItem[]> {
  const source = await openImportSource(file, options);
  const items: SourceItem[] = [];
  for await (const item of source.items()) items.push(item);
  return items;
}

async function fileError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return (error as Error).message;
}

describe('reading JSON Lines', () => {
  it('reads one record per line, with line numbers, skipping blank lines, a BOM and CRLF endings', async () => {
    const file = write('a.jsonl', '\ufeff{"title":"One"}\r\n\r\n   \n{"title":"Two"}\n{"title":"Three"}');
    expect(await readAll(file)).toEqual([
      { location: 'line 1', value: { title: 'One' } },
      { location: 'line 4', value: { title: 'Two' } },
      { location: 'line 5', value: { title: 'Three' } },
    ]);
  });

  it('reports a malformed line with its column and goes on with the next', async () => {
    const file = write('b.jsonl', '{"title":"One"}\n{"title": "Two",}\n{"title":"Three"}\n');
    const items = await readAll(file);
    expect(items[0]).toEqual({ location: 'line 1', value: { title: 'One' } });
    expect(items[1]).toMatchObject({ location: 'line 2' });
    expect((items[1] as { error: string }).error).toMatch(/^not valid JSON: .*column 17/);
    expect(items[2]).toEqual({ location: 'line 3', value: { title: 'Three' } });
  });

  it('says so when a pretty-printed JSON file was named .jsonl', async () => {
    const file = write('pretty.jsonl', '[\n  {"title": "One"}\n]\n');
    const items = await readAll(file);
    expect((items[0] as { error: string }).error).toContain('name the file .json');
  });

  it('reports a line that is not UTF-8 and still reads the others', async () => {
    const file = write(
      'latin1.jsonl',
      Buffer.concat([Buffer.from('{"title":"Caf'), Buffer.from([0xe9]), Buffer.from('"}\n{"title":"Ok"}\n')]),
    );
    const items = await readAll(file);
    expect(items[0]).toEqual({ location: 'line 1', error: expect.stringContaining('not valid UTF-8') });
    expect(items[1]).toEqual({ location: 'line 2', value: { title: 'Ok' } });
  });

  it('skips a line longer than the limit without holding it, and reads on', async () => {
    const long = `{"title":"${'x'.repeat(5000)}"}`;
    const file = write('long.jsonl', `{"title":"Before"}\n${long}\n{"title":"After"}\n`);
    const items = await readAll(file, { limits: { maxLineBytes: 1000 } });
    expect(items).toEqual([
      { location: 'line 1', value: { title: 'Before' } },
      { location: 'line 2', error: expect.stringContaining('longer than 1000 bytes') },
      { location: 'line 3', value: { title: 'After' } },
    ]);
  });

  it('joins lines that span many read chunks', async () => {
    const titles = Array.from({ length: 2000 }, (_, i) => `Record ${i} ${'é'.repeat(200)}`);
    const file = write('many.jsonl', titles.map((title) => JSON.stringify({ title })).join('\n'));
    const items = await readAll(file);
    expect(items).toHaveLength(2000);
    expect(items.map((item) => (item as { value: { title: string } }).value.title)).toEqual(titles);
  });

  it('counts the bytes it has read, for progress', async () => {
    const file = write('progress.jsonl', '{"title":"One"}\n{"title":"Two"}\n');
    const source = await openImportSource(file);
    for await (const _ of source.items()) {
      // read to the end
    }
    expect(source.bytesRead()).toBe(source.byteSize);
  });
});

describe('reading a JSON file', () => {
  it('reads an array, naming records by their index', async () => {
    const file = write('list.json', '[{"title":"One"},{"type":"authority","kind":"person","name":"A"}]');
    expect(await readAll(file)).toEqual([
      { location: '[0]', value: { title: 'One' } },
      { location: '[1]', value: { type: 'authority', kind: 'person', name: 'A' } },
    ]);
  });

  it('reads authorities and documents lists, authorities first, with their type implied', async () => {
    const file = write(
      'both.json',
      '{"documents":[{"title":"One"}],"authorities":[{"kind":"place","name":"Beijing"}]}',
    );
    expect(await readAll(file)).toEqual([
      { location: 'authorities[0]', value: { type: 'authority', kind: 'place', name: 'Beijing' } },
      { location: 'documents[0]', value: { title: 'One' } },
    ]);
  });

  it('reads a single record', async () => {
    expect(await readAll(write('one.json', '{"title":"Alone"}'))).toEqual([
      { location: 'the record', value: { title: 'Alone' } },
    ]);
  });

  it('reports malformed JSON with a line and column', async () => {
    const file = write('bad.json', '[\n  {"title": "One"},\n  {"title" "Two"}\n]');
    expect(await fileError(readAll(file))).toMatch(/bad\.json is not valid JSON: .*line 3, column 12/);
  });

  it('recognises JSON Lines given as .json', async () => {
    const file = write('lines.json', '{"title":"One"}\n{"title":"Two"}\n');
    expect(await fileError(readAll(file))).toContain('name the file .jsonl');
  });

  it('refuses a top level that is neither a list nor records', async () => {
    expect(await fileError(readAll(write('number.json', '42')))).toContain('must hold an array of records');
    expect(await fileError(readAll(write('typo.json', '{"documents":[],"authoritys":[]}')))).toContain(
      '"authoritys"',
    );
    expect(await fileError(readAll(write('notlist.json', '{"documents":{}}')))).toContain(
      '"documents" must be an array',
    );
  });

  it('names the line of the first byte that is not UTF-8', async () => {
    const file = write(
      'latin1.json',
      Buffer.concat([Buffer.from('[\n{"title":"Caf'), Buffer.from([0xe9, 0x22, 0x7d, 0x5d])]),
    );
    expect(await fileError(readAll(file))).toContain('not valid UTF-8 text (first bad byte on line 2)');
  });

  it('refuses a .json file above the size limit and points to JSON Lines', async () => {
    const file = write('big.json', `[${'{"title":"x"},'.repeat(100)}{"title":"y"}]`);
    expect(await fileError(openImportSource(file, { limits: { maxJsonBytes: 100 } }))).toContain(
      'JSON Lines',
    );
  });
});

describe('refusing files that cannot be imported', () => {
  it('explains a missing file, an empty file and an unknown extension', async () => {
    expect(await fileError(openImportSource(path.join(folder, 'nowhere.jsonl')))).toMatch(
      /^No such file: .*nowhere\.jsonl$/,
    );
    expect(await fileError(openImportSource(write('empty.jsonl', '')))).toContain('is empty');
    expect(await fileError(readAll(write('blank.json', '  \n ')))).toContain('is empty');
    expect(await fileError(openImportSource(write('records.dat', 'a,b')))).toContain(
      'name it .json or .jsonl',
    );
    expect(await fileError(openImportSource(write('records.txt', '{}'), { format: 'xml' }))).toContain(
      'Unknown format "xml"',
    );
  });

  it('takes the format from --format when the name does not tell it', async () => {
    const file = write('records.txt', '{"title":"One"}\n');
    expect(await readAll(file, { format: 'jsonl' })).toEqual([
      { location: 'line 1', value: { title: 'One' } },
    ]);
  });

  it('refuses UTF-16 files, with or without a byte-order mark', async () => {
    const text = '{"title":"One"}\n';
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await fileError(openImportSource(write('bom16.jsonl', withBom)))).toContain('encoded as UTF-16');
    expect(await fileError(openImportSource(write('nobom16.jsonl', Buffer.from(text, 'utf16le'))))).toContain(
      'encoded as UTF-16',
    );
  });
});
