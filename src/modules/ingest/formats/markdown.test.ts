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
import { readMarkdownFile, titleCase } from './markdown.ts';

describe('Markdown with YAML front matter', () => {
  let scratch: Awaited<ReturnType<typeof scratchDir>>;
  beforeAll(async () => {
    scratch = await scratchDir();
  });
  afterAll(() => scratch.remove());
  const read = async (name: string, content: string | Buffer) => {
    const file = path.join(scratch.dir, name);
    await fsp.writeFile(file, content);
    return collect(readMarkdownFile(file, name));
  };

  it('reads record-format keys from the front matter and renders the text', async () => {
    const { records, problems } = await read(
      'memo.md',
      '---\ntitle: "Memo on talks"\ndate: 1962-08-09\nlanguages: [ru]\nsubjects: Berlin; Disarmament\nexternal_id: memo-1\nauthors: ["Gromyko, Andrei A."]\npeople: "Kennedy, John F.; Rusk, Dean"\n---\n\nSome *text*.\n',
    );
    expect(problems).toEqual([]);
    expect(records[0]!.record).toMatchObject({
      externalId: 'memo-1',
      title: 'Memo on talks',
      date: '1962-08-09',
      languages: ['ru'],
      subjects: ['Berlin', 'Disarmament'],
      agents: [
        { name: 'Gromyko, Andrei A.', role: 'author' },
        { name: 'Kennedy, John F.', role: 'mentioned' },
        { name: 'Rusk, Dean', role: 'mentioned' },
      ],
    });
    expect(records[0]!.record.assets?.[0]?.html).toBe('<p>Some <em>text</em>.</p>');
  });

  it('takes the title from the first heading and the external ID from the file name when the front matter has neither', async () => {
    const { records } = await read('note-7.md', '# A note\n\nBody.\n');
    expect(records[0]!.record).toMatchObject({ externalId: 'note-7', title: 'A note' });
  });

  it('reports broken YAML with its line and writes no record', async () => {
    const { records, problems } = await read('broken.md', '---\ntitle: ok\ndate: [1962\n---\ntext\n');
    expect(records).toEqual([]);
    expect(problems[0]!.message).toMatch(/YAML front matter is not valid/);
    expect(problems[0]!.source.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses front matter that is never closed', async () => {
    const { problems } = await read('open.md', '---\ntitle: x\n\nno closing line\n');
    expect(problems[0]!.message).toMatch(/not closed/);
  });

  it('refuses text that is not UTF-8', async () => {
    const { records, problems } = await read('latin.md', Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1'));
    expect(records).toEqual([]);
    expect(problems[0]).toMatchObject({ source: { line: 2 } });
  });

  it('writes an all-capitals title the way a catalogue does', () => {
    expect(titleCase('MINUTE FROM LOVEDAY TO ACTING SECRETARY')).toBe(
      'Minute from Loveday to Acting Secretary',
    );
    expect(titleCase('Record of Talks')).toBe('Record of Talks');
  });
});

describe.skipIf(!hasCorpus)('Documents on Australian Foreign Policy in the corpus', () => {
  const folder = path.join(
    corpusRoot,
    'dfat',
    'volumes',
    'volume-22-australia-and-recognition-of-the-people-s-republic-of-china-1949-1972',
  );
  const records: FormatRecord[] = [];
  beforeAll(async () => {
    for (const name of await fsp.readdir(folder)) {
      const result = await collect(readMarkdownFile(path.join(folder, name), name));
      expect(result.problems.filter((item) => item.severity === 'error')).toEqual([]);
      records.push(...result.records);
    }
  });
  const byId = (id: string) => records.find((item) => item.record.externalId === id)!.record;

  it('finds every document the index lists, as dfat-<doc_id>', () => {
    const listed = corpusIndex('dfat')
      .map((row) => row.record_id)
      .sort();
    expect(listed).toHaveLength(384);
    expect(records.map((item) => item.record.externalId).sort()).toEqual(listed);
    expect(invalidRecords(records)).toEqual([]);
  });

  it('maps the dateline, marking line and NAA citation onto the record', () => {
    expect(byId('dfat-8585')).toMatchObject({
      title: 'Savingram to Posts',
      date: '1963-08-27',
      placeOfOrigin: 'Canberra',
      type: 'savingram',
      classifications: ['Confidential'],
      repository: 'National Archives of Australia',
      archivalReference: 'A1838, 3107/38, iii',
    });
    expect(byId('dfat-8585').rights).toMatch(/Creative Commons Attribution 4\.0/);
  });

  it('turns trailing numbered notes into footnotes linked from the marks run into the words', () => {
    const html = byId('dfat-8585').assets?.[0]?.html ?? '';
    expect(html).toContain('Test Ban Treaty,<sup><a href="#fn-1" id="fnref-1">1</a></sup> makes');
    expect(html).toMatch(/<p class="footnote" id="fn-3"><sup>3<\/sup> United States Information Agency\./);
  });

  it('keeps "matter omitted" marks and reads the OCR slip "Al838" as series A1838', () => {
    const withOmission = records.find((item) => item.record.assets?.[0]?.html?.includes('[matter omitted]'));
    expect(withOmission).toBeDefined();
    expect(byId('dfat-8583').archivalReference).toBe('A1838, 3107/38, iii');
  });

  it('separates the caveat from the classification and drops the precedence', () => {
    const austeo = records.filter((item) => item.record.classifications?.includes('AUSTEO'));
    expect(austeo.length).toBeGreaterThan(0);
    expect(austeo.every((item) => item.record.classifications?.[0] === 'Secret')).toBe(true);
    expect(
      records.some((item) => item.record.classifications?.some((c) => /immediate|priority/i.test(c))),
    ).toBe(false);
  });
});
