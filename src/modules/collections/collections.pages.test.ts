import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { discoverySuite, listedTitles, tinyPng } from '../themes/discovery.test-support.ts';
import { loadCollectionForest } from './collections.queries.ts';

describe.each(databaseKinds())('collection pages on %s', (kind) => {
  const suite = discoverySuite(kind);
  const { get, html } = suite;

  it('counts distinct published documents of a collection and everything under it', async () => {
    const forest = await loadCollectionForest(suite.context.container.database.db);
    const count = (slug: string) => forest.bySlug.get(slug)?.count;
    // Mango is filed in Border talks and Ili crisis: it counts once in Border talks.
    expect(count('border-talks')).toBe(4);
    expect(count('ili-crisis')).toBe(3);
    expect(count('telegrams')).toBe(1);
    expect(count('trade')).toBe(31);
    expect(forest.bySlug.has('secret-drafts')).toBe(false);
    expect(forest.roots.map((r) => r.slug)).toEqual(['border-talks', 'trade']);
    expect(forest.bySlug.get('border-talks')?.children.map((c) => c.slug)).toEqual(['ili-crisis']);
  });

  it('shows the nested tree with counts and descriptions on /collections, never a draft-only collection', async () => {
    const page = await html('/collections');
    expect(page).toContain('Border talks');
    expect(page).toContain('Talks on the border between two neighbours.');
    expect(page).not.toContain('A second paragraph of description.');
    // Telegrams sits inside the list nested under Ili crisis, inside Border talks.
    const nested = page.slice(page.indexOf('aria-label="Within Border talks"'));
    expect(nested.indexOf('Ili crisis')).toBeLessThan(nested.indexOf('Telegrams'));
    expect(page).toMatch(/Border talks<\/a><\/h2><p class="collection-card__count">4 published documents/);
    expect(page).not.toContain('Secret drafts');
    expect(page).not.toContain('Zulu');
  });

  it('gives a collection page breadcrumbs, sub-collections with counts and its documents in date order', async () => {
    const page = await html('/collections/ili-crisis');
    expect(page).toMatch(
      /<a href="\/collections">Collections<\/a>.*<a href="\/collections\/border-talks">Border talks<\/a>/s,
    );
    expect(page).toContain('3 published documents');
    expect(page).toMatch(/Telegrams<\/a> <span class="collection-list__count">\(1 document\)/);
    expect(listedTitles(page)).toEqual(['Xylo minutes', 'Bravo telegram', 'Mango report']);
    expect(page).not.toContain('Zulu');
  });

  it('sorts by date either way, by title and by record ID', async () => {
    const titles = async (sort: string) => listedTitles(await html(`/collections/ili-crisis?sort=${sort}`));
    expect(await titles('date-desc')).toEqual(['Mango report', 'Bravo telegram', 'Xylo minutes']);
    expect(await titles('title')).toEqual(['Bravo telegram', 'Mango report', 'Xylo minutes']);
    expect(await titles('id')).toEqual(['Mango report', 'Xylo minutes', 'Bravo telegram']);
  });

  it('pages through a collection, 25 documents a page, keeping the sort', async () => {
    const first = await html('/collections/trade?sort=title');
    expect(listedTitles(first)).toHaveLength(25);
    expect(first).toContain('31 published documents, page 1 of 2');
    expect(first).toContain('href="/collections/trade?sort=title&amp;page=2#documents"');
    const second = listedTitles(await html('/collections/trade?sort=title&page=2'));
    expect(second).toEqual([
      'Trade note 25',
      'Trade note 26',
      'Trade note 27',
      'Trade note 28',
      'Trade note 29',
      'Trade note 30',
    ]);
    // Past the end: the last page rather than an empty one.
    expect(listedTitles(await html('/collections/trade?sort=title&page=999'))).toEqual(second);
  });

  it('searches within a collection and its sub-collections through the search service', async () => {
    const page = await html('/collections/ili-crisis?q=telegram');
    expect(listedTitles(page)).toEqual(['Bravo telegram']);
    expect(page).toContain('1 document in this collection matches “telegram”');
    expect(page).not.toContain('Zulu');
    const none = await html('/collections/trade?q=telegram');
    expect(none).toContain('No document in this collection matches “telegram”.');
  });

  it('answers malformed parameters with 400 and unknown or unpublished collections with 404', async () => {
    for (const url of [
      '/collections/ili-crisis?sort=sideways',
      '/collections/ili-crisis?page=-1',
      '/collections/ili-crisis?page=abc',
      '/collections/ili-crisis?q=x&page=99999999',
    ]) {
      expect((await get(url)).status, url).toBe(400);
    }
    for (const url of [
      '/collections/secret-drafts',
      '/collections/nothing-here',
      '/collections/%E2%80%AE',
      '/collections/secret-drafts/image',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('serves the picture of a public collection, and shows it with its text alternative', async () => {
    expect((await get('/collections/border-talks/image')).status).toBe(404);
    const bytes = await tinyPng();
    const blob = await suite.context.container.storage.put(bytes);
    const db = suite.context.container.database.db;
    const id = (await createAuthoritiesRepository({ db }).findBySlug('collection', 'border-talks'))!.id;
    await db
      .updateTable('authorities')
      .set({ image_sha256: blob.sha256, image_media_type: 'image/png', image_alt: 'A map of the border' })
      .where('id', '=', id)
      .execute();
    await db.updateTable('site_state').set({ value: 1000 }).where('key', '=', 'content_version').execute();
    const response = await get('/collections/border-talks/image');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    const page = await html('/collections/border-talks');
    expect(page).toContain(
      '<img class="collection-image" src="/collections/border-talks/image" alt="A map of the border"',
    );
  });
});
