import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../../test/support/databases.ts';
import { huangZhenRecord, saveFixture, tinyPdf } from '../documents.pages.fixtures.ts';

describe.each(databaseKinds())('links to a part of a document on %s', (kind) => {
  let context: TestContext;
  let id: number;

  beforeAll(async () => {
    context = await createTestContext(kind, { CHANCERY_PAGE_CACHE: 'off' });
    id = await saveFixture(context, huangZhenRecord(), [
      { kind: 'scan', bytes: tinyPdf(), fileName: 'scan.pdf', mediaType: 'application/pdf', pageCount: 6 },
    ]);
  });
  afterAll(async () => {
    await context.dispose();
  });

  const page = async (path: string) => (await context.app.request(path)).text();

  it('anchors each paragraph of the text shown as p-<n>, with a link that names its version', async () => {
    const html = await page(`/documents/${id}?view=translation-en`);
    expect(html).toContain('<p id="p-2"><a class="paragraph-link"');
    expect(html).toContain(
      `href="/documents/${id}?view=translation-en#p-2" aria-label="Link to paragraph 2"`,
    );
    // The hidden Chinese version has its own ids, so p-<n> is never ambiguous.
    expect(html).toContain('<p id="original-zh-p-1">');
    expect(html.match(/id="p-1"/g)).toHaveLength(1);
  });

  it('gives the anchors to the version a paragraph link asks for', async () => {
    const html = await page(`/documents/${id}?view=original-zh`);
    expect(html).toContain(
      `<p id="p-1"><a class="paragraph-link" href="/documents/${id}?view=original-zh#p-1"`,
    );
    expect(html).toContain('<p id="translation-en-p-1"');
  });

  it('opens the PDF scan at the page a ?page= link asks for', async () => {
    const html = await page(`/documents/${id}?view=scan&page=3`);
    expect(html).toMatch(
      /<object class="pdf-viewer__object" data="[^"]+\.pdf#page=3" type="application\/pdf"/,
    );
    expect(html).toContain('Page 3 of 6');
  });

  it('opens the scan at its start for a page it does not have or a malformed one', async () => {
    for (const bad of ['7', '0', '-1', 'abc', '3%3Cscript%3E', '99999999999']) {
      const response = await context.app.request(`/documents/${id}?view=scan&page=${bad}`);
      expect(response.status, bad).toBe(200);
      const html = await response.text();
      expect(html, bad).not.toContain('#page=');
      expect(html, bad).not.toContain('<script>');
    }
  });
});
