import type { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import type { AuthorityKind } from '../../database/tables.ts';
import { createAlignmentRepository } from '../alignment/alignment.repository.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { createDocumentsRepository, type StoredDocument } from '../documents/documents.repository.ts';
import { documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { demoReaders, demoThemes, placePositions } from './content/discovery.ts';
import { demoDocuments } from './content/index.ts';
import { loadDemoArchive } from './demo.loader.ts';
import { createDemoRepository, demoLoadStates } from './demo.repository.ts';

// Generating the scans takes a few seconds of CPU, more on a busy machine.
const loadTimeout = 180_000;

async function readBlob(context: TestContext, sha256: string): Promise<Buffer> {
  const stream = (await context.container.storage.open(sha256)) as Readable;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function tableCounts(context: TestContext) {
  const { db } = context.container.database;
  const count = async (
    table: 'documents' | 'authorities' | 'authority_names' | 'assets' | 'document_links' | 'blobs',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const version = await db
    .selectFrom('site_state')
    .select('value')
    .where('key', '=', 'content_version')
    .executeTakeFirst();
  const latest = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .executeTakeFirst();
  return {
    documents: await count('documents'),
    authorities: await count('authorities'),
    names: await count('authority_names'),
    assets: await count('assets'),
    links: await count('document_links'),
    blobs: await count('blobs'),
    contentVersion: version?.value,
    latestUpdate: latest?.at ?? null,
  };
}

describe.each(databaseKinds())('the demo archive on %s', (kind) => {
  let context: TestContext;
  let all: StoredDocument[];
  const byExternalId = (externalId: string) => {
    const found = all.find((d) => d.externalId === externalId);
    if (!found) throw new Error(`no demo record ${externalId}`);
    return found;
  };
  const authorityId = (authorityKind: AuthorityKind, name: string) =>
    createAuthoritiesRepository({ db: context.container.database.db }).findIdByName(authorityKind, name);

  beforeAll(async () => {
    context = await createTestContext(kind);
    const result = await loadDemoArchive(context.container);
    expect(result).toEqual({ loaded: true, documents: demoDocuments.length });
    const repository = createDocumentsRepository({ db: context.container.database.db });
    all = (await Promise.all((await repository.allIds()).map((id) => repository.findById(id)))).filter(
      (d): d is StoredDocument => d !== undefined,
    );
  }, loadTimeout);
  afterAll(async () => {
    await context?.dispose();
  });

  it('fills an empty archive with at least thirty published documents, two drafts and one withdrawn record', () => {
    const statuses = all.map((d) => d.status);
    expect(all.length).toBeGreaterThanOrEqual(32);
    expect(statuses.filter((s) => s === 'published').length).toBeGreaterThanOrEqual(30);
    expect(statuses.filter((s) => s === 'draft')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'withdrawn')).toHaveLength(1);
    expect(all.every((d) => d.externalId?.startsWith('demo/'))).toBe(true);
  });

  it('has several documents of every kind, in Chinese (both scripts), Russian and English', () => {
    const published = all.filter((d) => d.status === 'published');
    for (const type of ['minutes', 'cable', 'memorandum', 'letter', 'report']) {
      expect(published.filter((d) => d.type === type).length, type).toBeGreaterThanOrEqual(3);
    }
    const languages = new Set(published.flatMap((d) => d.languages));
    for (const language of ['zh', 'zh-Hant', 'ru', 'en']) expect(languages).toContain(language);
    const translationsPerDocument = published.map(
      (d) => d.assets.filter((a) => a.kind === 'translation').length,
    );
    expect(translationsPerDocument.filter((n) => n >= 2).length).toBeGreaterThanOrEqual(2);
    expect(
      published
        .filter((d) => d.languages[0] !== 'en')
        .every((d) => d.assets.some((a) => a.kind === 'translation')),
    ).toBe(true);
  });

  it('has dates of every precision: day with and without a time, month, year, decade, circa and a span', () => {
    const dates = all.map((d) => d.date).filter((d) => d !== null);
    for (const precision of ['day', 'month', 'year', 'decade']) {
      expect(
        dates.some((d) => d.precision === precision),
        precision,
      ).toBe(true);
    }
    expect(dates.some((d) => d.precision === 'day' && d.time !== null)).toBe(true);
    expect(dates.some((d) => d.precision === 'day' && d.time === null)).toBe(true);
    expect(dates.some((d) => d.circa)).toBe(true);
    expect(byExternalId('demo/1962-10-22-shipping-log').date).toMatchObject({
      start: '1962-10-22',
      end: '1962-11-20',
    });
  });

  it('nests collections and places', async () => {
    const authorities = createAuthoritiesRepository({ db: context.container.database.db });
    const chain = async (authorityKind: AuthorityKind, name: string) => {
      const id = await authorityId(authorityKind, name);
      const self = await authorities.findById(id!);
      const ancestors = await authorities.ancestors(id!);
      return [self!.name, ...ancestors.map((a) => a.name)];
    };
    const exodus = await chain('collection', 'Ili–Tacheng Exodus, 1962');
    expect(exodus.slice(0, 1)).toEqual(['Ili–Tacheng Exodus, 1962']);
    expect(exodus).toEqual(expect.arrayContaining(['Sino-Soviet Border', 'Sino-Soviet Relations']));
    expect(await chain('collection', 'Korean War')).toContain('Cold War in Asia');
    expect(await chain('place', 'Ili')).toEqual(expect.arrayContaining(['Xinjiang', 'China']));
    expect(await chain('place', 'Moscow')).toContain('Soviet Union');
    expect(await chain('place', 'Liuzhou')).toEqual(expect.arrayContaining(['Guangxi', 'China']));
  });

  it('knows people and places by their names in Latin, Cyrillic and Chinese, misspellings included', async () => {
    const mesyatsev = await authorityId('person', 'Nikolai Mesyatsev');
    expect(mesyatsev).toBeDefined();
    for (const name of ['Николай Месяцев', 'Mesyastev', '梅夏采夫'])
      expect(await authorityId('person', name)).toBe(mesyatsev);
    const zhou = await authorityId('person', 'Zhou Enlai');
    for (const name of ['周恩来', 'Чжоу Эньлай', 'Chou En-lai'])
      expect(await authorityId('person', name)).toBe(zhou);
    const xinjiang = await authorityId('place', 'Xinjiang');
    for (const name of ['新疆', 'Синьцзян']) expect(await authorityId('place', name)).toBe(xinjiang);
  });

  it('gives the 9 August 1962 record the metadata of the reference page and every tab', () => {
    const record = byExternalId('demo/1962-08-09-huang-mesyatsev');
    expect(record).toMatchObject({
      status: 'published',
      type: 'minutes',
      subtitle:
        'Statement of the Soviet Government concerning the Flight of Xinjiang Residents to the Soviet Union as Delivered by Mesyatsev',
      date: { start: '1962-08-09', end: '1962-08-09', precision: 'day', circa: false, time: '18:00' },
      archivalReference: 'PRC FMA 118-01767-01, 1-6',
      program: 'History and Public Policy Program Digital Archive',
      repository: { name: 'PRC Foreign Ministry Archive' },
      languages: ['zh'],
    });
    expect(record.title).toContain('Huang Zhen');
    expect(record.funders.map((f) => f.name)).toEqual(['MacArthur Foundation', 'Henry Luce Foundation']);
    expect(record.credits).toContainEqual({ role: 'translator', name: 'Meridian Language Services' });
    const roles = Object.fromEntries(record.agents.map((a) => [a.name, a.role]));
    expect(roles).toMatchObject({
      'Huang Zhen': 'participant',
      'Nikolai Mesyatsev': 'participant',
      'Zhang Hanfu': 'mentioned',
    });
    expect(record.places.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Xinjiang', 'China', 'Soviet Union', 'Sino-Soviet border']),
    );
    expect(record.assets.map((a) => [a.kind, a.language, a.mediaType])).toEqual([
      ['translation', 'en', null],
      ['transcript', 'zh', null],
      ['scan', 'zh', 'application/pdf'],
    ]);
    const english = record.assets[0]!.html!;
    expect(english).toContain('<strong class="speaker">Huang:</strong>');
    expect(english).toContain('<p class="header-line"><strong>Time:</strong> 9 August 1962, 6:00 p.m.</p>');
    expect(english).toContain('<span class="editorial">[Nikolai]</span>');
  });

  it('stores paragraph alignments for the side-by-side reader, one of them between texts of different lengths', async () => {
    const alignments = createAlignmentRepository({ db: context.container.database.db });
    const pairsOf = async (externalId: string) => {
      const record = byExternalId(externalId);
      const english = record.assets.find((a) => a.kind === 'translation')!;
      return (await alignments.forDocument(record.id)).get(english.id)?.pairs;
    };
    expect(await pairsOf('demo/1962-08-09-huang-mesyatsev')).toContainEqual({
      original: [2, 3, 4, 5, 6],
      translation: [2, 3, 4, 5, 6],
    });
    expect(await pairsOf('demo/1962-05-29-chervonenko-cable')).toEqual([
      { original: [2], translation: [2, 3] },
    ]);
    const cable = await (
      await context.app.request(
        `/documents/${byExternalId('demo/1962-05-29-chervonenko-cable').id}?view=side-by-side`,
      )
    ).text();
    expect(cable).toContain('Paragraphs are aligned as the editors matched them.');
  });

  it('links related documents both ways and attaches the Soviet statement to the minutes', () => {
    const minutes = byExternalId('demo/1962-08-09-huang-mesyatsev');
    const report = byExternalId('demo/1962-05-xinjiang-report');
    const statement = byExternalId('demo/1962-08-09-soviet-statement');
    expect(minutes.related.map((d) => d.id)).toContain(report.id);
    expect(report.related.map((d) => d.id)).toContain(minutes.id);
    expect(minutes.attachments.map((d) => d.id)).toEqual([statement.id]);
    expect(statement.attachedTo.map((d) => d.id)).toEqual([minutes.id]);
  });

  it('stores every generated scan in the blob store with its true page count', async () => {
    const scans = all.flatMap((d) =>
      d.assets.filter((a) => a.kind === 'scan').map((a) => ({ document: d, asset: a })),
    );
    expect(scans.filter(({ asset }) => asset.mediaType === 'application/pdf').length).toBeGreaterThanOrEqual(
      5,
    );
    expect(scans.some(({ asset }) => asset.mediaType === 'image/png')).toBe(true);
    for (const { document, asset } of scans) {
      const bytes = await readBlob(context, asset.blobSha256!);
      expect(bytes.length, document.externalId!).toBe(asset.byteSize);
      if (asset.mediaType === 'application/pdf') {
        expect((await PDFDocument.load(bytes)).getPageCount(), document.externalId!).toBe(asset.pageCount);
      } else {
        expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      }
    }
    expect(byExternalId('demo/1962-08-09-huang-mesyatsev').assets.at(-1)!.pageCount).toBe(2);
  });

  it('shows only the published documents through the JSON API', async () => {
    const response = await context.app.request('/api/v1/documents?per_page=100');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      total: number;
      documents: { title: string; externalId: string }[];
    };
    const published = all.filter((d) => d.status === 'published');
    expect(body.total).toBe(published.length);
    expect(body.documents.map((d) => d.externalId).sort()).toEqual(published.map((d) => d.externalId).sort());
    // Drafts do not exist for the public; a withdrawn record answers 410 Gone with its notice.
    for (const hidden of all.filter((d) => d.status !== 'published')) {
      const status = (await context.app.request(`/api/v1/documents/${hidden.id}`)).status;
      expect(status).toBe(hidden.status === 'withdrawn' ? 410 : 404);
    }
  });

  it('shows two themes with maps and timelines, a reader of published documents and described collections', async () => {
    for (const [name] of placePositions) expect(await authorityId('place', name), name).toBeDefined();
    const request = (url: string) => context.app.request(url);
    const themes = await (await request('/themes')).text();
    for (const theme of demoThemes) expect(themes).toContain(`href="/themes/${theme.slug}"`);
    const frontier = await (await request('/themes/sino-soviet-frontier')).text();
    expect(frontier.match(/<circle /g)?.length).toBeGreaterThanOrEqual(4);
    expect(frontier).toContain('Fighting on Zhenbao Island');
    expect(frontier).toMatch(/<h3 class="timeline__label">1969<\/h3><a /);
    // Every link an editor wrote into a demo event leads somewhere.
    for (const link of demoThemes.flatMap((t) => t.events.flatMap((e) => e.link ?? []))) {
      expect((await request(link)).status, link).toBe(200);
    }
    const reader = await (await request(`/readers/${demoReaders[0]!.slug}`)).text();
    expect(reader.match(/class="reader-item"/g)).toHaveLength(demoReaders[0]!.items.length);
    const collections = await (await request('/collections')).text();
    expect(collections).toContain('Records of the alliance between Beijing and Moscow');
    expect(collections).toContain('src="/collections/sino-soviet-relations/image"');
    expect((await request('/collections/sino-soviet-relations/image')).headers.get('content-type')).toBe(
      'image/png',
    );
  });

  it('changes nothing when loaded a second time', async () => {
    const before = await tableCounts(context);
    expect(await loadDemoArchive(context.container)).toEqual({ loaded: false, documents: 0 });
    expect(await tableCounts(context)).toEqual(before);
  });
});

describe('loading the demo into a database that is not empty', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext('sqlite');
  });
  afterAll(async () => {
    await context?.dispose();
  });

  it('never touches an archive that already holds a document, even a draft', async () => {
    const { db, dialect } = context.container.database;
    await saveDocument(
      { db, dialect },
      documentRecordSchema.parse({ title: 'A real record', status: 'draft' }),
      [],
    );
    expect(await loadDemoArchive(context.container)).toEqual({ loaded: false, documents: 0 });
    expect(await createDocumentsRepository({ db }).countAll()).toBe(1);
  });
});

describe('an interrupted demo load', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext('sqlite');
  });
  afterAll(async () => {
    await context?.dispose();
  });

  it(
    'is finished on the next start, without duplicating the records it had saved',
    async () => {
      const { db } = context.container.database;
      // The first start saved two records and then stopped before marking the load finished.
      await loadDemoArchive(context.container, demoDocuments.slice(1, 3));
      await createDemoRepository({ db }).writeState(demoLoadStates.loading);
      const blobsBefore = await tableCounts(context);

      expect(await loadDemoArchive(context.container)).toEqual({
        loaded: true,
        documents: demoDocuments.length,
      });
      const after = await tableCounts(context);
      expect(after.documents).toBe(demoDocuments.length);
      expect(after.blobs).toBeGreaterThan(blobsBefore.blobs);
      expect(await createDemoRepository({ db }).readState()).toBe(demoLoadStates.loaded);
    },
    loadTimeout,
  );
});
