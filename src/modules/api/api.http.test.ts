import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { type DocumentRecordInput, documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import {
  authorityDetailSchema,
  authorityListSchema,
  collectionDetailSchema,
  collectionListSchema,
  documentListSchema,
  documentSchema,
  errorSchema,
} from './api.schemas.ts';

describe.each(databaseKinds())('the open API: collections, authorities, caching, CORS (%s)', (kind) => {
  let context: TestContext;
  const ids: Record<string, number> = {};
  const save = async (key: string, record: DocumentRecordInput) => {
    ids[key] = (await saveDocument(context.container.database, documentRecordSchema.parse(record), [])).id;
  };

  beforeAll(async () => {
    context = await createTestContext(kind);
    await save('talk', {
      externalId: 'api/talk',
      title: 'Conversation on the border',
      summary: 'Border talks',
      agents: [
        { name: 'Zhang Hanfu', role: 'author', variants: [{ name: '章汉夫', language: 'zh' }] },
        { name: 'Nikolai Sudarikov', role: 'recipient' },
      ],
      subjects: ['Border disputes'],
      collections: [{ name: 'Sino-Soviet split', parent: 'Cold War' }],
    });
    await save('cable', {
      externalId: 'api/cable',
      title: 'Cable from Moscow',
      agents: [{ name: 'Zhang Hanfu', role: 'mentioned' }],
      collections: ['Cold War', { name: 'Sino-Soviet split', parent: 'Cold War' }],
    });
    await save('draft', {
      externalId: 'api/draft',
      title: 'Draft',
      status: 'draft',
      agents: [{ name: 'Hidden Informant', role: 'author' }],
      collections: ['Covert work', 'Cold War'],
    });
  });
  afterAll(async () => {
    await context.dispose();
  });

  const getJson = async (url: string, init?: RequestInit) => {
    const response = await context.app.request(url, init);
    return { response, body: response.status === 304 ? null : ((await response.json()) as unknown) };
  };

  it('lists collections as a tree with distinct published document counts, hiding draft-only ones', async () => {
    const { response, body } = await getJson('/api/v1/collections');
    expect(response.status).toBe(200);
    const list = collectionListSchema.parse(body);
    expect(list.total).toBe(1);
    const [coldWar] = list.collections;
    expect(coldWar?.name).toBe('Cold War');
    expect(coldWar?.documentCount).toBe(2);
    expect(coldWar?.children.map((c) => [c.name, c.documentCount])).toEqual([['Sino-Soviet split', 2]]);
    expect(JSON.stringify(body)).not.toContain('Covert work');
  });

  it('shows one collection with its nested collections and documents, and 404 for a draft-only one', async () => {
    const { body } = await getJson('/api/v1/collections/cold-war?per_page=1');
    const detail = collectionDetailSchema.parse(body);
    expect(detail.documentCount).toBe(2);
    expect(detail.children[0]?.slug).toBe('sino-soviet-split');
    expect(detail.documents.items.length).toBeLessThanOrEqual(1);
    expect(JSON.stringify(body)).not.toContain('Draft');
    const hidden = await getJson('/api/v1/collections/covert-work');
    expect(hidden.response.status).toBe(404);
    errorSchema.parse(hidden.body);
  });

  it('pages through authorities of one kind with a total, never naming people known only from drafts', async () => {
    const { body } = await getJson('/api/v1/authorities?kind=person&per_page=1');
    const first = authorityListSchema.parse(body);
    expect(first.total).toBe(2);
    expect(first.authorities).toHaveLength(1);
    const second = authorityListSchema.parse(
      (await getJson('/api/v1/authorities?kind=person&per_page=1&page=2')).body,
    );
    const names = [...first.authorities, ...second.authorities].map((a) => a.name).sort();
    expect(names).toEqual(['Nikolai Sudarikov', 'Zhang Hanfu']);
    const all = await getJson('/api/v1/authorities?per_page=100');
    expect(JSON.stringify(all.body)).not.toContain('Hidden Informant');
    expect((await getJson('/api/v1/authorities?kind=spy')).response.status).toBe(400);
  });

  it('shows an authority with its name variants and linked documents with roles', async () => {
    const list = authorityListSchema.parse((await getJson('/api/v1/authorities?kind=person')).body);
    const zhang = list.authorities.find((a) => a.name === 'Zhang Hanfu')!;
    const detail = authorityDetailSchema.parse((await getJson(`/api/v1/authorities/${zhang.id}`)).body);
    expect(detail.variants).toEqual([{ name: '章汉夫', language: 'zh' }]);
    expect(detail.documents.total).toBe(2);
    expect(detail.documents.items.map((d) => [d.title, d.roles])).toEqual(
      expect.arrayContaining([
        ['Conversation on the border', ['author']],
        ['Cable from Moscow', ['mentioned']],
      ]),
    );
    for (const bad of ['999999', 'abc', '-1', '1e3']) {
      expect((await getJson(`/api/v1/authorities/${bad}`)).response.status).toBe(404);
    }
  });

  it('answers documents in the shapes the OpenAPI document describes', async () => {
    const list = documentListSchema.parse((await getJson('/api/v1/documents')).body);
    expect(list.total).toBe(2);
    documentSchema.parse((await getJson(`/api/v1/documents/${ids.talk}`)).body);
  });

  it('sends a weak ETag and answers 304 when it still matches', async () => {
    const first = await getJson('/api/v1/collections');
    const tag = first.response.headers.get('etag');
    expect(tag).toMatch(/^W\/"/);
    const again = await context.app.request('/api/v1/collections', { headers: { 'If-None-Match': tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await context.app.request('/api/v1/collections', {
      headers: { 'If-None-Match': 'W/"stale"' },
    });
    expect(other.status).toBe(200);
  });

  it('allows cross-origin reads without credentials, and preflights for reading only', async () => {
    const read = await context.app.request('/api/v1/documents', {
      headers: { Origin: 'https://elsewhere.example' },
    });
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await context.app.request('/api/v1/documents', {
      method: 'OPTIONS',
      headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    const methods = preflight.headers.get('access-control-allow-methods') ?? '';
    expect(methods).toContain('GET');
    expect(methods).not.toMatch(/POST|PUT|DELETE|PATCH/);
  });

  it('publishes an OpenAPI 3.1 document whose references all resolve', async () => {
    const { response, body } = await getJson('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const doc = body as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/documents/{id}', '/api/v1/collections', '/api/v1/authorities/{id}']) {
      expect(doc.paths[path]).toBeDefined();
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
    expect(JSON.stringify(doc.components.schemas.Document)).toContain('archivalReference');
  });

  it('documents the API on a readable page', async () => {
    const response = await context.app.request('/api');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    for (const path of [
      '/api/v1/documents',
      '/api/v1/collections/{slug}',
      '/api/v1/authorities',
      '/api/v1/openapi.json',
    ]) {
      expect(html).toContain(path);
    }
  });
});

describe('the API rate limit', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext('sqlite', {
      CHANCERY_API_RATE_LIMIT: '3',
      CHANCERY_TRUST_PROXY: 'true',
    });
  });
  afterAll(async () => {
    await context.dispose();
  });

  const from = (ip: string) => ({ headers: { 'X-Forwarded-For': ip } });

  it('answers 429 with Retry-After once an address has used its requests, counting each address apart', async () => {
    for (let n = 0; n < 3; n++)
      expect((await context.app.request('/api/v1/documents', from('203.0.113.5'))).status).toBe(200);
    const limited = await context.app.request('/api/v1/documents', from('203.0.113.5'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await context.app.request('/api/v1/documents', from('198.51.100.7'))).status).toBe(200);
    // Pages and other machine interfaces are not counted against the API.
    expect((await context.app.request('/robots.txt', from('203.0.113.5'))).status).toBe(200);
  });
});
