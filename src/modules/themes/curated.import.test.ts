import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { exportRecords } from '../import-export/import-export.exporter.ts';
import { importExportDeps, importRecords } from '../import-export/import-export.usecases.ts';
import { createReadersRepository } from '../readers/readers.repository.ts';
import { tinyPng } from './discovery.test-support.ts';
import { createThemesRepository } from './themes.repository.ts';

/** An import file whose theme and reader lines come before the documents and collection they name. */
async function writeImportFile(dir: string): Promise<string> {
  await fsp.writeFile(path.join(dir, 'cover.png'), await tinyPng());
  const lines = [
    {
      type: 'theme',
      title: 'Pastures and borders',
      status: 'published',
      collections: [{ id: 500, name: 'Grazing files' }],
      events: [{ date: '1962-04', title: 'Herders cross', link: '/documents/1' }],
    },
    {
      type: 'reader',
      slug: 'grazing-seminar',
      title: 'Grazing seminar',
      compiler: 'Vera Lindqvist',
      status: 'published',
      items: [
        { document: { externalId: 'grazing/2' }, note: 'Second, read first.' },
        { document: { id: 901 }, note: null },
      ],
    },
    {
      type: 'authority',
      id: 500,
      kind: 'collection',
      name: 'Grazing files',
      note: 'Papers on pastures.',
      image: { file: 'cover.png', alt: 'A pasture' },
    },
    { type: 'authority', kind: 'place', name: 'Yining', position: { latitude: 43.91, longitude: 81.28 } },
    {
      id: 901,
      externalId: 'grazing/1',
      title: 'First grazing note',
      date: '1962-04-02',
      collections: [{ id: 500, name: 'Grazing files' }],
      places: ['Yining'],
    },
    {
      externalId: 'grazing/2',
      title: 'Second grazing note',
      date: '1962-05-02',
      collections: ['Grazing files'],
    },
  ];
  const file = path.join(dir, 'records.jsonl');
  await fsp.writeFile(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  return file;
}

describe.each(databaseKinds())(
  'themes, readers, positions and pictures in the import format, on %s',
  (kind) => {
    let source: TestContext;
    let restored: TestContext;

    beforeAll(async () => {
      source = await createTestContext(kind);
      restored = await createTestContext(kind);
    }, 120_000);
    afterAll(async () => {
      await source?.dispose();
      await restored?.dispose();
    });

    it('imports theme and reader lines once the records they name are in, with positions and pictures', async () => {
      const file = await writeImportFile(source.dataDir);
      const summary = await importRecords(importExportDeps(source.container), { file });
      expect(summary.problems).toEqual([]);
      expect(summary.curated).toEqual({ created: 2, updated: 0 });
      const db = source.container.database.db;
      const theme = (await createThemesRepository({ db }).findBySlug('pastures-and-borders'))!;
      const collection = (await createAuthoritiesRepository({ db }).findBySlug(
        'collection',
        'grazing-files',
      ))!;
      expect(theme.collectionIds).toEqual([collection.id]);
      const reader = (await createReadersRepository({ db }).findBySlug('grazing-seminar'))!;
      expect(reader.items.map((i) => i.note)).toEqual(['Second, read first.', null]);
      const page = await (await source.app.request('/themes/pastures-and-borders')).text();
      expect(page).toMatch(/<th scope="row"><a [^>]*>Yining<\/a><\/th><td>1<\/td>/);
      expect((await source.app.request('/collections/grazing-files/image')).headers.get('content-type')).toBe(
        'image/png',
      );

      // Importing again updates by slug; nothing is created twice.
      const again = await importRecords(importExportDeps(source.container), { file });
      expect(again.curated).toEqual({ created: 0, updated: 2 });
    });

    it('reports a theme naming no collection and a reader naming no document on their lines, saving neither', async () => {
      const file = path.join(source.dataDir, 'bad.jsonl');
      await fsp.writeFile(
        file,
        [
          JSON.stringify({ type: 'theme', title: 'Orphan theme', collections: ['No such collection'] }),
          JSON.stringify({
            type: 'reader',
            title: 'Orphan reader',
            items: [{ document: { externalId: 'missing/1' } }],
          }),
          JSON.stringify({ type: 'reader', title: 'Bad link', status: 'sideways' }),
        ].join('\n'),
      );
      const summary = await importRecords(importExportDeps(source.container), { file });
      expect(summary.failed).toBe(3);
      expect(summary.problems.map((p) => [p.location, p.field])).toEqual([
        ['line 3', 'status'],
        ['line 1', 'collections[0]'],
        ['line 2', 'items[0].document'],
      ]);
      const db = source.container.database.db;
      expect(await createThemesRepository({ db }).findBySlug('orphan-theme')).toBeUndefined();
      expect(await createReadersRepository({ db }).findBySlug('orphan-reader')).toBeUndefined();
    });

    it('exports themes, readers, positions and pictures so that an empty archive gets them back', async () => {
      const exported = path.join(source.dataDir, 'backup', 'all.jsonl');
      const summary = await exportRecords(importExportDeps(source.container), { file: exported });
      expect(summary.problems).toEqual([]);
      const text = await fsp.readFile(exported, 'utf8');
      expect(text).toContain('"type":"theme"');
      expect(text).toContain('"position":{"latitude":43.91,"longitude":81.28}');

      const result = await importRecords(importExportDeps(restored.container), { file: exported });
      expect(result.problems).toEqual([]);
      const db = restored.container.database.db;
      const theme = (await createThemesRepository({ db }).findBySlug('pastures-and-borders'))!;
      expect(theme.events.map((e) => [e.date.start, e.date.precision, e.title, e.link])).toEqual([
        ['1962-04-01', 'month', 'Herders cross', '/documents/1'],
      ]);
      const reader = (await createReadersRepository({ db }).findBySlug('grazing-seminar'))!;
      const titles = await db
        .selectFrom('documents')
        .select(['id', 'title'])
        .where(
          'id',
          'in',
          reader.items.map((i) => i.documentId),
        )
        .execute();
      const titleOf = new Map(titles.map((t) => [t.id, t.title]));
      expect(reader.items.map((i) => titleOf.get(i.documentId))).toEqual([
        'Second grazing note',
        'First grazing note',
      ]);
      const image = await restored.app.request('/collections/grazing-files/image');
      expect(Buffer.from(await image.arrayBuffer()).equals(await tinyPng())).toBe(true);
      const place = await db
        .selectFrom('authorities')
        .select(['latitude', 'longitude'])
        .where('name', '=', 'Yining')
        .executeTakeFirstOrThrow();
      expect(place).toEqual({ latitude: 43.91, longitude: 81.28 });
    });
  },
);
