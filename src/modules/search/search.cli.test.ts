import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { main } from '../../cli/main.ts';
import { documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { readIndexStatus } from './search.indexer.ts';

describe('chancery reindex', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    const deps = { db: context.container.database.db, dialect: context.container.database.dialect };
    for (const n of [1, 2, 3]) {
      await saveDocument(
        deps,
        documentRecordSchema.parse({ externalId: `cli/${n}`, title: `Cable ${n} on trade` }),
        [],
      );
    }
    await saveDocument(deps, documentRecordSchema.parse({ title: 'A draft', status: 'draft' }), []);
  });
  afterAll(async () => {
    await context?.dispose();
  });

  it('rebuilds the index from the published records, reporting progress on stderr', async () => {
    const { db } = context.container.database;
    // As after an upgrade that changed the analyser: the index is marked stale and lost a row.
    await db.updateTable('search_state').set({ value: '0' }).execute();
    await db.deleteFrom('search_documents').where('document_id', '=', 1).execute();

    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    let code: number;
    try {
      code = await main(['reindex'], {
        CHANCERY_DATA_DIR: context.dataDir,
        DATABASE_URL: context.config.databaseUrl,
      });
    } finally {
      spy.mockRestore();
    }
    expect(code).toBe(0);
    expect(stderr).toContain('Reindexed 3 of 3 documents (100%');
    expect(stderr).toContain('The search index holds 3 documents');
    expect((await readIndexStatus(db)).current).toBe(true);
    const rows = await db
      .selectFrom('search_documents')
      .select('document_id')
      .orderBy('document_id')
      .execute();
    expect(rows.map((r) => r.document_id)).toEqual([1, 2, 3]);
  });
});
