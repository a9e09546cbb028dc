import { type Context, Hono } from 'hono';
import type { Container } from '../../app/container.ts';
import { paths } from '../documents/documents.presenters.ts';
import { createFeedsRepository } from './feeds.repository.ts';
import { element, textElement, xmlDeclaration } from './xml.ts';

export type SitemapOptions = {
  /** URLs per sitemap file; the protocol allows 50,000. Past it, /sitemap.xml becomes an index. */
  urlsPerSitemap?: number;
};

const sitemapNamespace = { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' };

/** Public pages that are not records or authorities. */
const fixedPages = ['/', '/search', '/collections', '/themes', '/readers', '/data', '/api'];

type SitemapUrl = { loc: string; lastmod?: string | undefined };

const lastmod = (stored: string) => {
  const time = Date.parse(stored);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 19).concat('Z');
};

/**
 * `/sitemap.xml`, `/sitemaps/{pages|documents}-N.xml` and `/robots.txt`. Two sections, each cut into
 * files of at most `urlsPerSitemap` URLs: pages (fixed pages, collections, authorities with published
 * documents) and documents (published only, in record ID order so a file's content is stable).
 */
export function sitemapRoutes(
  { database, config }: Pick<Container, 'database' | 'config'>,
  options: SitemapOptions = {},
) {
  const repository = createFeedsRepository(database);
  const perFile = Math.max(1, options.urlsPerSitemap ?? 50_000);
  const absolute = (path: string) => `${config.baseUrl}${path}`;

  const xml = (c: Context, body: string) => {
    c.header('Content-Type', 'application/xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=600');
    return c.body(xmlDeclaration + body);
  };

  const urlset = (urls: SitemapUrl[]) =>
    element(
      'urlset',
      urls.map((u) =>
        element('url', [
          textElement('loc', u.loc),
          ...(u.lastmod ? [textElement('lastmod', u.lastmod)] : []),
        ]),
      ),
      sitemapNamespace,
    );

  async function sectionSizes() {
    const [authorities, documents] = await Promise.all([
      repository.countAuthorities(),
      repository.countPublishedDocuments(),
    ]);
    return { pages: fixedPages.length + authorities, documents };
  }

  async function pageUrls(offset: number, limit: number): Promise<SitemapUrl[]> {
    const fixed = fixedPages.slice(offset, offset + limit).map((path) => ({ loc: absolute(path) }));
    const authorityOffset = Math.max(0, offset - fixedPages.length);
    const rows = await repository.authorities(authorityOffset, limit - fixed.length);
    return [
      ...fixed,
      ...rows.map((row) => ({
        loc: absolute(paths.authority(row)),
        lastmod: lastmod(row.updatedAt),
      })),
    ];
  }

  async function documentUrls(offset: number, limit: number): Promise<SitemapUrl[]> {
    const rows = await repository.publishedDocuments(offset, limit);
    return rows.map((row) => ({ loc: absolute(paths.document(row.id)), lastmod: lastmod(row.updatedAt) }));
  }

  const app = new Hono();

  app.get('/sitemap.xml', async (c) => {
    const sizes = await sectionSizes();
    if (sizes.pages + sizes.documents <= perFile) {
      return xml(c, urlset([...(await pageUrls(0, perFile)), ...(await documentUrls(0, perFile))]));
    }
    const files: string[] = [];
    for (const [section, size] of Object.entries(sizes)) {
      for (let n = 1; n <= Math.ceil(size / perFile); n++) files.push(`/sitemaps/${section}-${n}.xml`);
    }
    return xml(
      c,
      element(
        'sitemapindex',
        files.map((file) => element('sitemap', textElement('loc', absolute(file)))),
        sitemapNamespace,
      ),
    );
  });

  app.get('/sitemaps/:file', async (c) => {
    const match = /^(pages|documents)-([1-9]\d{0,6})\.xml$/.exec(c.req.param('file'));
    if (!match) return c.notFound();
    const section = match[1] as 'pages' | 'documents';
    const offset = (Number(match[2]) - 1) * perFile;
    const sizes = await sectionSizes();
    if (offset >= sizes[section]) return c.notFound();
    const urls = section === 'pages' ? await pageUrls(offset, perFile) : await documentUrls(offset, perFile);
    return xml(c, urlset(urls));
  });

  app.get('/robots.txt', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.text(
      [
        '# Reading rooms are open to every crawler; the editorial workspace, machine interfaces and',
        '# bulk files are not for crawling (the API, OAI-PMH and /data serve programs directly).',
        'User-agent: *',
        'Allow: /',
        'Disallow: /admin',
        'Disallow: /api/',
        'Disallow: /oai',
        'Disallow: /data/',
        // Search result pages are endless combinations of the same records.
        'Disallow: /search?',
        '',
        `Sitemap: ${absolute('/sitemap.xml')}`,
        '',
      ].join('\n'),
    );
  });

  return app;
}
