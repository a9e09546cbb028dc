import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, corpusRoot, hasCorpus, scratchDir } from './corpus.test-support.ts';
import { openFormatSource } from './format-source.ts';

const md = (title: string, id: string) => `---\ntitle: "${title}"\nexternal_id: ${id}\n---\n\nText.\n`;

describe('choosing readers for a file or folder', () => {
  let scratch: Awaited<ReturnType<typeof scratchDir>>;
  const write = async (name: string, content: string) => {
    await fsp.mkdir(path.dirname(path.join(scratch.dir, name)), { recursive: true });
    await fsp.writeFile(path.join(scratch.dir, name), content);
  };
  beforeAll(async () => {
    scratch = await scratchDir();
    await write('mixed/notes/a.md', md('A', 'doc-a'));
    await write('mixed/notes/b.md', md('B', 'doc-a'));
    await write('mixed/README.md', '# About this folder\n');
    await write('mixed/index.csv', 'record_id,title,file\nx,A,notes/a.md\ny,B,notes/b.md\n');
    await write('mixed/scan.pdf', '%PDF-1.4\n');
    await write('json/records.jsonl', '{}\n');
  });
  afterAll(() => scratch.remove());

  it('leaves JSON and JSONL files to the record-format reader', async () => {
    expect(await openFormatSource(path.join(scratch.dir, 'json', 'records.jsonl'))).toBeUndefined();
    await expect(openFormatSource(path.join(scratch.dir, 'json'))).rejects.toThrow(/folder of JSON files/);
  });

  it('skips a README, an index of the folder and the scans the text formats point to, and refuses a second record with the same external ID', async () => {
    const source = (await openFormatSource(path.join(scratch.dir, 'mixed')))!;
    expect(source.format).toBe('markdown');
    const { records, problems } = await collect(source.items());
    expect(records.map((item) => item.source.file)).toEqual(['mixed/notes/a.md']);
    expect(problems.map((item) => [item.source.file, item.severity])).toEqual([
      ['mixed/index.csv', 'warning'],
      ['mixed/notes/b.md', 'error'],
    ]);
    expect(problems[1]!.message).toMatch(/"doc-a" was already imported from mixed\/notes\/a\.md/);
    expect(source.bytesRead()).toBe(source.byteSize);
  });

  it('reads the same folder as an inventory when asked to, and as scans with --format pdf-folder', async () => {
    const csv = (await openFormatSource(path.join(scratch.dir, 'mixed'), 'csv'))!;
    expect((await collect(csv.items())).records.map((item) => item.record.externalId)).toEqual(['x', 'y']);
    const scans = (await openFormatSource(path.join(scratch.dir, 'mixed'), 'pdf-folder'))!;
    expect((await collect(scans.items())).records.map((item) => item.record.externalId)).toEqual(['scan']);
  });
});

describe.skipIf(!hasCorpus)('the whole corpus as one folder', () => {
  it('finds every record of every subset once, leaving out the index, the README and the loose PDFs', async () => {
    const source = (await openFormatSource(corpusRoot))!;
    const { records, problems } = await collect(source.items());
    expect(problems.filter((item) => item.severity === 'error')).toEqual([]);
    expect(records).toHaveLength(407 + 50 + 384 + 200 + 6);
    expect(new Set(records.map((item) => item.record.externalId)).size).toBe(records.length);
    expect(problems.some((item) => item.source.file === 'corpus/records-index.csv')).toBe(true);
  }, 120_000);
});
