import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { syncSearchIndexForAuthority } from './search.indexer.ts';
import { vocabularyEntry } from './search.keys.ts';
import { parseSearchParameters } from './search.schemas.ts';
import { suggestNames } from './search.suggest.ts';
import { searchDocuments } from './search.usecases.ts';

describe.each(databaseKinds())('keeping the search index in step on %s', (kind) => {
  let context: TestContext;
  const deps = () => ({ db: context.container.database.db, dialect: context.container.database.dialect });
  const found = async (q: string) => {
    const result = await searchDocuments(deps(), parseSearchParameters({ q: [q] }).request);
    return result.hits.map((h) => h.externalId);
  };

  beforeAll(async () => {
    context = await createTestContext(kind);
    await saveDocument(
      deps(),
      documentRecordSchema.parse({
        externalId: 'idx/1',
        title: 'Conversation in Ürümqi about the frontier',
        agents: [{ name: 'Nikita Khrushchev', role: 'participant' }],
        places: [{ name: 'Ürümqi', parent: 'Xinjiang' }],
      }),
      [],
    );
  });
  afterAll(async () => {
    await context?.dispose();
  });

  it('derives vocabulary keys in SQL exactly as the code looks them up', async () => {
    const rows = await deps().db.selectFrom('search_vocabulary').selectAll().orderBy('term').execute();
    expect(rows.map((r) => r.term)).toContain('urumqi');
    for (const row of rows) expect(row).toEqual(vocabularyEntry(row.term));
  });

  it('follows an authority changed outside a document save once asked to', async () => {
    const { db } = deps();
    const authorities = createAuthoritiesRepository({ db });
    const khrushchev = (await authorities.findIdByName('person', 'Nikita Khrushchev'))!;
    await authorities.addVariants(khrushchev, [{ name: 'Хрущёв', language: 'ru' }]);
    expect(await found('person:Хрущёв')).toEqual([]);
    expect(await suggestNames(deps(), 'хрущ')).toEqual([]);

    expect(await syncSearchIndexForAuthority(deps(), khrushchev)).toBe(1);
    expect(await found('person:Хрущёв')).toEqual(['idx/1']);
    expect((await suggestNames(deps(), 'хрущ')).map((s) => s.name)).toEqual(['Nikita Khrushchev']);

    // Renaming a broader place reaches the documents of the places within it.
    const xinjiang = (await authorities.findIdByName('place', 'Xinjiang'))!;
    await authorities.addVariants(xinjiang, [{ name: '新疆维吾尔自治区', language: 'zh' }]);
    expect(await syncSearchIndexForAuthority(deps(), xinjiang)).toBe(1);
    expect(await found('place:新疆维吾尔自治区')).toEqual(['idx/1']);
  });
});
