import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../../test/support/databases.ts';
import { saveFixture, tinyPdf } from '../documents.pages.fixtures.ts';
import { hitsRecord } from './document-hits.fixtures.ts';

/** The hit marks of one version's panel, in order, as [id, text]. */
function marksIn(html: string, panelId: string): [string | null, string][] {
  const start = html.indexOf(`id="${panelId}"`);
  const end = html.indexOf('</section>', start);
  const panel = html.slice(start, end);
  return [...panel.matchAll(/<mark class="hit"( id="([^"]+)")? data-hit="\d+">([^<]*)<\/mark>/g)].map((m) => [
    m[2] ?? null,
    m[3]!,
  ]);
}

/** The visible text of a version tab, tags dropped. */
function tabText(html: string, view: string): string {
  const start = html.indexOf(`id="tab-${view}"`);
  return html
    .slice(html.indexOf('>', start) + 1, html.indexOf('</a>', start))
    .replace(/<[^>]+>/g, '')
    .trim();
}

const tabHref = (html: string, view: string) => {
  const start = html.lastIndexOf('<a', html.indexOf(`id="tab-${view}"`));
  return /href="([^"]*)"/.exec(html.slice(start))![1]!.replaceAll('&amp;', '&');
};

describe.each(databaseKinds())('a document opened from search results on %s', (kind) => {
  let context: TestContext;
  let id: number;

  beforeAll(async () => {
    context = await createTestContext(kind);
    id = await saveFixture(context, hitsRecord(), [
      { kind: 'scan', bytes: tinyPdf(), fileName: 'scan.pdf', mediaType: 'application/pdf', pageCount: 2 },
    ]);
  });
  afterAll(async () => {
    await context?.dispose();
  });

  const page = async (path: string) => {
    const response = await context.app.request(path);
    return { status: response.status, html: await response.text() };
  };

  it('is linked with the words searched, and without the filters, from the results page and the API', async () => {
    const { html } = await page('/search?q=statement&language=zh&type=meeting+minutes');
    expect(html).toContain(`href="/documents/${id}?q=statement"`);
    const api = await context.app.request('/api/v1/search?q=%E5%A3%B0%E6%98%8E&language=zh');
    const body = (await api.json()) as { hits: { id: number; highlightUrl: string }[] };
    expect(body.hits.find((hit) => hit.id === id)?.highlightUrl).toBe(
      `http://archive.test/documents/${id}?q=%E5%A3%B0%E6%98%8E`,
    );
  });

  it('marks every form of the words in the version shown, numbered, and counts the hits of every version', async () => {
    const { status, html } = await page(`/documents/${id}?q=statement`);
    expect(status).toBe(200);
    expect(marksIn(html, 'version-translation-en')).toEqual([
      ['hit-1', 'statement'],
      ['hit-2', 'statements'],
      ['hit-3', 'statement'],
    ]);
    expect(tabText(html, 'translation-en')).toBe('English translation (3 hits)');
    expect(tabText(html, 'original-zh')).toBe('Chinese original (no hits)');
    expect(tabText(html, 'scan')).toBe('Original scan');
    // The tabs keep the query, so the next version opens with its hits marked too.
    expect(tabHref(html, 'original-zh')).toBe(`/documents/${id}?view=original-zh&q=statement`);
    // Paragraph anchors and the text's own ids survive the marks.
    expect(html).toContain('<p id="p-1">');
    expect(html).toMatch(/<p id="t-closing"><span id="p-3" class="paragraph-anchor"><\/span>/);
    expect(html).toMatch(/<script src="\/static\/hit-navigation\.js\?v=[0-9a-f]+" defer(="")?><\/script>/);
    // The header's search box holds the query, ready to refine.
    expect(html).toMatch(/<input id="site-search-q" name="q" type="search" value="statement"/);
  });

  it('shows the hit bar with first and last hit, and a link back to the plain page', async () => {
    const { html } = await page(`/documents/${id}?q=statement`);
    const start = html.indexOf('<nav class="hit-nav"');
    const bar = html.slice(start, html.indexOf('</nav>', start));
    expect(bar).toContain('aria-label="Search hits in the English translation"');
    expect(bar).toContain('3 hits');
    expect(bar).toContain('<q class="hit-nav__query">statement</q>');
    expect(bar).toContain('href="#hit-3" data-hit-step="previous"');
    expect(bar).toContain('href="#hit-1" data-hit-step="next"');
    expect(bar).toContain(`href="/documents/${id}">Clear highlighting`);
    // Each hit carries its own steps, shown by the stylesheet once it is the page's target.
    expect(html).toMatch(
      /id="hit-2" data-hit="2">statements<\/mark><span class="hit-step"><span class="hit-step__position">Hit 2 of 3<\/span> <a class="hit-step__link" href="#hit-1">/,
    );
  });

  it('marks Chinese and Russian texts by their own analysis, and prefixes the ids of versions not shown', async () => {
    const chinese = await page(`/documents/${id}?q=${encodeURIComponent('声明')}`);
    expect(marksIn(chinese.html, 'version-original-zh')).toEqual([
      ['original-zh-hit-1', '声明'],
      ['original-zh-hit-2', '声 明'],
    ]);
    expect(tabText(chinese.html, 'original-zh')).toBe('Chinese original (2 hits)');
    const opened = await page(`/documents/${id}?view=original-zh&q=${encodeURIComponent('声明')}`);
    expect(marksIn(opened.html, 'version-original-zh').map(([markId]) => markId)).toEqual(['hit-1', 'hit-2']);

    const russian = await page(`/documents/${id}?view=translation-ru&q=${encodeURIComponent('Хрущев')}`);
    expect(marksIn(russian.html, 'version-translation-ru')).toEqual([
      ['hit-1', 'Хрущёв'],
      ['hit-2', 'Хрущеве'],
    ]);
  });

  it('says when the version shown has no hits and points to the version that has them', async () => {
    const { html } = await page(`/documents/${id}?q=${encodeURIComponent('声明')}`);
    const start = html.indexOf('class="hit-nav hit-nav--none"');
    const notice = html.slice(start, html.indexOf('</div>', start));
    expect(notice).toContain('No hits for <q class="hit-nav__query">声明</q> in this version.');
    expect(notice).toContain(`href="/documents/${id}?view=original-zh&amp;q=%E5%A3%B0%E6%98%8E"`);
    expect(notice).toContain('Chinese original has 2 hits');
    const nowhere = await page(`/documents/${id}?q=${encodeURIComponent('title:minutes')}`);
    expect(nowhere.html).toContain('No text of this document contains them');
    expect(marksIn(nowhere.html, 'version-translation-en')).toEqual([]);
  });

  it('marks the title and the summary, with the words of their own fields only', async () => {
    const { html } = await page(`/documents/${id}?q=mesyatsev+statement`);
    expect(html).toMatch(/<h1 id="document-title" class="document-title">[^<]*<mark>Mesyatsev<\/mark>/);
    expect(html).toContain('hands over a <mark>statement</mark> on border crossings');
    const titleOnly = await page(`/documents/${id}?q=${encodeURIComponent('title:minutes')}`);
    expect(titleOnly.html).toMatch(/<h1 id="document-title" class="document-title"><mark>Minutes<\/mark>/);
    expect(titleOnly.html).not.toContain('<mark class="hit"');
  });

  it('keeps pages with and without a query apart in the page cache', async () => {
    const plainBefore = await page(`/documents/${id}`);
    const marked = await page(`/documents/${id}?q=statement`);
    const plainAfter = await page(`/documents/${id}`);
    const other = await page(`/documents/${id}?q=Xinjiang`);
    expect(plainBefore.html).not.toContain('<mark');
    expect(plainAfter.html).toBe(plainBefore.html);
    expect(marked.html).toContain('<mark class="hit" id="hit-1"');
    expect(other.html).toContain('data-hit="1">Xinjiang</mark>');
    expect(other.html).not.toContain('>statement</mark>');
    expect(context.container.config.pageCache).toBe(true);
  });

  it('marks at most a thousand hits of a text, and says so', async () => {
    const record = hitsRecord();
    const longId = await saveFixture(context, {
      ...record,
      externalId: 'fixture/hits-long',
      assets: [
        { kind: 'translation', language: 'en', html: `<p>${'Khorgos border post. '.repeat(1200)}</p>` },
      ],
    });
    const { html } = await page(`/documents/${longId}?q=khorgos`);
    expect(tabText(html, 'translation-en')).toBe('English translation (over 1,000 hits)');
    expect(html).toContain('Only the first 1,000 hits are marked');
    expect(html).toContain('id="hit-1000"');
    expect(html).not.toContain('id="hit-1001"');
  });

  it('answers any query without an error and never echoes markup', async () => {
    const queries = [
      '',
      '   ',
      '?!…,;',
      '"',
      '"unbalanced statement',
      '\u0000\u0007statement\u202e',
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      'statement '.repeat(1000),
      'x'.repeat(10_000),
      '-statement',
      'title:',
      '1962',
    ];
    for (const q of queries) {
      const { status, html } = await page(`/documents/${id}?q=${encodeURIComponent(q)}`);
      expect(status, q.slice(0, 40)).toBe(200);
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
    }
    const plain = await page(`/documents/${id}?q=${encodeURIComponent('?!…')}`);
    expect(plain.html).not.toContain('hit-nav');
    expect(plain.html).not.toContain('hit-navigation.js');
    const markup = await page(`/documents/${id}?q=${encodeURIComponent('<b>statement</b>')}`);
    expect(markup.html).toContain('&lt;b&gt;statement&lt;/b&gt;');
    const controls = await page(`/documents/${id}?q=${encodeURIComponent('\u0007statement')}`);
    expect(controls.html).toContain('<q class="hit-nav__query">statement</q>');
    // The date of the document is a date filter, not a word to mark; other numbers are words.
    const dated = await page(`/documents/${id}?q=1962`);
    expect(dated.html).not.toContain('hit-nav');
  });
});
