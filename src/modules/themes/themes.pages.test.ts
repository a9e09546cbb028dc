import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.ts';
import { discoverySuite, listedTitles } from './discovery.test-support.ts';
import { drawMap } from './themes.map.tsx';

/** The periods of the timeline as "label: count", in order. */
function timeline(html: string): string[] {
  const list = html.slice(
    html.indexOf('<ol class="timeline">'),
    html.indexOf('</ol>', html.indexOf('<ol class="timeline">')),
  );
  return [
    ...list.matchAll(
      /<h3 class="timeline__label">([^<]+)<\/h3>(?:<a[^>]*>[\s\S]*?(\d+) documents?|<p[^>]*>No documents)/g,
    ),
  ].map((m) => `${m[1]}: ${m[2] ?? 0}`);
}

/** The rows of the places table as "name: count". */
function placeRows(html: string): string[] {
  const table = html.slice(html.indexOf('<table class="theme-places">'), html.indexOf('</table>'));
  return [
    ...table.matchAll(
      /<th scope="row"><a [^>]*>([^<]+)<\/a>(?:<span[^>]*>[^<]*<\/span>)?<\/th><td>(\d+)<\/td>/g,
    ),
  ].map((m) => `${m[1]}: ${m[2]}`);
}

describe.each(databaseKinds())('theme pages on %s', (kind) => {
  const suite = discoverySuite(kind);
  const { get, html } = suite;

  it('lists published themes only', async () => {
    const page = await html('/themes');
    expect(page).toContain('href="/themes/border-crisis"');
    expect(page).toContain('How a quarrel over grazing land became a crisis.');
    expect(page).not.toContain('Hidden theme');
    expect((await get('/themes/hidden-theme')).status).toBe(404);
    expect((await get('/themes/no-such-theme')).status).toBe(404);
  });

  it('shows the sanitised overview, the collections and every published document in date order', async () => {
    const page = await html('/themes/border-crisis');
    expect(page).toContain('<p>An overview with <strong>emphasis</strong>.</p>');
    expect(page).not.toContain('alert(1)');
    expect(page).toContain('4 published documents');
    expect(listedTitles(page)).toEqual(['Xylo minutes', 'Bravo telegram', 'Mango report', 'Delta letter']);
    expect(page).not.toContain('Zulu');
  });

  it('builds the timeline from document years and the editors’ events', async () => {
    const page = await html('/themes/border-crisis');
    expect(timeline(page)).toEqual(['1962: 2', '1964: 1', '1969: 0']);
    expect(page).toContain('Herders cross the border');
    expect(page).toContain('<a href="https://example.org/clash">Clash on the river</a>');
    expect(page).toContain('1 undated document not shown.');
    expect(page).toContain('href="/themes/border-crisis?year=1962#documents"');
  });

  it('draws the places of published documents on an SVG map with a title, and lists them in a table', async () => {
    const page = await html('/themes/border-crisis');
    expect(page).toMatch(/<svg class="theme-map__svg"[^>]*aria-labelledby="theme-map-title theme-map-desc"/);
    expect(page).toContain('<title id="theme-map-title">Map of the places of the documents</title>');
    // Ili has no coordinates: its document is counted at China, the place it lies within.
    expect(placeRows(page)).toEqual(['Beijing: 1', 'China: 1', 'Moscow: 1']);
    expect(page.match(/<circle /g)).toHaveLength(3);
    expect(page).toContain(`href="/themes/border-crisis?place=${suite.fixture.places.moscow}#documents"`);
    // The draft's second place never appears.
    expect(page).not.toContain('Lhasa');
  });

  it('filters the list and the map by year, decade and collection, and the timeline by place', async () => {
    const year = await html('/themes/border-crisis?year=1962');
    expect(listedTitles(year)).toEqual(['Xylo minutes', 'Bravo telegram']);
    expect(placeRows(year)).toEqual(['Beijing: 1', 'China: 1']);
    expect(timeline(year)).toEqual(['1962: 2', '1964: 1', '1969: 0']);
    expect(year).toContain('Year: 1962');

    const decade = await html('/themes/border-crisis?decade=1960s');
    expect(listedTitles(decade)).toEqual(['Xylo minutes', 'Bravo telegram', 'Mango report']);

    const place = await html(`/themes/border-crisis?place=${suite.fixture.places.moscow}`);
    expect(listedTitles(place)).toEqual(['Mango report']);
    expect(timeline(place)).toEqual(['1962: 0', '1964: 1', '1969: 0']);

    // A place filter includes the places within it.
    expect(listedTitles(await html(`/themes/border-crisis?place=${suite.fixture.places.china}`))).toEqual([
      'Xylo minutes',
    ]);

    const collection = await html('/themes/border-crisis?collection=telegrams');
    expect(listedTitles(collection)).toEqual(['Bravo telegram']);
    expect(timeline(collection)).toEqual(['1962: 1', '1969: 0']);
    expect(collection).not.toContain('Zulu');
  });

  it('answers malformed or foreign filters with 400, never 500', async () => {
    for (const url of [
      '/themes/border-crisis?year=62',
      '/themes/border-crisis?year=abcd',
      '/themes/border-crisis?decade=1965',
      '/themes/border-crisis?place=0',
      '/themes/border-crisis?place=x',
      '/themes/border-crisis?place=999999',
      '/themes/border-crisis?collection=trade',
      '/themes/border-crisis?collection=secret-drafts',
      '/themes/border-crisis?collection=%3Cscript%3E',
      '/themes/border-crisis?page=two',
    ]) {
      expect((await get(url)).status, url).toBe(400);
    }
    // The draft's place is in the database, but no published document of the theme is from it.
    const zuluPlace = await suite.context.container.database.db
      .selectFrom('authorities')
      .select('id')
      .where('name', '=', 'Lhasa')
      .executeTakeFirstOrThrow();
    expect((await get(`/themes/border-crisis?place=${zuluPlace.id}`)).status).toBe(400);
    expect(listedTitles(await html('/themes/border-crisis?page=40'))).toHaveLength(4);
  });

  it('fits the map to its points and draws the whole world without any', () => {
    const near = drawMap([
      { id: 1, name: 'A', latitude: 39.9, longitude: 116.4, count: 4, href: '#', selected: false },
      { id: 2, name: 'B', latitude: 43.8, longitude: 87.6, count: 1, href: '#', selected: false },
    ]);
    for (const p of near.points) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(800);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(450);
    }
    const [big, small] = near.points;
    expect(big!.r).toBeGreaterThan(small!.r);
    expect(big!.x).toBeGreaterThan(small!.x);
    expect(drawMap([]).land.length).toBeGreaterThan(1000);
  });
});
