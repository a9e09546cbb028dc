import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { discoverySuite } from '../themes/discovery.test-support.ts';

describe.each(databaseKinds())('reader pages on %s', (kind) => {
  const suite = discoverySuite(kind);
  const { get, html } = suite;

  it('lists published readers with the number of their published documents', async () => {
    const page = await html('/readers');
    expect(page).toContain('href="/readers/teaching-the-border-crisis"');
    expect(page).toContain('Compiled by Vera Lindqvist · 2 documents');
    expect(page).not.toContain('Unfinished reader');
    expect((await get('/readers/unfinished-reader')).status).toBe(404);
    expect((await get('/readers/nothing')).status).toBe(404);
    expect((await get('/readers/%3Cb%3E')).status).toBe(404);
  });

  it('shows the introduction and the published documents in the editor’s order, with notes and citations', async () => {
    const page = await html('/readers/teaching-the-border-crisis');
    expect(page).toContain('<p>Three documents for a seminar.</p>');
    const titles = [...page.matchAll(/class="reader-item__title"[^>]*><a href="[^"]+">([^<]+)</g)].map(
      (m) => m[1],
    );
    expect(titles).toEqual(['Bravo telegram', 'Xylo minutes']);
    expect(page).toContain('<p>Read the telegram first.</p><p>Then compare the dates.</p>');
    expect(page).not.toContain('Zulu');
    expect(page).not.toContain('A note on the unpublished draft.');
    expect(page).not.toContain(`/documents/${suite.fixture.ids.zulu}`);
    // Each document's Chicago bibliography entry, and the way to its other citations.
    const plain = page.replace(/<[^>]+>/g, '');
    expect(plain).toContain(
      'Cite as: Anna Example. “Bravo telegram.” August 9, 1962. Chancery Digital Archive.',
    );
    expect(page).toContain(`href="/documents/${suite.fixture.ids.bravo}#cite"`);
    expect(page).toContain(`href="/documents/${suite.fixture.ids.bravo}.ris"`);
  });

  it('cites the reader itself in Chicago, with its compiler and permanent address', async () => {
    const page = await html('/readers/teaching-the-border-crisis');
    const cite = page.slice(page.indexOf('id="reader-cite-heading"'));
    expect(cite.replace(/<[^>]+>/g, '')).toContain(
      'Vera Lindqvist, comp., Teaching the border crisis (Chancery Digital Archive, last modified',
    );
    expect(cite).toContain('<i>Teaching the border crisis</i>');
    expect(cite).toContain('/readers/teaching-the-border-crisis</a>.');
    expect(cite).toMatch(/Last modified [A-Z][a-z]+ \d{1,2}, \d{4}\./);
  });
});
