import sharp from 'sharp';
import { afterAll, beforeAll, expect } from 'vitest';
import type { TestContext } from '../../../test/support/databases.ts';
import { createTestContext, type DatabaseKind } from '../../../test/support/databases.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { type DocumentRecordInput, documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { readerRecordSchema } from '../readers/readers.schemas.ts';
import { saveReader } from '../readers/readers.usecases.ts';
import { themeRecordSchema } from './themes.schemas.ts';
import { saveTheme } from './themes.usecases.ts';

/**
 * A small archive for the collection, theme and reader tests, on a real database:
 *
 *   Border talks                 Mango report (1964, Moscow; also filed in Ili crisis), Delta letter (undated)
 *     Ili crisis                 Xylo minutes (1962-05, Ili, a place inside China that has no coordinates)
 *       Telegrams                Bravo telegram (1962-08, Beijing), a draft Zulu telegram (1963, Moscow)
 *   Trade                        Echo memo (1970, Beijing) and 30 numbered trade notes, for paging
 *   Secret drafts                only the draft
 *
 * Record IDs are not in date or title order: Mango < Xylo < Bravo.
 */
export type DiscoveryFixture = {
  ids: { mango: number; xylo: number; bravo: number; delta: number; zulu: number; echo: number };
  places: { china: number; ili: number; beijing: number; moscow: number };
};

const context = { actor: { id: null, label: 'fixture' }, ip: null, userAgent: null };

export async function buildDiscoveryFixture(test: TestContext): Promise<DiscoveryFixture> {
  const deps = test.container.database;
  const save = async (record: DocumentRecordInput) =>
    (await saveDocument(deps, documentRecordSchema.parse(record), [])).id;
  const authorities = createAuthoritiesRepository({ db: deps.db });
  const border = await authorities.create({
    kind: 'collection',
    name: 'Border talks',
    note: 'Talks on the border between two neighbours.\n\nA second paragraph of description.',
  });
  const ili = await authorities.create({ kind: 'collection', name: 'Ili crisis', parentId: border });
  await authorities.create({ kind: 'collection', name: 'Telegrams', parentId: ili });
  const china = await authorities.create({ kind: 'place', name: 'China' });
  const iliPlace = await authorities.create({ kind: 'place', name: 'Ili', parentId: china });

  const mango = await save({
    title: 'Mango report',
    summary: 'A report on the talks.',
    date: '1964-01-15',
    collections: ['Border talks', 'Ili crisis'],
    places: ['Moscow'],
  });
  const xylo = await save({
    title: 'Xylo minutes',
    date: '1962-05-01',
    collections: ['Ili crisis'],
    places: ['Ili'],
  });
  const bravo = await save({
    title: 'Bravo telegram',
    date: '1962-08-09',
    collections: ['Telegrams'],
    places: ['Beijing'],
    agents: [{ name: 'Anna Example', role: 'author' }],
  });
  const delta = await save({ title: 'Delta letter', collections: ['Border talks'] });
  const zulu = await save({
    title: 'Zulu secret telegram draft',
    status: 'draft',
    date: '1963-02-02',
    collections: ['Telegrams', 'Secret drafts'],
    places: ['Moscow', 'Lhasa'],
  });
  const echo = await save({
    title: 'Echo memo',
    date: '1970-03-03',
    collections: ['Trade'],
    places: ['Beijing'],
  });
  for (let n = 1; n <= 30; n++) {
    await save({
      title: `Trade note ${String(n).padStart(2, '0')}`,
      date: `1971-01-${String(n).padStart(2, '0')}`,
      collections: ['Trade'],
    });
  }

  const beijing = (await authorities.findIdByName('place', 'Beijing'))!;
  const moscow = (await authorities.findIdByName('place', 'Moscow'))!;
  for (const [id, latitude, longitude] of [
    [china, 35.0, 103.0],
    [beijing, 39.9, 116.4],
    [moscow, 55.75, 37.62],
  ] as const) {
    await deps.db.updateTable('authorities').set({ latitude, longitude }).where('id', '=', id).execute();
  }

  await saveTheme(
    deps.db,
    themeRecordSchema.parse({
      type: 'theme',
      title: 'Border crisis',
      summary: 'How a quarrel over grazing land became a crisis.',
      overview: '<p>An overview with <strong>emphasis</strong>.</p><script>alert(1)</script>',
      status: 'published',
      collections: ['Border talks'],
      events: [
        { date: '1962-04', title: 'Herders cross the border', description: 'Thousands leave in a spring.' },
        { date: '1969-03-02', title: 'Clash on the river', link: 'https://example.org/clash' },
      ],
    }),
    { context },
  );
  await saveTheme(
    deps.db,
    themeRecordSchema.parse({
      type: 'theme',
      title: 'Hidden theme',
      status: 'draft',
      collections: ['Trade'],
    }),
    { context },
  );
  await saveReader(
    deps.db,
    readerRecordSchema.parse({
      type: 'reader',
      title: 'Teaching the border crisis',
      compiler: 'Vera Lindqvist',
      introduction: '<p>Three documents for a seminar.</p>',
      status: 'published',
      items: [
        { document: { id: bravo }, note: 'Read the telegram first.\n\nThen compare the dates.' },
        { document: { id: zulu }, note: 'A note on the unpublished draft.' },
        { document: { id: xylo }, note: null },
      ],
    }),
    { context },
  );
  await saveReader(
    deps.db,
    readerRecordSchema.parse({ type: 'reader', title: 'Unfinished reader', status: 'draft', items: [] }),
    { context },
  );
  return {
    ids: { mango, xylo, bravo, delta, zulu, echo },
    places: { china, ili: iliPlace, beijing, moscow },
  };
}

/** A real PNG, for the collection picture. */
export const tinyPng = () =>
  sharp({ create: { width: 4, height: 3, channels: 3, background: '#7b2d26' } })
    .png()
    .toBuffer();

/** The titles in a page's list of documents, in order. */
export function listedTitles(html: string, listId = 'documents'): string[] {
  const section = html.slice(html.indexOf(`id="${listId}"`));
  const end = section.indexOf('</section>');
  return [...section.slice(0, end).matchAll(/class="document-list__title"><a href="[^"]+">([^<]+)</g)].map(
    (m) => m[1]!,
  );
}

/**
 * For a describe block: a fresh app on `kind` holding the discovery fixture, and request helpers
 * (`html` insists on a 200). Read `suite.context` and `suite.fixture` inside tests.
 */
export function discoverySuite(kind: DatabaseKind) {
  const suite = {
    context: undefined as unknown as TestContext,
    fixture: undefined as unknown as DiscoveryFixture,
    get: (url: string) => suite.context.app.request(url),
    html: async (url: string) => {
      const response = await suite.get(url);
      expect(response.status, url).toBe(200);
      return response.text();
    },
  };
  beforeAll(async () => {
    suite.context = await createTestContext(kind);
    suite.fixture = await buildDiscoveryFixture(suite.context);
  }, 120_000);
  afterAll(async () => {
    await suite.context?.dispose();
  });
  return suite;
}
