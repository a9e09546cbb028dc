import { type Context, Hono } from 'hono';
import type { Container } from '../../app/container.ts';
import { paths } from '../documents/documents.presenters.ts';
import { createFeedsRepository, type FeedEntryRow } from './feeds.repository.ts';
import { element, textElement, xmlDeclaration } from './xml.ts';

export type AtomOptions = { entriesPerFeed?: number };

/** Address of a collection's feed, for `<link rel="alternate">` in page heads. */
export const collectionFeedPath = (slug: string) => `/collections/${encodeURIComponent(slug)}/feed.xml`;
export const siteFeedPath = '/feed.xml';

const rfc3339 = (stored: string | null): string | undefined => {
  if (!stored) return undefined;
  const time = Date.parse(stored);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
};

/**
 * Atom 1.0 feeds of newly published documents: the whole archive at `/feed.xml`, one collection (and
 * the collections nested in it) at `/collections/{slug}/feed.xml`. Entry IDs are the records'
 * permanent URLs, which never change or get reused.
 */
export function atomRoutes(
  { database, config }: Pick<Container, 'database' | 'config'>,
  options: AtomOptions = {},
) {
  const repository = createFeedsRepository(database);
  const limit = options.entriesPerFeed ?? 50;
  const absolute = (path: string) => `${config.baseUrl}${path}`;

  function entry(row: FeedEntryRow): string {
    const url = absolute(paths.document(row.id));
    const updated = rfc3339(row.updatedAt) ?? '1970-01-01T00:00:00Z';
    const published = rfc3339(row.publishedAt);
    const summary = row.summary ?? row.subtitle;
    return element('entry', [
      textElement('title', row.title),
      textElement('id', url),
      element('link', '', { rel: 'alternate', type: 'text/html', href: url }),
      ...(published ? [textElement('published', published)] : []),
      // A record republished after edits keeps its place but shows its newest change.
      textElement('updated', published && published > updated ? published : updated),
      ...(summary ? [textElement('summary', summary, { type: 'text' })] : []),
      ...(row.type ? [element('category', '', { term: row.type })] : []),
    ]);
  }

  function feed(
    c: Context,
    {
      title,
      selfPath,
      htmlPath,
      rows,
    }: { title: string; selfPath: string; htmlPath: string; rows: FeedEntryRow[] },
  ) {
    const newest = rows
      .flatMap((row) => [rfc3339(row.updatedAt), rfc3339(row.publishedAt)])
      .filter((v): v is string => v !== undefined)
      .sort()
      .at(-1);
    const body = element(
      'feed',
      [
        textElement('title', title),
        textElement('subtitle', config.archiveTagline),
        textElement('id', absolute(selfPath)),
        element('link', '', { rel: 'self', type: 'application/atom+xml', href: absolute(selfPath) }),
        element('link', '', { rel: 'alternate', type: 'text/html', href: absolute(htmlPath) }),
        textElement('updated', newest ?? '1970-01-01T00:00:00Z'),
        element('author', textElement('name', config.archiveName)),
        textElement('generator', 'Chancery'),
        ...rows.map(entry),
      ],
      { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'en' },
    );
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(xmlDeclaration + body);
  }

  const app = new Hono();

  app.get(siteFeedPath, async (c) =>
    feed(c, {
      title: `${config.archiveName}: newly published documents`,
      selfPath: siteFeedPath,
      htmlPath: '/',
      rows: await repository.latestPublished(limit),
    }),
  );

  app.get('/collections/:slug/feed.xml', async (c) => {
    const slug = c.req.param('slug');
    const collection = await repository.collectionTree(slug);
    if (!collection) return c.notFound();
    const rows = await repository.latestPublished(limit, collection.ids);
    // A collection named only by drafts does not exist for the public (as its page answers 404).
    if (rows.length === 0) return c.notFound();
    return feed(c, {
      title: `${collection.name}: newly published documents`,
      selfPath: collectionFeedPath(slug),
      htmlPath: paths.authority({ id: collection.id, kind: 'collection', slug }),
      rows,
    });
  });

  return app;
}
