import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { huangZhenRecord, saveFixture, tinyPdf, tinyPng } from './documents.pages.fixtures.ts';

/** Positions of markers in the page; -1 (missing) fails the order check with a readable message. */
function expectInOrder(html: string, markers: string[]) {
  let from = 0;
  for (const marker of markers) {
    const at = html.indexOf(marker, from);
    expect(at, `"${marker}" should come after the previous marker`).toBeGreaterThan(-1);
    from = at + marker.length;
  }
}

/** The opening tag of the element with this id. */
const elementWithId = (html: string, id: string) => {
  const start = html.lastIndexOf('<', html.indexOf(`id="${id}"`));
  return html.slice(start, html.indexOf('>', start) + 1);
};

describe.each(databaseKinds())('the public document page on %s', (kind) => {
  let context: TestContext;
  let id: number;
  let scanId: number;

  beforeAll(async () => {
    context = await createTestContext(kind, { CHANCERY_PAGE_CACHE: 'off' });
    id = await saveFixture(context, huangZhenRecord(), [
      {
        kind: 'scan',
        bytes: tinyPdf(),
        fileName: 'PRC FMA 118-01767-01.pdf',
        mediaType: 'application/pdf',
        pageCount: 6,
      },
    ]);
    scanId = await saveFixture(
      context,
      huangZhenRecord({ externalId: 'fixture/image-only', title: 'Photograph of a border post', assets: [] }),
      [{ kind: 'scan', bytes: tinyPng(), fileName: 'post.png', mediaType: 'image/png' }],
    );
  });
  afterAll(async () => {
    await context.dispose();
  });

  const get = (path: string, headers: Record<string, string> = {}) => context.app.request(path, { headers });

  it('shows every element of the reference page, in the reference order', async () => {
    const response = await get(`/documents/${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expectInOrder(html, [
      'Search in',
      'class="document-date"',
      'August 09, 1962',
      '6:00 p.m.',
      'This document was made possible with support from',
      'MacArthur Foundation',
      'Henry Luce Foundation',
      'Get citation',
      '>Share<',
      'class="document-summary"',
      'A vice foreign minister receives the acting Soviet chargé',
      'class="citation-line"',
      '“Minutes of Vice Minister Huang Zhen',
      'August 9, 1962',
      'History and Public Policy Program, Chancery Digital Archive',
      'PRC Foreign Ministry Archive, PRC FMA 118-01767-01, 1-6',
      'Translated by Example Translation Agency',
      'Permanent link',
      'class="version-tabs"',
      'English translation',
      'Chinese original',
      'Original scan',
      'class="document-text"',
      'We have received the statement.',
      'class="document-meta"',
    ]);
  });

  it('links funders and every authority in the metadata to their own pages', async () => {
    const html = await (await get(`/documents/${id}`)).text();
    expect(html).toMatch(/<a href="\/funders\/\d+">MacArthur Foundation<\/a>/);
    expect(html).toMatch(/<a href="\/repositories\/\d+">PRC Foreign Ministry Archive<\/a>/);
    expect(html).toMatch(/<a href="\/people\/\d+">Huang Zhen<\/a>/);
    expect(html).toMatch(/<a href="\/places\/\d+">Xinjiang<\/a>/);
    expect(html).toMatch(/<a href="\/subjects\/\d+">Illegal border crossings<\/a>/);
    expect(html).toMatch(/<a href="\/collections\/xinjiang-border-crossings">Xinjiang Border Crossings<\/a>/);
    expectInOrder(html, [
      'Record ID',
      `>${id}<`,
      'Original archive',
      'Original classification',
      'Secret',
      'Language of the original',
      'Chinese',
      'Rights',
      'Subjects',
      'Places',
      'Participants',
      'Mentioned',
      'Collections',
      'Program',
      'Translated by',
      'Funders',
      'First published',
      'Last updated',
    ]);
  });

  it('offers the citation in a disclosure that works without JavaScript, with a copy button for scripts', async () => {
    const html = await (await get(`/documents/${id}`)).text();
    const box = html.slice(html.indexOf('<details class="action" id="cite">'), html.indexOf('</details>'));
    expect(box).toContain('<summary class="action__summary">Get citation</summary>');
    expect(box).toContain(
      `<span class="citation-credit">trans. Example Translation Agency</span>, <a href="http://archive.test/documents/${id}">`,
    );
    expect(box).toMatch(
      /<button type="button" class="copy-button" data-copy-text="“Minutes of Vice Minister[^"]*"[^>]*hidden/,
    );
  });

  it('offers the permanent link and an e-mail link with subject and body', async () => {
    const html = await (await get(`/documents/${id}`)).text();
    expect(html).toContain(`value="http://archive.test/documents/${id}"`);
    const attribute = /href="(mailto:[^"]+)"/.exec(html)?.[1] ?? '';
    const mailto = attribute.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
    const url = new URL(mailto);
    expect(url.searchParams.get('subject')).toContain("Minutes of Vice Minister Huang Zhen's Talk");
    expect(url.searchParams.get('body')).toContain(`http://archive.test/documents/${id}`);
  });

  it('makes each version a real link and switches the version shown by ?view=', async () => {
    const html = await (await get(`/documents/${id}`)).text();
    expect(html).toContain(`href="/documents/${id}?view=translation-en"`);
    expect(html).toContain(`href="/documents/${id}?view=original-zh"`);
    expect(html).toContain(`href="/documents/${id}?view=scan"`);
    // The English translation is the default: its tab is current and its panel is not hidden.
    expect(elementWithId(html, 'tab-translation-en')).toContain('aria-current="page"');
    expect(elementWithId(html, 'version-translation-en')).not.toContain('hidden');
    expect(elementWithId(html, 'version-original-zh')).toContain('hidden');

    const chinese = await (await get(`/documents/${id}?view=original-zh`)).text();
    expect(elementWithId(chinese, 'tab-original-zh')).toContain('aria-current="page"');
    expect(elementWithId(chinese, 'tab-translation-en')).not.toContain('aria-current');
    expect(elementWithId(chinese, 'version-original-zh')).not.toContain('hidden');
    expect(elementWithId(chinese, 'version-translation-en')).toContain('hidden');
    expect(chinese).toContain(
      `<link rel="canonical" href="http://archive.test/documents/${id}?view=original-zh"/>`,
    );
  });

  it('falls back to the default version for an unknown or malformed ?view=', async () => {
    for (const view of ['nonsense', '', '%00', 'scan-9', '<script>']) {
      const response = await get(`/documents/${id}?view=${encodeURIComponent(view)}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(elementWithId(html, 'tab-translation-en')).toContain('aria-current="page"');
      expect(html).not.toContain('<script>');
    }
  });

  it('marks the Chinese transcript and names in other scripts with their language', async () => {
    const html = await (await get(`/documents/${id}?view=original-zh`)).text();
    expect(html).toMatch(/<div class="document-text document-text--foreign" lang="zh"><h3>谈话记录<\/h3>/);
    expect(html).toContain('<span class="name-variant" lang="zh">黄镇</span>');
    expect(html).toContain('<span class="name-variant" lang="ru">Николай Месяцев</span>');
    expect(html).toContain('<link rel="stylesheet" href="/fonts/chinese.css"/>');
    // The English translation says its language too, so a reader's tools never guess.
    expect(html).toMatch(/<div class="document-text" lang="en">/);
  });

  it('keeps the text structured, with its headings under the page title', async () => {
    const html = await (await get(`/documents/${id}`)).text();
    expect(html).toContain('<h1 id="document-title" class="document-title">');
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    // Each paragraph carries its anchor (p-<n>) and its "link to this paragraph" link.
    expect(html).toMatch(
      /<h3>Minutes<\/h3><p id="p-1" class="header-line"><a class="paragraph-link" href="[^"]+#p-1"[^>]*>¶<\/a>Time: 9 August 1962, 6:00 p\.m\.<\/p>/,
    );
    expect(html).toContain('<span class="speaker">Huang:</span>');
  });

  it('embeds a PDF scan with the fallback links a browser without a PDF viewer needs', async () => {
    const html = await (await get(`/documents/${id}?view=scan`)).text();
    const src = /<object class="pdf-viewer__object" data="([^"]+)" type="application\/pdf"/.exec(html)?.[1];
    expect(src).toMatch(new RegExp(`^/documents/${id}/files/\\d+/PRC%20FMA%20118-01767-01\\.pdf$`));
    expect(html).toContain('This browser cannot display PDF files.');
    expect(html).toContain(`href="${src}?download=1">Download the PDF</a>`);
    expect(html).toMatch(/target="_blank" rel="noopener">\s*open the PDF in a new window/);
    expect(html).toContain('PDF, 6 pages');

    const download = await get(`${src}?download=1`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(new TextDecoder().decode(await download.arrayBuffer())).toMatch(/^%PDF-/);
  });

  it('leaves the PDF out of the page until its version is shown, so it is not downloaded needlessly', async () => {
    const html = await (await get(`/documents/${id}`)).text();
    expect(html).not.toContain('<object');
    expect(html).toMatch(/<div class="pdf-viewer" data-pdf-src="\/documents\/\d+\/files\/\d+\//);
  });

  it('shows an image scan as an image with alternative text', async () => {
    const html = await (await get(`/documents/${scanId}`)).text();
    expect(html).toMatch(
      /<img src="\/documents\/\d+\/files\/\d+\/post\.png" alt="Original scan: Photograph of a border post"/,
    );
  });

  it('escapes markup in titles and summaries instead of running it', async () => {
    const evil = await saveFixture(
      context,
      huangZhenRecord({
        externalId: 'fixture/evil',
        title: 'Cable <script>alert("title")</script>',
        summary: '<img src=x onerror=alert(1)> summary',
        assets: [
          { kind: 'translation', language: 'en', html: '<p onclick="x()">Text<script>alert(2)</script></p>' },
        ],
      }),
    );
    const html = await (await get(`/documents/${evil}`)).text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('onclick');
    expect(html).toContain('Cable &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    // One script to run (app.js); the JSON-LD data block escapes its `<` and never ends early.
    expect(html.match(/<script\b(?![^>]*application\/ld\+json)/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it('says so when a document has neither text nor scan', async () => {
    const bare = await saveFixture(context, { title: 'A record without text', externalId: 'fixture/bare' });
    const html = await (await get(`/documents/${bare}`)).text();
    expect(html).toContain('No text or scan of this document has been published yet.');
    expect(html).not.toContain('class="version-tabs"');
    expect(html).toContain('Undated');
  });

  it.each([
    '/documents/999999999999',
    '/documents/424242',
    '/documents/abc',
    '/documents/%00',
    '/documents/1.5',
    '/documents/-1',
    '/documents/0',
    '/documents/01',
    '/documents/%E2%80%AE1',
  ])('answers %s with a helpful 404 page', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('Page not found');
    expect(html).toMatch(/record ID/);
    expect(html).toContain('action="/search"');
    expect(html).toContain('href="/"');
  });

  it('answers drafts, documents in review and scheduled ones with 404, without leaking their titles', async () => {
    for (const status of ['draft', 'in_review', 'scheduled'] as const) {
      const hidden = await saveFixture(
        context,
        huangZhenRecord({
          externalId: `fixture/${status}`,
          title: `Secret ${status} title`,
          status,
          ...(status === 'scheduled' ? { scheduledFor: '2099-01-01T00:00:00Z' } : {}),
        }),
      );
      const response = await get(`/documents/${hidden}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(`Secret ${status} title`);
    }
  });

  it('answers a withdrawn document with 410, its citation and the reason, and none of its text', async () => {
    const withdrawn = await saveFixture(
      context,
      huangZhenRecord({
        externalId: 'fixture/withdrawn',
        title: 'Withdrawn minutes',
        status: 'withdrawn',
        withdrawalReason: 'Returned to the depositing archive for review.',
      }),
    );
    const response = await get(`/documents/${withdrawn}`);
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain('Returned to the depositing archive for review.');
    expect(html).toContain(`/documents/${withdrawn}`);
    expect(html).not.toContain('We have received the statement.');
    expect(html).not.toContain('我们收到了这个声明');
  });

  it('lists published related documents and leaves out links to drafts', async () => {
    await saveFixture(context, {
      externalId: 'fixture/related-draft',
      title: 'Unpublished neighbour',
      status: 'draft',
    });
    const publishedNeighbour = await saveFixture(context, {
      externalId: 'fixture/related-published',
      title: 'Published neighbour',
      date: '1962-09',
    });
    const withLinks = await saveFixture(
      context,
      huangZhenRecord({
        externalId: 'fixture/with-links',
        related: [{ externalId: 'fixture/related-draft' }, { externalId: 'fixture/related-published' }],
      }),
    );
    const html = await (await get(`/documents/${withLinks}`)).text();
    expect(html).toContain(`<a href="/documents/${publishedNeighbour}">Published neighbour</a>`);
    expect(html).not.toContain('Unpublished neighbour');
    // Related links are symmetric: the neighbour links back.
    const back = await (await get(`/documents/${publishedNeighbour}`)).text();
    expect(back).toContain(`<a href="/documents/${withLinks}">`);
  });

  it('gives reference managers the metadata they read', async () => {
    const html = await (await get(`/documents/${id}`)).text();
    expect(html).toContain(
      '<meta name="citation_title" content="Minutes of Vice Minister Huang Zhen&#39;s Talk',
    );
    expect(html).toContain('<meta name="citation_date" content="1962/08/09"/>');
    expect(html).toMatch(
      /<meta name="citation_pdf_url" content="http:\/\/archive\.test\/documents\/\d+\/files\//,
    );
    expect(html).toContain(
      '<meta name="DC.source" content="PRC Foreign Ministry Archive, PRC FMA 118-01767-01, 1-6"/>',
    );
  });

  it('sends no inline script, so the content security policy holds', async () => {
    const response = await get(`/documents/${id}`);
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toMatch(/<script src="\/static\/app\.js\?v=[0-9a-f]+" defer=""><\/script>/);
    // The JSON-LD block is data: browsers never run a script of that type, so the policy is not involved.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+="/);
  });
});

describe.each(databaseKinds())('the cached document page on %s', (kind) => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext(kind);
    expect(context.config.pageCache).toBe(true);
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('serves the stored page until a save bumps the content version', async () => {
    const id = await saveFixture(context, huangZhenRecord({ externalId: 'cache/one', title: 'First title' }));
    expect(await (await context.app.request(`/documents/${id}`)).text()).toContain('First title');

    // A change that does not bump the version (no real write path does this) shows that the page is cached...
    await context.container.database.db
      .updateTable('documents')
      .set({ title: 'Changed behind the cache' })
      .where('id', '=', id)
      .execute();
    expect(await (await context.app.request(`/documents/${id}`)).text()).toContain('First title');

    // ...and a real save, which bumps it, is seen at once.
    await saveFixture(context, huangZhenRecord({ externalId: 'cache/one', title: 'Second title' }));
    const html = await (await context.app.request(`/documents/${id}`)).text();
    expect(html).toContain('Second title');
    expect(html).not.toContain('First title');
  });

  it('notices a save made through another connection, as a CLI import in another process would', async () => {
    const id = await saveFixture(
      context,
      huangZhenRecord({ externalId: 'cache/two', title: 'Before the import' }),
    );
    expect(await (await context.app.request(`/documents/${id}`)).text()).toContain('Before the import');

    const { createContainer } = await import('../../app/container.ts');
    const { createLogger } = await import('../../app/logger.ts');
    const other = await createContainer(context.config, { logger: createLogger({ silent: true }) });
    try {
      await saveFixture(
        { ...context, container: other },
        huangZhenRecord({ externalId: 'cache/two', title: 'After the import' }),
      );
    } finally {
      await other.close();
    }
    expect(await (await context.app.request(`/documents/${id}`)).text()).toContain('After the import');
  });

  it('lets browsers revalidate with the ETag and get 304 while nothing changed', async () => {
    const id = await saveFixture(context, huangZhenRecord({ externalId: 'cache/three' }));
    const first = await context.app.request(`/documents/${id}`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await context.app.request(`/documents/${id}`, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    await saveFixture(context, huangZhenRecord({ externalId: 'cache/three', summary: 'A new summary.' }));
    const changed = await context.app.request(`/documents/${id}`, { headers: { 'If-None-Match': etag! } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('A new summary.');
  });

  it('compresses the page for clients that accept gzip', async () => {
    const id = await saveFixture(context, huangZhenRecord({ externalId: 'cache/four' }));
    const plain = await (await context.app.request(`/documents/${id}`)).text();
    const zipped = await context.app.request(`/documents/${id}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const { gunzipSync } = await import('node:zlib');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(plain);
  });

  it('does not cache a 404, so a record published later appears at once', async () => {
    const id = await saveFixture(
      context,
      huangZhenRecord({ externalId: 'cache/five', status: 'draft', title: 'Soon' }),
    );
    expect((await context.app.request(`/documents/${id}`)).status).toBe(404);
    await saveFixture(
      context,
      huangZhenRecord({ externalId: 'cache/five', status: 'published', title: 'Soon' }),
    );
    expect((await context.app.request(`/documents/${id}`)).status).toBe(200);
  });

  it('stops serving a page as soon as its document is withdrawn', async () => {
    const id = await saveFixture(context, huangZhenRecord({ externalId: 'cache/six', title: 'Going away' }));
    expect((await context.app.request(`/documents/${id}`)).status).toBe(200);
    await saveFixture(
      context,
      huangZhenRecord({ externalId: 'cache/six', title: 'Going away', status: 'withdrawn' }),
    );
    const response = await context.app.request(`/documents/${id}`);
    expect(response.status).toBe(410);
    expect(await response.text()).not.toContain('We have received the statement.');
  });
});
