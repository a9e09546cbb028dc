import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { FC, PropsWithChildren } from 'hono/jsx';
import type { Container } from '../../app/container.ts';
import { badRequest, notFound } from '../../app/errors.ts';
import { pluralize } from '../../app/ui/format.ts';
import { Layout, renderPage, type SiteInfo } from '../../app/ui/layout.tsx';
import { publicRedirectTarget } from '../authorities-admin/authority-redirects.ts';
import type { PageDeps } from '../documents/documents.pages.tsx';
import { paths } from '../documents/documents.presenters.ts';
import { DocumentListItem } from '../documents/page/document-list.tsx';
import { collectionFeedPath } from '../feeds/atom.routes.ts';
import { parseSearchParameters } from '../search/search.schemas.ts';
import { type SearchResult, searchDocuments } from '../search/search.usecases.ts';
import {
  type CollectionForest,
  type CollectionNode,
  type CollectionSort,
  collectionIdBySlug,
  collectionImage,
  collectionSorts,
  collectionTrail,
  isPublicCollection,
  type ListedDocument,
  loadCollectionForest,
  publicCollection,
  publishedDocumentsIn,
  subtreeIds,
} from './collections.queries.ts';
import { Pager, parsePageParameter, queryString } from './pager.tsx';

const PER_PAGE = 25;

const sortLabels: Record<CollectionSort, string> = {
  date: 'Date (oldest first)',
  'date-desc': 'Date (newest first)',
  title: 'Title',
  id: 'Record ID',
};

export const imagePath = (slug: string) => `/collections/${encodeURIComponent(slug)}/image`;

/** A description's paragraphs: editors separate them with blank lines. */
export const Paragraphs: FC<{ text: string | null; class?: string }> = ({ text, class: className }) =>
  text ? (
    <div class={className}>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((p) => (
          <p>{p}</p>
        ))}
    </div>
  ) : null;

const firstParagraph = (text: string | null) => text?.split(/\n\s*\n/)[0]?.trim() || null;

/** Headings follow the nesting (h2 at the top, one level deeper per sub-collection), as far as h6. */
const TreeHeading: FC<PropsWithChildren<{ depth: number; id: string }>> = ({ depth, id, children }) => {
  const props = { class: 'collection-card__name', id };
  switch (Math.min(depth, 4)) {
    case 0:
      return <h2 {...props}>{children}</h2>;
    case 1:
      return <h3 {...props}>{children}</h3>;
    case 2:
      return <h4 {...props}>{children}</h4>;
    case 3:
      return <h5 {...props}>{children}</h5>;
    default:
      return <h6 {...props}>{children}</h6>;
  }
};

/** One collection in the tree of /collections, with its sub-collections nested under it. */
const CollectionTreeItem: FC<{ node: CollectionNode; depth: number }> = ({ node, depth }) => (
  <li class="collection-tree__item">
    <article class="collection-card" aria-labelledby={`collection-${node.id}`}>
      {node.hasImage && depth === 0 ? (
        <img
          class="collection-card__image"
          src={imagePath(node.slug)}
          alt={node.imageAlt ?? ''}
          loading="lazy"
        />
      ) : null}
      <div class="collection-card__text">
        <TreeHeading depth={depth} id={`collection-${node.id}`}>
          <a href={paths.authority({ kind: 'collection', id: node.id, slug: node.slug })}>{node.name}</a>
        </TreeHeading>
        <p class="collection-card__count">{pluralize(node.count, 'published document')}</p>
        {depth === 0 && firstParagraph(node.description) ? (
          <p class="collection-card__description">{firstParagraph(node.description)}</p>
        ) : null}
      </div>
    </article>
    {node.children.length > 0 && depth < 8 ? (
      <ul class="collection-tree collection-tree--nested" aria-label={`Within ${node.name}`}>
        {node.children.map((child) => (
          <CollectionTreeItem node={child} depth={depth + 1} />
        ))}
      </ul>
    ) : null}
  </li>
);

const CollectionsIndexPage: FC<{ site: SiteInfo; forest: CollectionForest }> = ({ site, forest }) => (
  <Layout
    site={site}
    title="Collections"
    description={`The collections of ${site.archiveName}, with their sub-collections and documents.`}
    canonicalPath="/collections"
    bodyClass="page-collections"
  >
    <article class="discovery-page" aria-labelledby="collections-heading">
      <header class="discovery-header">
        <h1 id="collections-heading">Collections</h1>
        <p>
          {pluralize(forest.roots.length, 'collection')} at the top level; counts include the documents of
          every sub-collection.
        </p>
      </header>
      {forest.roots.length === 0 ? (
        <p>No collection has published documents yet.</p>
      ) : (
        <ul class="collection-tree">
          {forest.roots.map((node) => (
            <CollectionTreeItem node={node} depth={0} />
          ))}
        </ul>
      )}
    </article>
  </Layout>
);

type CollectionView = {
  node: CollectionNode;
  trail: CollectionNode[];
  sort: CollectionSort;
  page: number;
  pages: number;
  total: number;
  documents: ListedDocument[];
  query: string;
  search: SearchResult | null;
};

const CollectionPage: FC<{ site: SiteInfo; view: CollectionView }> = ({ site, view }) => {
  const { node, trail, sort, page, pages, total, documents, query, search } = view;
  const base = paths.authority({ kind: 'collection', id: node.id, slug: node.slug });
  const listHref = (n: number) =>
    `${base}${queryString({ sort: sort === 'date' ? null : sort, page: n === 1 ? null : n })}#documents`;
  const searchHref = (n: number) => `${base}${queryString({ q: query, page: n === 1 ? null : n })}#documents`;
  return (
    <Layout
      site={site}
      title={query ? `“${query}” in ${node.name}` : node.name}
      description={firstParagraph(node.description) ?? `Collection: ${node.name}, in ${site.archiveName}.`}
      canonicalPath={base}
      bodyClass="page-authority page-collection"
      head={
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${node.name}: new documents`}
          href={collectionFeedPath(node.slug)}
        />
      }
    >
      <article class="authority-page discovery-page" aria-labelledby="authority-name">
        <header class="authority-header">
          <nav class="breadcrumbs" aria-label="Where this collection belongs">
            <ol>
              <li>
                <a href="/collections">Collections</a>
              </li>
              {trail.map((ancestor) => (
                <li>
                  <a href={paths.authority({ kind: 'collection', id: ancestor.id, slug: ancestor.slug })}>
                    {ancestor.name}
                  </a>
                </li>
              ))}
              <li aria-current="page">{node.name}</li>
            </ol>
          </nav>
          <p class="document-kicker">Collection</p>
          <h1 id="authority-name">{node.name}</h1>
          <p class="authority-count">{pluralize(node.count, 'published document')}</p>
        </header>

        {node.hasImage ? (
          <img class="collection-image" src={imagePath(node.slug)} alt={node.imageAlt ?? ''} />
        ) : null}
        <Paragraphs text={node.description} class="authority-section authority-note" />

        {node.children.length > 0 ? (
          <section class="authority-section" aria-labelledby="children-heading">
            <h2 id="children-heading">Sub-collections</h2>
            <ul class="collection-list">
              {node.children.map((child) => (
                <li>
                  <a href={paths.authority({ kind: 'collection', id: child.id, slug: child.slug })}>
                    {child.name}
                  </a>{' '}
                  <span class="collection-list__count">({pluralize(child.count, 'document')})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section class="authority-section" aria-labelledby="documents-heading" id="documents">
          <h2 id="documents-heading">Documents</h2>
          {/* biome-ignore lint/a11y/useSemanticElements: role="search" on the form is understood by every screen reader */}
          <form
            class="collection-search"
            method="get"
            action={`${base}#documents`}
            role="search"
            aria-label={`Search within ${node.name}`}
          >
            <label for="collection-q">Search within this collection</label>
            <input id="collection-q" name="q" type="search" value={query} />
            <button type="submit">Search</button>
            {query ? <a href={`${base}#documents`}>Show all documents</a> : null}
          </form>
          {search ? (
            <>
              <p class="authority-count" aria-live="polite">
                {search.total === 0
                  ? `No document in this collection matches “${query}”.`
                  : `${pluralize(search.total, 'document')} in this collection ${search.total === 1 ? 'matches' : 'match'} “${query}”.`}{' '}
                <a href={`/search${queryString({ q: query, collection: node.slug })}`}>Open in full search</a>
              </p>
              {search.hits.length > 0 ? (
                <ol class="document-list" start={(search.page - 1) * search.perPage + 1}>
                  {search.hits.map((hit) => (
                    <DocumentListItem document={{ ...hit, status: 'published' }} />
                  ))}
                </ol>
              ) : null}
              <Pager
                page={search.page}
                pages={Math.ceil(search.total / search.perPage)}
                label="Pages of results"
                href={searchHref}
              />
            </>
          ) : (
            <>
              <form class="collection-sort" method="get" action={`${base}#documents`}>
                <label for="collection-sort">Sort by</label>
                <select id="collection-sort" name="sort">
                  {collectionSorts.map((s) => (
                    <option value={s} selected={s === sort}>
                      {sortLabels[s]}
                    </option>
                  ))}
                </select>
                <button type="submit">Sort</button>
              </form>
              <p class="authority-count">
                {pluralize(total, 'published document')}
                {pages > 1 ? `, page ${page} of ${pages}` : ''}
              </p>
              {documents.length > 0 ? (
                <ol class="document-list" start={(page - 1) * PER_PAGE + 1}>
                  {documents.map((d) => (
                    <DocumentListItem document={d} />
                  ))}
                </ol>
              ) : null}
              <Pager page={page} pages={pages} label="Pages of documents" href={listHref} />
            </>
          )}
        </section>
      </article>
    </Layout>
  );
};

const slugPattern = /^[\p{L}\p{N}-]{1,100}$/u;

/**
 * `/collections` (every public collection as a tree, with counts) and `/collections/{slug}`
 * (breadcrumbs, description, picture, sub-collections, its documents sorted and paged, and a search
 * within it through the search service), plus `/collections/{slug}/image`.
 */
export function collectionPages({
  database,
  config,
  pageCache,
  storage,
}: PageDeps & Pick<Container, 'storage'>) {
  const app = new Hono();
  const { db } = database;

  app.get('/collections', (c) =>
    pageCache.respond(c, async () =>
      renderPage(<CollectionsIndexPage site={config} forest={await loadCollectionForest(db)} />),
    ),
  );

  app.get('/collections/:slug', async (c) => {
    const slug = c.req.param('slug');
    if (!slugPattern.test(slug))
      throw notFound('collections.not_found', 'There is no such collection in this archive.');
    const sortText = c.req.query('sort') ?? 'date';
    const sort = collectionSorts.find((s) => s === sortText);
    if (!sort) throw badRequest('collections.bad_sort', `Sort by ${collectionSorts.join(', ')}.`);
    const page = parsePageParameter(c.req.query('page'));
    if (page === undefined)
      throw badRequest('collections.bad_page', 'The page must be a whole number from 1.');
    const query = (c.req.query('q') ?? '').trim().slice(0, 500);

    if (!(await collectionIdBySlug(db, slug))) {
      // A merged collection's old address leads to the one it was merged into.
      const moved = await publicRedirectTarget(database, 'collection', { slug });
      if (moved) return c.redirect(paths.authority(moved), 301);
    }
    // Everything else is rendered once per content version: the page cache answers repeat visits.
    return pageCache.respond(c, async () => {
      const forest = await loadCollectionForest(db);
      const node = publicCollection(forest, slug);
      const trail = await collectionTrail(db, forest, node);
      let search: SearchResult | null = null;
      let listed: { total: number; items: ListedDocument[] } = { total: 0, items: [] };
      let pages = 1;
      if (query) {
        const { request, problems } = parseSearchParameters({
          q: [query],
          collection: [String(node.id)],
          page: [String(page)],
          facets: ['0'],
        });
        if (problems.length > 0) throw badRequest('collections.bad_query', problems.join(' '));
        search = await searchDocuments({ db, dialect: database.dialect }, request);
      } else {
        const ids = subtreeIds(node);
        listed = await publishedDocumentsIn(db, ids, { sort, page, perPage: PER_PAGE });
        pages = Math.max(1, Math.ceil(listed.total / PER_PAGE));
        // Past the last page (an old link to a shrunken collection): the last page, not an empty one.
        if (page > pages)
          listed = await publishedDocumentsIn(db, ids, { sort, page: pages, perPage: PER_PAGE });
      }
      const view: CollectionView = {
        node,
        trail,
        sort,
        page: Math.min(page, pages),
        pages,
        total: listed.total,
        documents: listed.items,
        query,
        search,
      };
      return renderPage(<CollectionPage site={config} view={view} />);
    });
  });

  app.get('/collections/:slug/image', async (c) => {
    const slug = c.req.param('slug');
    const missing = notFound('collections.no_image', 'This collection has no picture.');
    if (!slugPattern.test(slug)) throw missing;
    const id = await collectionIdBySlug(db, slug);
    const image =
      id !== undefined && (await isPublicCollection(db, id)) ? await collectionImage(db, id) : undefined;
    const stream = image ? await storage.open(image.sha256) : undefined;
    if (!image || !stream) throw missing;
    c.header('Content-Type', image.mediaType);
    c.header('Cache-Control', 'public, max-age=300');
    c.header('ETag', `"${image.sha256}"`);
    if (c.req.header('If-None-Match') === `"${image.sha256}"`) {
      stream.destroy();
      return c.body(null, 304);
    }
    return c.body(Readable.toWeb(stream) as ReadableStream);
  });

  return app;
}
