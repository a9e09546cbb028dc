import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { createDocumentsRepository } from './documents.repository.ts';
import { type DocumentRecordInput, documentRecordSchema } from './documents.schemas.ts';
import { RecordFieldError, saveDocument } from './documents.usecases.ts';

const record = (input: DocumentRecordInput) => documentRecordSchema.parse(input);

describe.each(databaseKinds())('document storage on %s', (kind) => {
  let context: TestContext;
  const deps = () => ({ db: context.container.database.db, dialect: context.container.database.dialect });

  beforeAll(async () => {
    context = await createTestContext(kind);
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('stores a whole record and reads back every field', async () => {
    const { id, created } = await saveDocument(
      deps(),
      record({
        externalId: 'storage/full',
        title: 'Minutes of a conversation',
        subtitle: 'A statement on border crossings',
        summary: 'Two officials discuss the border.',
        date: { start: '1962-08-09', time: '18:00' },
        placeOfOrigin: 'Beijing',
        type: 'minutes',
        classifications: ['Secret', 'Eyes Only'],
        languages: ['chi', 'en'],
        repository: 'Foreign Ministry Archive',
        archivalReference: 'FMA 118-01767-01, 1-6',
        program: 'Sino-Soviet Relations',
        credits: [{ role: 'translator', name: 'A Translation Agency' }],
        funders: ['A Foundation'],
        rights: 'Public domain',
        subjects: ['Border crossings'],
        places: [{ name: 'Xinjiang', parent: 'China', variants: [{ name: '新疆', language: 'zh' }] }],
        agents: [
          { name: 'Huang Zhen', role: 'participant', variants: [{ name: '黄镇', language: 'zh' }] },
          { name: 'Soviet Embassy in Beijing', kind: 'organization', role: 'participant' },
        ],
        collections: [{ name: 'Xinjiang Border', parent: 'Sino-Soviet Relations' }],
        assets: [
          {
            kind: 'translation',
            language: 'en',
            translator: 'A Translation Agency',
            html: '<p>Huang: Hello.</p>',
          },
        ],
      }),
      [
        {
          kind: 'translation',
          language: 'en',
          label: null,
          translator: 'A Translation Agency',
          html: '<p>Huang: Hello.</p>',
          blobSha256: null,
          fileName: null,
          mediaType: null,
          pageCount: null,
          blob: null,
        },
      ],
    );
    expect(created).toBe(true);

    const stored = await createDocumentsRepository({ db: deps().db }).findById(id);
    expect(stored).toMatchObject({
      externalId: 'storage/full',
      status: 'published',
      subtitle: 'A statement on border crossings',
      date: { start: '1962-08-09', end: '1962-08-09', precision: 'day', circa: false, time: '18:00' },
      classifications: ['Secret', 'Eyes Only'],
      languages: ['zh', 'en'],
      repository: { name: 'Foreign Ministry Archive', kind: 'repository' },
      archivalReference: 'FMA 118-01767-01, 1-6',
      credits: [{ role: 'translator', name: 'A Translation Agency' }],
      funders: [{ name: 'A Foundation' }],
      subjects: [{ name: 'Border crossings' }],
      places: [{ name: 'Xinjiang', variants: [{ name: '新疆', language: 'zh' }] }],
      agents: [
        { name: 'Huang Zhen', kind: 'person', role: 'participant' },
        { name: 'Soviet Embassy in Beijing', kind: 'organization', role: 'participant' },
      ],
      collections: [{ name: 'Xinjiang Border' }],
      assets: [{ kind: 'translation', language: 'en', html: '<p>Huang: Hello.</p>' }],
    });
    expect(stored?.publishedAt).not.toBeNull();

    const authorities = createAuthoritiesRepository({ db: deps().db });
    const xinjiang = stored!.places[0]!;
    const china = await authorities.findById(xinjiang.parentId!);
    expect(china?.name).toBe('China');
  });

  it('updates the record with the same external ID instead of adding another', async () => {
    const first = await saveDocument(
      deps(),
      record({ externalId: 'storage/update', title: 'First title' }),
      [],
    );
    const second = await saveDocument(
      deps(),
      record({ externalId: 'storage/update', title: 'Corrected title', classifications: ['Confidential'] }),
      [],
    );
    expect(second).toMatchObject({ id: first.id, created: false });
    const stored = await createDocumentsRepository({ db: deps().db }).findById(first.id);
    expect(stored).toMatchObject({ title: 'Corrected title', classifications: ['Confidential'] });
  });

  it('matches authorities by any name variant, whatever the case or script', async () => {
    const a = await saveDocument(
      deps(),
      record({
        title: 'A',
        agents: [{ name: 'Nikolai Mesyatsev', variants: [{ name: 'Николай Месяцев', language: 'ru' }] }],
      }),
      [],
    );
    const b = await saveDocument(
      deps(),
      record({ title: 'B', agents: [{ name: 'николай месяцев', role: 'author' }] }),
      [],
    );
    const repo = createDocumentsRepository({ db: deps().db });
    const [docA, docB] = [await repo.findById(a.id), await repo.findById(b.id)];
    expect(docB!.agents[0]!.id).toBe(docA!.agents[0]!.id);
    expect(docB!.agents[0]!.name).toBe('Nikolai Mesyatsev');
    expect(docB!.agents[0]!.role).toBe('author');
  });

  it('shows a related-document link on both documents', async () => {
    const target = await saveDocument(deps(), record({ externalId: 'storage/target', title: 'Target' }), []);
    const source = await saveDocument(
      deps(),
      record({ externalId: 'storage/source', title: 'Source', related: [{ externalId: 'storage/target' }] }),
      [],
    );
    const repo = createDocumentsRepository({ db: deps().db });
    expect((await repo.findById(source.id))!.related.map((d) => d.id)).toEqual([target.id]);
    expect((await repo.findById(target.id))!.related.map((d) => d.id)).toEqual([source.id]);
  });

  it('rejects a link to a missing document and writes nothing of that record', async () => {
    const before = await createDocumentsRepository({ db: deps().db }).countAll();
    await expect(
      saveDocument(
        deps(),
        record({ externalId: 'storage/broken', title: 'Broken', related: [{ externalId: 'nowhere' }] }),
        [],
      ),
    ).rejects.toBeInstanceOf(RecordFieldError);
    const repo = createDocumentsRepository({ db: deps().db });
    expect(await repo.countAll()).toBe(before);
    expect(await repo.findIdByExternalId('storage/broken')).toBeUndefined();
  });

  it('never gives a deleted record ID to another document', async () => {
    const repo = createDocumentsRepository({ db: deps().db });
    const doomed = await saveDocument(deps(), record({ title: 'Doomed' }), []);
    await repo.delete(doomed.id);
    const next = await saveDocument(deps(), record({ title: 'Next' }), []);
    expect(next.id).toBeGreaterThan(doomed.id);
    const reclaimed = await saveDocument(
      deps(),
      record({ id: doomed.id, title: 'Tries the old number' }),
      [],
    );
    expect(reclaimed.id).not.toBe(doomed.id);
  });

  it('keeps a record ID from an import when the number was never issued', async () => {
    const repo = createDocumentsRepository({ db: deps().db });
    const wanted = (await repo.allIds()).reduce((a, b) => Math.max(a, b), 0) + 100;
    const kept = await saveDocument(deps(), record({ id: wanted, title: 'Kept number' }), []);
    expect(kept.id).toBe(wanted);
    const after = await saveDocument(deps(), record({ title: 'After' }), []);
    expect(after.id).toBe(wanted + 1);
  });

  it('lists only published documents, newest first, with a total', async () => {
    await saveDocument(deps(), record({ title: 'Hidden draft', status: 'draft' }), []);
    const repo = createDocumentsRepository({ db: deps().db });
    const { total, items } = await repo.listPublished({ limit: 100, offset: 0 });
    expect(items.every((d) => d.status === 'published')).toBe(true);
    expect(items.map((d) => d.title)).not.toContain('Hidden draft');
    expect(total).toBe(items.length);
  });
});
