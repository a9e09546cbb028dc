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
import { readMojLawFolder } from './moj-law.ts';

describe('laws of the Republic of China (Taiwan) in the Ministry of Justice JSON', () => {
  let scratch: Awaited<ReturnType<typeof scratchDir>>;
  beforeAll(async () => {
    scratch = await scratchDir();
    await fsp.mkdir(path.join(scratch.dir, 'zh'));
    await fsp.mkdir(path.join(scratch.dir, 'en'));
  });
  afterAll(() => scratch.remove());

  it('pairs the Chinese text with its English translation, article by article', async () => {
    await fsp.writeFile(
      path.join(scratch.dir, 'zh', 'X0000001.json'),
      JSON.stringify({
        法規名稱: '測試條例',
        法規性質: '法律',
        最新異動日期: '19550603',
        法規內容: [{ 編章節: '第 一 章 總則' }, { 條號: '第 1 條', 條文內容: '第一行\r\n第二行' }],
      }),
    );
    await fsp.writeFile(
      path.join(scratch.dir, 'en', 'X0000001.json'),
      JSON.stringify({
        英文法規名稱: 'Test Act',
        沿革內容: 'Promulgated on 3 June 1955',
        法規內容: [{ 條號: 'Article 1', 條文內容: 'One.' }],
      }),
    );
    await fsp.writeFile(path.join(scratch.dir, 'zh', 'X0000002.json'), '{"法規名稱": "斷');
    const { records, problems } = await collect(readMojLawFolder(scratch.dir, 'laws'));
    expect(records).toHaveLength(1);
    expect(records[0]!.record).toMatchObject({
      externalId: 'roc-law/X0000001',
      title: 'Test Act',
      subtitle: '測試條例',
      date: '1955-06-03',
      type: 'law',
      languages: ['zh-Hant'],
      summary: 'Promulgated on 3 June 1955',
    });
    const [original, translation] = records[0]!.record.assets!;
    expect(original).toMatchObject({ kind: 'transcript', language: 'zh-Hant' });
    expect(original!.html).toContain(
      '<h3>第 一 章 總則</h3>\n<h4 id="article-1">第 1 條</h4>\n<p>第一行<br>第二行</p>',
    );
    expect(translation).toMatchObject({ kind: 'translation', language: 'en' });
    expect(translation!.html).toContain('<h4 id="article-1">Article 1</h4>');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        record: 'X0000002',
        source: { file: 'laws/zh/X0000002.json' },
      }),
    ]);
    expect(problems[0]!.message).toMatch(/not valid JSON/);
  });
});

describe.skipIf(!hasCorpus)('the bilingual set of the corpus', () => {
  it('imports every pair the index lists, with the Chinese original and the official translation', async () => {
    const { records, problems } = await collect(
      readMojLawFolder(path.join(corpusRoot, 'bilingual-zh-en'), 'bilingual-zh-en'),
    );
    expect(problems).toEqual([]);
    expect(records.map((item) => item.record.externalId).sort()).toEqual(
      corpusIndex('bilingual-zh-en')
        .map((row) => row.record_id)
        .sort(),
    );
    expect(invalidRecords(records)).toEqual([]);
    const constitution = records.find((item) => item.record.externalId === 'roc-law/A0000001')!.record;
    expect(constitution).toMatchObject({
      date: '1947-01-01',
      type: 'constitution',
      subtitle: '中華民國憲法',
    });
    expect(constitution.assets?.[0]?.html?.match(/<h4 id="article-/g)).toHaveLength(175);
    expect(constitution.assets?.[1]?.html?.match(/<h4 id="article-/g)).toHaveLength(175);
  });
});
