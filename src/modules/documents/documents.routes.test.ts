import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { documentRecordSchema } from './documents.schemas.ts';
import { saveDocument } from './documents.usecases.ts';

describe('the documents API', () => {
  let context: TestContext;
  const ids: number[] = [];

  beforeAll(async () => {
    context = await createTestContext();
    const deps = context.container.database;
    for (let n = 1; n <= 25; n++) {
      const { id } = await saveDocument(
        deps,
        documentRecordSchema.parse({
          externalId: `api/${n}`,
          title: `Cable number ${n}`,
          publishedAt: new Date(Date.UTC(2026, 0, n)).toISOString(),
        }),
        [],
      );
      ids.push(id);
    }
    await saveDocument(
      deps,
      documentRecordSchema.parse({ externalId: 'api/draft', title: 'Secret draft', status: 'draft' }),
      [],
    );
    await saveDocument(
      deps,
      documentRecordSchema.parse({
        externalId: 'api/linked',
        title: 'Linked record',
        related: [{ externalId: 'api/draft' }, { externalId: 'api/1' }],
        agents: [{ name: 'Zhou Enlai', role: 'author', variants: [{ name: '周恩来', language: 'zh' }] }],
        publishedAt: '2026-02-01T00:00:00.000Z',
      }),
      [],
    );
  });
  afterAll(async () => {
    await context.dispose();
  });

  const get = async (url: string) => {
    const response = await context.app.request(url);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('pages through published documents with a total', async () => {
    const first = await get('/api/v1/documents?per_page=10');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 26, page: 1, perPage: 10 });
    const third = await get('/api/v1/documents?per_page=10&page=3');
    expect((third.body.documents as unknown[]).length).toBe(6);
    const all = [
      ...(first.body.documents as { id: number }[]),
      ...((await get('/api/v1/documents?per_page=10&page=2')).body.documents as { id: number }[]),
      ...(third.body.documents as { id: number }[]),
    ].map((d) => d.id);
    expect(new Set(all).size).toBe(26);
  });

  it('never lists drafts', async () => {
    const { body } = await get('/api/v1/documents?per_page=100');
    expect((body.documents as { title: string }[]).map((d) => d.title)).not.toContain('Secret draft');
  });

  it.each(['page=-1', 'page=abc', 'per_page=0', 'per_page=100000', 'page=1e9', 'per_page=%00'])(
    'treats nonsense paging (%s) sensibly instead of failing',
    async (query) => {
      const { status, body } = await get(`/api/v1/documents?${query}`);
      expect(status).toBe(200);
      expect(body.perPage).toBeLessThanOrEqual(100);
    },
  );

  it('returns the whole record with authorities, their names and the external ID', async () => {
    const list = await get('/api/v1/documents?per_page=1');
    const newest = (list.body.documents as { id: number }[])[0]!;
    const { status, body } = await get(`/api/v1/documents/${newest.id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      externalId: 'api/linked',
      title: 'Linked record',
      agents: [{ name: 'Zhou Enlai', role: 'author', variants: [{ name: '周恩来', language: 'zh' }] }],
    });
    // The link to the draft is dropped; the link to the published record stays.
    expect((body.related as { externalId: string }[]).map((d) => d.externalId)).toEqual(['api/1']);
  });

  it.each(['abc', '0', '-5', '1.5', '99999999999', '%00'])(
    'answers /api/v1/documents/%s with a JSON 404',
    async (id) => {
      const { status, body } = await get(`/api/v1/documents/${id}`);
      expect(status).toBe(404);
      expect(body).toMatchObject({ error: { code: 'documents.not_found' } });
    },
  );
});
