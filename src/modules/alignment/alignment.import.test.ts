import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import { importExportDeps, importRecords } from '../import-export/import-export.usecases.ts';
import { createAlignmentRepository } from './alignment.repository.ts';

/** A record whose English translation carries `alignment`; the original has 3 paragraphs, the translation 2. */
const record = (externalId: string, alignment: unknown, extra: Record<string, unknown> = {}) => ({
  externalId,
  title: `Cable ${externalId}`,
  assets: [
    { kind: 'transcript', language: 'ru', html: '<p>Один.</p><p>Два.</p><p>Три.</p>' },
    { kind: 'translation', language: 'en', html: '<p>One and two.</p><p>Three.</p>', alignment, ...extra },
  ],
});

describe.each(databaseKinds())('alignments in the import format on %s', (kind) => {
  let context: TestContext;
  let folder: string;

  beforeAll(async () => {
    context = await createTestContext(kind);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-alignment-'));
  });
  afterAll(async () => {
    await context?.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function importLines(name: string, lines: unknown[]) {
    const file = path.join(folder, `${name}.jsonl`);
    fs.writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n'));
    return importRecords(importExportDeps(context.container), { file });
  }

  const pairsOf = async (externalId: string) => {
    const { db } = context.container.database;
    const documents = createDocumentsRepository({ db });
    const id = await documents.findIdByExternalId(externalId);
    if (id === undefined) return 'missing';
    const document = (await documents.findById(id))!;
    const translation = document.assets.find((a) => a.kind === 'translation')!;
    return (await createAlignmentRepository({ db }).forDocument(id)).get(translation.id)?.pairs;
  };

  it('stores the pairs a translation carries, naming its original by language', async () => {
    const summary = await importLines('good', [
      record('a/good', {
        original: 'rus',
        pairs: [
          { original: [1, 2], translation: [1] },
          { original: [3], translation: [2] },
        ],
      }),
    ]);
    expect(summary.problems).toEqual([]);
    expect(await pairsOf('a/good')).toEqual([
      { original: [1, 2], translation: [1] },
      { original: [3], translation: [2] },
    ]);
  });

  it('refuses a record with impossible pairs, naming the field, and imports the others', async () => {
    const summary = await importLines('bad', [
      record('a/missing-paragraph', { pairs: [{ original: [4], translation: [1] }] }),
      record('a/backwards', {
        pairs: [
          { original: [2], translation: [1] },
          { original: [1], translation: [2] },
        ],
      }),
      record('a/no-such-original', { original: 'zh', pairs: [{ original: [1], translation: [1] }] }),
      record('a/unknown-field', { pairs: [], extra: 1 }),
      {
        externalId: 'a/on-a-transcript',
        title: 'Aligned transcript',
        assets: [{ kind: 'transcript', html: '<p>x</p>', alignment: { pairs: [] } }],
      },
      record('a/fine', { pairs: [] }),
    ]);
    expect(summary.failed).toBe(5);
    const problems = summary.problems.map((p) => `${p.field}: ${p.message}`);
    // Pairs out of order are caught when the record is read; pairs against the texts, when it is saved.
    expect([...problems].sort()).toEqual([
      'assets[0].alignment: only a translation has an alignment',
      'assets[1].alignment.pairs[0]: the original has 3 paragraphs; there is no paragraph 4',
      'assets[1].alignment.pairs[1]: original paragraph 1 comes after paragraph 2 of an earlier pair: pairs follow the order of the text and use each paragraph once',
      'assets[1].alignment: Unrecognized key: "extra"',
      'assets[1].alignment: the document has no transcript in "zh" to align with',
    ]);
    for (const id of ['a/missing-paragraph', 'a/backwards', 'a/no-such-original', 'a/on-a-transcript']) {
      expect(await pairsOf(id), id).toBe('missing');
    }
    expect(await pairsOf('a/fine')).toBeUndefined();
  });
});
