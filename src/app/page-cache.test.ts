import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createPageCache, pageCacheKey } from './page-cache.ts';

/** A tiny app whose page counts its renders, with a content version the test moves by hand. */
function harness(options: { enabled?: boolean; maxEntries?: number; maxBytes?: number } = {}) {
  let version = 1;
  let renders = 0;
  const cache = createPageCache({
    enabled: options.enabled ?? true,
    currentVersion: async () => version,
    maxEntries: options.maxEntries,
    maxBytes: options.maxBytes,
  });
  const app = new Hono();
  app.get('/page/:name', (c) =>
    cache.respond(c, async () => {
      renders++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return `<!doctype html><p>${c.req.param('name')} v${version} render ${renders}</p>`;
    }),
  );
  return {
    app,
    cache,
    bump: () => {
      version++;
    },
    renders: () => renders,
  };
}

describe('the page cache', () => {
  it('keys pages by path and sorted query, so parameter order does not matter', () => {
    expect(pageCacheKey('http://x/documents/1?view=scan&a=1')).toBe(
      pageCacheKey('http://x/documents/1?a=1&view=scan'),
    );
    expect(pageCacheKey('http://x/documents/1')).toBe('/documents/1');
    expect(pageCacheKey('http://x/documents/1?view=scan')).not.toBe(pageCacheKey('http://x/documents/1'));
  });

  it('renders once per content version and again after the version changes', async () => {
    const h = harness();
    const first = await (await h.app.request('/page/a')).text();
    const second = await (await h.app.request('/page/a')).text();
    expect(second).toBe(first);
    expect(h.renders()).toBe(1);
    h.bump();
    const third = await (await h.app.request('/page/a')).text();
    expect(third).toContain('v2');
    expect(h.renders()).toBe(2);
  });

  it('renders every time when switched off', async () => {
    const h = harness({ enabled: false });
    await h.app.request('/page/a');
    await h.app.request('/page/a');
    expect(h.renders()).toBe(2);
    expect(h.cache.stats().entries).toBe(0);
  });

  it('lets concurrent requests for a stale page wait for a single render', async () => {
    const h = harness();
    const bodies = await Promise.all(
      Array.from({ length: 10 }, async () => (await h.app.request('/page/a')).text()),
    );
    expect(new Set(bodies).size).toBe(1);
    expect(h.renders()).toBe(1);
  });

  it('forgets the least recently used pages beyond its bound', async () => {
    const h = harness({ maxEntries: 2 });
    await h.app.request('/page/a');
    await h.app.request('/page/b');
    await h.app.request('/page/a');
    await h.app.request('/page/c');
    expect(h.cache.stats().entries).toBe(2);
    const before = h.renders();
    await h.app.request('/page/a');
    expect(h.renders()).toBe(before);
    await h.app.request('/page/b');
    expect(h.renders()).toBe(before + 1);
  });

  it('keeps the stored size within its byte bound', async () => {
    const h = harness({ maxBytes: 400 });
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) await h.app.request(`/page/${name}`);
    expect(h.cache.stats().bytes).toBeLessThanOrEqual(400);
    expect(h.cache.stats().entries).toBeGreaterThan(0);
  });

  it('answers a matching If-None-Match with 304 until the content changes', async () => {
    const h = harness();
    const first = await h.app.request('/page/a');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"1-/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const revalidated = await h.app.request('/page/a', { headers: { 'If-None-Match': etag } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    h.bump();
    const changed = await h.app.request('/page/a', { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('serves gzip to clients that accept it, and the same page decompressed', async () => {
    const h = harness();
    const plain = await (await h.app.request('/page/a')).text();
    const zipped = await h.app.request('/page/a', { headers: { 'Accept-Encoding': 'gzip, br' } });
    // Pages this small are not worth compressing.
    expect(zipped.headers.get('content-encoding')).toBeNull();
    expect(await zipped.text()).toBe(plain);
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
  });
});
