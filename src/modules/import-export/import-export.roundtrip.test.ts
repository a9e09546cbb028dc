import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { createAlignmentRepository } from '../alignment/alignment.repository.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { createDocumentsRepository, type StoredDocument } from '../documents/documents.repository.ts';
import { authorityRecordSchema, documentRecordSchema } from '../documents/documents.schemas.ts';
import { exportRecords } from './import-export.exporter.ts';
import { makePdf, tinyPng } from './import-export.fixtures.ts';
import { unknownFields } from './import-export.unknown-fields.ts';
import { importExportDeps, importRecords } from './import-export.usecases.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A document as a backup must keep it: everything but the asset rows' own IDs and timestamps. */
function comparable(document: StoredDocument) {
  const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
  return {
    ...document,
    related: [...document.related].sort(byId),
    assets: document.assets.map(({ id: _id, createdAt: _c, updatedAt: _u, ...asset }) => asset),
  };
}

describe.each(databaseKinds())('export, then import into an empty database, on %s', (kind) => {
  let source: TestContext;
  let target: TestContext;
  let folder: string;
  let exportFile: string;
  let scanPdf: Buffer;
  let sourcePdf: Buffer;

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestContext(kind), createTestContext(kind)]);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chancery-roundtrip-'));
    scanPdf = await makePdf(2, 'scan');
    sourcePdf = await makePdf(1, 'typed transcript');
    fs.mkdirSync(path.join(folder, 'in'));
    fs.writeFileSync(path.join(folder, 'in', 'scan.pdf'), scanPdf);
    fs.writeFileSync(path.join(folder, 'in', 'typed.pdf'), sourcePdf);
    fs.writeFileSync(path.join(folder, 'in', 'page.png'), tinyPng);

    const records = [
      // The child comes first, so its parent gets the higher ID: the export must still restore the link.
      {
        type: 'authority',
        id: 40,
        kind: 'place',
        name: 'Xinjiang',
        parent: 'China',
        variants: [{ name: '新疆', language: 'zh' }],
      },
      { type: 'authority', id: 41, kind: 'place', name: 'China', variants: ['中国'], note: 'PRC' },
      {
        type: 'authority',
        id: 42,
        kind: 'collection',
        name: 'Sino-Soviet Border',
        slug: 'sino-soviet-border-1962',
      },
      { type: 'authority', id: 43, kind: 'person', name: 'Wang Li', dates: '1921–1996' },
      { type: 'authority', id: 44, kind: 'person', name: 'Wang Li', dates: '1900–1986', note: 'Linguist' },
      {
        id: 100,
        externalId: 'rt/conversation',
        title: 'Record of Conversation',
        subtitle: 'On border crossings',
        summary: 'Two officials discuss the border.',
        date: { start: '1962-08-09', time: '18:00' },
        placeOfOrigin: 'Beijing',
        type: 'minutes',
        classifications: ['Secret', 'Eyes Only'],
        languages: ['zh', 'en'],
        repository: { name: 'Foreign Ministry Archive', variants: ['外交部档案馆'] },
        archivalReference: 'FMA 118-01767-01',
        program: 'Sino-Soviet Relations',
        credits: [{ role: 'translator', name: 'A Translation Agency' }],
        funders: ['A Foundation'],
        rights: 'Public domain',
        subjects: ['Border crossings'],
        places: ['Xinjiang'],
        agents: [
          { id: 43, name: 'Wang Li', role: 'author' },
          { id: 44, name: 'Wang Li', role: 'mentioned' },
          { name: 'Soviet Embassy', kind: 'organization', role: 'recipient' },
        ],
        collections: ['Sino-Soviet Border'],
        related: [{ externalId: 'rt/later' }],
        attachments: [{ id: 102 }],
        assets: [
          { kind: 'scan', file: 'in/scan.pdf', label: 'Original', fileName: 'FMA 118-01767-01.pdf' },
          { kind: 'scan', file: 'in/page.png', language: 'zh' },
          {
            kind: 'transcript',
            language: 'zh',
            html: '<h2>谈话记录</h2><p id="fn1">注<a href="#fn1">1</a> <ruby>漢<rt>kan</rt></ruby></p>',
          },
          {
            kind: 'translation',
            language: 'en',
            translator: 'A Translator',
            text: 'Huang: Hello.\n\nAnd <more>.',
            alignment: { original: 'zh', pairs: [{ original: [1], translation: [1, 2] }] },
          },
          {
            kind: 'transcript',
            language: 'ru',
            label: 'Typed copy',
            html: '<p>Текст</p>',
            file: 'in/typed.pdf',
          },
        ],
        createdAt: '2020-01-02T03:04:05.000Z',
        updatedAt: '2021-02-03T04:05:06.000Z',
        publishedAt: '2020-06-01T00:00:00.000Z',
      },
      { id: 101, externalId: 'rt/deleted', title: 'To be deleted' },
      { id: 102, title: 'Enclosure without external ID', status: 'draft', date: 'c. 1960s' },
      {
        id: 103,
        externalId: 'rt/later',
        title: 'Withdrawn later record',
        status: 'withdrawn',
        withdrawalReason: 'Rights unclear',
        date: '1961/1963',
        related: [{ externalId: 'rt/conversation' }],
      },
    ];
    const file = path.join(folder, 'records.jsonl');
    fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const summary = await importRecords(importExportDeps(source.container), { file });
    expect(summary.problems).toEqual([]);
    const documents = createDocumentsRepository({ db: source.container.database.db });
    await documents.delete((await documents.findIdByExternalId('rt/deleted'))!);

    exportFile = path.join(folder, 'out', 'backup.jsonl');
  });
  afterAll(async () => {
    await Promise.all([source.dispose(), target.dispose()]);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('writes authorities first, then every document of every status in record-ID order, with files beside', async () => {
    const summary = await exportRecords(importExportDeps(source.container), { file: exportFile });
    expect(summary).toMatchObject({ documents: 3, problems: [], filesWritten: 3, filesKept: 0 });
    // Drafts are in it: only the operator may read it.
    expect(fs.statSync(exportFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(`${exportFile}.files`).mode & 0o777).toBe(0o700);

    const lines = fs
      .readFileSync(exportFile, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const firstDocument = lines.findIndex((line) => line.type !== 'authority');
    expect(lines.slice(firstDocument).every((line) => line.type !== 'authority')).toBe(true);
    expect(lines.slice(firstDocument).map((line) => [line.id, line.status])).toEqual([
      [100, 'published'],
      [102, 'draft'],
      [103, 'withdrawn'],
    ]);
    const authorityIds = lines.slice(0, firstDocument).map((line) => line.id);
    expect(authorityIds).toEqual([...authorityIds].sort((a, b) => a - b));
    expect(lines.find((line) => line.name === 'Xinjiang')).toMatchObject({
      id: 40,
      parent: 'China',
      variants: [{ name: '新疆', language: 'zh' }],
    });

    const scan = lines[firstDocument].assets[0];
    expect(scan).toMatchObject({
      kind: 'scan',
      file: `backup.jsonl.files/${sha256(scanPdf)}.pdf`,
      fileName: 'FMA 118-01767-01.pdf',
      pageCount: 2,
    });
    expect(fs.readFileSync(path.join(folder, 'out', scan.file))).toEqual(scanPdf);

    for (const line of lines) {
      const schema = line.type === 'authority' ? authorityRecordSchema : documentRecordSchema;
      expect(schema.safeParse(line).error).toBeUndefined();
      expect(unknownFields(schema, line).filter((f) => f !== 'type')).toEqual([]);
    }
  });

  it('gives back the same records, authorities and files in an empty database', async () => {
    const summary = await importRecords(importExportDeps(target.container), { file: exportFile });
    expect(summary).toMatchObject({
      failed: 0,
      unresolvedLinks: 0,
      warnings: 0,
      documents: { created: 3, updated: 0 },
    });

    const from = createDocumentsRepository({ db: source.container.database.db });
    const to = createDocumentsRepository({ db: target.container.database.db });
    expect(await to.allIds()).toEqual(await from.allIds());
    for (const id of await from.allIds()) {
      expect(comparable((await to.findById(id))!)).toEqual(comparable((await from.findById(id))!));
    }

    const sourceAuthorities = await createAuthoritiesRepository({ db: source.container.database.db }).list();
    const targetAuthorities = await createAuthoritiesRepository({ db: target.container.database.db }).list();
    expect(targetAuthorities).toEqual(sourceAuthorities);
    expect(targetAuthorities.filter((a) => a.name === 'Wang Li')).toHaveLength(2);

    for (const bytes of [scanPdf, sourcePdf, tinyPng]) {
      expect(await target.container.storage.size(sha256(bytes))).toBe(bytes.length);
    }
    const conversation = (await to.findById(100))!;
    expect(conversation.date).toEqual({
      start: '1962-08-09',
      end: '1962-08-09',
      precision: 'day',
      circa: false,
      time: '18:00',
    });
    expect(conversation.assets[4]).toMatchObject({
      html: '<p>Текст</p>',
      blobSha256: sha256(sourcePdf),
    });
    expect(conversation.attachments.map((d) => d.id)).toEqual([102]);
    // The alignment faces the same texts: asset IDs differ between the databases, positions do not.
    const alignmentsOf = async (context: TestContext) => {
      const document = (await createDocumentsRepository({ db: context.container.database.db }).findById(
        100,
      ))!;
      const position = (assetId: number) => document.assets.findIndex((a) => a.id === assetId);
      const stored = await createAlignmentRepository({ db: context.container.database.db }).forDocument(100);
      return [...stored.values()].map((a) => ({
        translation: position(a.translationAssetId),
        original: position(a.originalAssetId),
        pairs: a.pairs,
      }));
    };
    expect(await alignmentsOf(source)).toEqual([
      { translation: 3, original: 2, pairs: [{ original: [1], translation: [1, 2] }] },
    ]);
    expect(await alignmentsOf(target)).toEqual(await alignmentsOf(source));
  });

  it('imports its own export again as updates, changing nothing', async () => {
    const to = createDocumentsRepository({ db: target.container.database.db });
    const before = await Promise.all(
      (await to.allIds()).map(async (id) => comparable((await to.findById(id))!)),
    );
    const summary = await importRecords(importExportDeps(target.container), { file: exportFile });
    expect(summary).toMatchObject({
      failed: 0,
      documents: { created: 0, updated: 3 },
      authorities: { created: 0 },
    });
    const after = await Promise.all(
      (await to.allIds()).map(async (id) => comparable((await to.findById(id))!)),
    );
    expect(after).toEqual(before);
  });

  it('writes the same bytes when exported again, reusing the files already there', async () => {
    const first = fs.readFileSync(exportFile);
    const summary = await exportRecords(importExportDeps(source.container), { file: exportFile });
    expect(summary).toMatchObject({ filesWritten: 0, filesKept: 3 });
    expect(fs.readFileSync(exportFile)).toEqual(first);
    expect(fs.readdirSync(path.dirname(exportFile)).sort()).toEqual(['backup.jsonl', 'backup.jsonl.files']);
  });

  it('removes files no record uses any more and reports files missing from the store', async () => {
    const pngName = `${sha256(tinyPng)}.png`;
    const documents = createDocumentsRepository({ db: source.container.database.db });
    const before = (await documents.findById(100))!;
    // A blob lost from the store (a disk restored from an older backup) must not go unnoticed.
    await source.container.storage.delete(sha256(sourcePdf));
    await source.container.database.db
      .deleteFrom('assets')
      .where('document_id', '=', 100)
      .where('blob_sha256', '=', sha256(tinyPng))
      .execute();
    const summary = await exportRecords(importExportDeps(source.container), { file: exportFile });
    expect(summary.problems).toEqual([
      expect.stringMatching(/^document 100 .* is missing from the file store$/),
    ]);
    expect(fs.existsSync(path.join(folder, 'out', 'backup.jsonl.files', pngName))).toBe(false);
    const line = fs
      .readFileSync(exportFile, 'utf8')
      .split('\n')
      .map((l) => (l ? JSON.parse(l) : undefined))
      .find((l) => l?.id === 100 && l.type !== 'authority');
    // The transcript keeps its text; only the lost source file is left out.
    expect(line.assets).toHaveLength(before.assets.length - 1);
    expect(line.assets.at(-1)).toEqual({
      kind: 'transcript',
      language: 'ru',
      label: 'Typed copy',
      translator: null,
      html: '<p>Текст</p>',
    });
  });

  it('writes a .json export as one object that imports the same way', async () => {
    const jsonFile = path.join(folder, 'out', 'backup.json');
    await exportRecords(importExportDeps(source.container), { file: jsonFile });
    const parsed = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
    expect(Object.keys(parsed)).toEqual(['authorities', 'documents']);
    expect(parsed.documents.map((d: { id: number }) => d.id)).toEqual([100, 102, 103]);
    const summary = await importRecords(importExportDeps(target.container), { file: jsonFile, dryRun: true });
    expect(summary).toMatchObject({ failed: 0, valid: parsed.authorities.length + 3 });
  });
});
