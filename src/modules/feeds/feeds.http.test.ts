import { execFileSync } from 'node:child_process';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { type DocumentRecordInput, documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { sitemapRoutes } from './sitemap.routes.ts';

/** xmllint's well-formedness check: a feed reader rejects a whole feed for one bad character. */
function assertWellFormed(xml: string) {
  execFileSync('xmllint', ['--noout', '--nonet', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
}

describe.each(databaseKinds())('sitemaps, robots.txt and Atom feeds (%s)', (kind) => {
  let context: TestContext;
  const ids: Record<string, number> = {};
  const save = async (key: string, record: DocumentRecordInput) => {
    ids[key] = (await saveDocument(context.container.database, documentRecordSchema.parse(record), [])).id;
  };

  beforeAll(async () => {
    context = await createTestContext(kind);
    for (let n = 1; n <= 5; n++) {
      await save(`doc${n}`, {
        externalId: `feed/${n}`,
        title: `Telegram ${n} on \u0001the border & <trade>`,
        summary: n === 1 ? 'A summary with "quotes"' : null,
        type: 'telegram',
        collections: n <= 2 ? [{ name: 'Border talks', parent: 'Sino-Soviet relations' }] : [],
        agents: [{ name: 'Chen Yi', role: 'author' }],
        publishedAt: `2026-03-0${n}T09:00:00.000Z`,
      });
    }
    await save('draft', {
      externalId: 'feed/draft',
      title: 'Draft never shown',
      status: 'draft',
      collections: ['Border talks', 'Covert channel'],
      agents: [{ name: 'Unseen Person', role: 'author' }],
    });
    await save('gone', { externalId: 'feed/gone', title: 'Withdrawn record', status: 'withdrawn' });
  });
  afterAll(async () => {
    await context.dispose();
  });

  const text = async (url: string, app: Hono | TestContext['app'] = context.app) => {
    const response = await app.request(url);
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  };
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);

  it('lists published documents, collections and reachable authorities in one sitemap', async () => {
    const { status, type, body } = await text('/sitemap.xml');
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/xml/);
    assertWellFormed(body);
    expect(body).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const urls = locs(body);
    for (let n = 1; n <= 5; n++) expect(urls).toContain(`http://archive.test/documents/${ids[`doc${n}`]}`);
    expect(urls).not.toContain(`http://archive.test/documents/${ids.draft}`);
    expect(urls).not.toContain(`http://archive.test/documents/${ids.gone}`);
    expect(urls).toContain('http://archive.test/collections/border-talks');
    expect(urls).toContain('http://archive.test/collections/sino-soviet-relations');
    expect(urls).not.toContain('http://archive.test/collections/covert-channel');
    expect(urls.filter((url) => url?.startsWith('http://archive.test/people/')).length).toBe(1);
    expect(urls).toContain('http://archive.test/');
    expect(urls.some((url) => url?.startsWith('http://archive.test/people/'))).toBe(true);
    expect(body).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z<\/lastmod>/);
  });

  it('becomes a sitemap index past the per-file limit, and every listed file serves its share', async () => {
    const small = new Hono().route('/', sitemapRoutes(context.container, { urlsPerSitemap: 3 }));
    const index = await text('/sitemap.xml', small);
    assertWellFormed(index.body);
    expect(index.body).toContain('<sitemapindex');
    const files = locs(index.body).map((url) => url!.replace('http://archive.test', ''));
    expect(files).toContain('/sitemaps/documents-1.xml');
    expect(files).toContain('/sitemaps/documents-2.xml');
    expect(files).not.toContain('/sitemaps/documents-3.xml');
    const all: string[] = [];
    for (const file of files) {
      const part = await text(file, small);
      expect(part.status).toBe(200);
      assertWellFormed(part.body);
      const urls = locs(part.body);
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.length).toBeLessThanOrEqual(3);
      all.push(...(urls as string[]));
    }
    expect(all.filter((url) => url.includes('/documents/')).length).toBe(5);
    expect(new Set(all).size).toBe(all.length);
    expect((await text('/sitemaps/documents-3.xml', small)).status).toBe(404);
    expect((await text('/sitemaps/documents-0.xml', small)).status).toBe(404);
    expect((await text('/sitemaps/../../etc/passwd', small)).status).toBe(404);
  });

  it('tells crawlers where the sitemap is and keeps them out of the workspace', async () => {
    const { status, body } = await text('/robots.txt');
    expect(status).toBe(200);
    expect(body).toContain('Sitemap: http://archive.test/sitemap.xml');
    expect(body).toMatch(/^Disallow: \/admin$/m);
    expect(body).toMatch(/^Disallow: \/api\/$/m);
  });

  it('publishes an Atom feed of new documents, newest first, escaped and without drafts', async () => {
    const { status, type, body } = await text('/feed.xml');
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/atom\+xml/);
    assertWellFormed(body);
    expect(body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(body).toContain(
      '<link rel="self" type="application/atom+xml" href="http://archive.test/feed.xml"/>',
    );
    expect(body).toContain('<author><name>');
    const entryIds = [...body.matchAll(/<entry><title>[^<]*<\/title><id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(entryIds).toEqual([5, 4, 3, 2, 1].map((n) => `http://archive.test/documents/${ids[`doc${n}`]}`));
    expect(body).toContain('Telegram 1 on the border &amp; &lt;trade&gt;');
    expect(body).toContain('<published>2026-03-01T09:00:00Z</published>');
    expect(body).toContain('<summary type="text">A summary with &quot;quotes&quot;</summary>');
    expect(body).not.toContain('Draft never shown');
    expect(body).not.toContain('Withdrawn record');
    expect(body).toMatch(/<feed[^>]*><title>[^<]+<\/title>.*<updated>2026-/s);
  });

  it('publishes a feed per collection that includes nested collections', async () => {
    const child = await text('/collections/border-talks/feed.xml');
    expect(child.status).toBe(200);
    assertWellFormed(child.body);
    expect(child.body.match(/<entry>/g)?.length).toBe(2);
    expect(child.body).not.toContain('Draft never shown');
    const parent = await text('/collections/sino-soviet-relations/feed.xml');
    expect(parent.body.match(/<entry>/g)?.length).toBe(2);
    expect((await text('/collections/no-such-collection/feed.xml')).status).toBe(404);
    expect((await text('/collections/covert-channel/feed.xml')).status).toBe(404);
  });

  it('announces the feeds in the heads of the home and collection pages', async () => {
    expect((await text('/')).body).toContain('<link rel="alternate" type="application/atom+xml"');
    expect((await text('/collections/border-talks')).body).toContain(
      'href="/collections/border-talks/feed.xml"',
    );
  });
});
