import { Hono } from 'hono';
import type { Container } from '../../app/container.ts';
import { notFound } from '../../app/errors.ts';
import { parseRecordId } from '../../app/route-params.ts';
import { getPublicAuthority, type PublicAuthority } from '../authorities/authorities.page-data.ts';
import { type Authority, createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { paths, presentDate } from '../documents/documents.presenters.ts';
import { paginationSchema } from '../documents/documents.schemas.ts';
import { createFeedsRepository } from '../feeds/feeds.repository.ts';
import { authorityQuerySchema, type CollectionNode } from './api.schemas.ts';

type Page = { page: number; perPage: number };
const slicePage = <T>(items: T[], { page, perPage }: Page) =>
  items.slice((page - 1) * perPage, page * perPage);

/**
 * `/api/v1/authorities` and `/api/v1/collections`: people, organizations, places, subjects,
 * repositories, funders and collections, each only when a published document leads to it.
 */
export function authoritiesApiRoutes({ database, config }: Pick<Container, 'database' | 'config'>) {
  const { db } = database;
  const feeds = createFeedsRepository(database);
  const authorities = createAuthoritiesRepository(database);
  const absolute = (path: string) => `${config.baseUrl}${path}`;

  const summary = (a: Authority) => ({
    id: a.id,
    kind: a.kind,
    name: a.name,
    variants: a.variants,
    url: absolute(paths.authority(a)),
    slug: a.slug,
    parentId: a.parentId,
    note: a.note,
    dates: a.dates,
    apiUrl: absolute(
      a.kind === 'collection'
        ? `/api/v1/collections/${encodeURIComponent(a.slug)}`
        : `/api/v1/authorities/${a.id}`,
    ),
  });

  const detail = (data: PublicAuthority, pageOf: Page) => ({
    ...summary(data.authority),
    ancestors: data.ancestors.map(summary),
    children: data.children.map(summary),
    documents: {
      total: data.documents.length,
      page: pageOf.page,
      perPage: pageOf.perPage,
      items: slicePage(data.documents, pageOf).map((d) => ({
        id: d.id,
        externalId: d.externalId,
        title: d.title,
        date: presentDate(d.date),
        url: absolute(paths.document(d.id)),
        summary: d.summary,
        roles: d.roles,
      })),
    },
  });

  const pageOf = (query: Record<string, string | undefined>): Page => {
    const { page, per_page } = paginationSchema.parse({ page: query.page, per_page: query.per_page });
    return { page, perPage: per_page };
  };

  /** Public collections as a forest, each with the distinct published documents in its subtree. */
  async function collectionForest(): Promise<{
    roots: CollectionNode[];
    bySlug: Map<string, CollectionNode>;
  }> {
    const rows = (await feeds.publicAuthorities()).filter((row) => row.kind === 'collection');
    const full = new Map((await authorities.findManyByIds(rows.map((row) => row.id))).map((a) => [a.id, a]));
    const filings = await db
      .selectFrom('document_authorities')
      .innerJoin('documents', 'documents.id', 'document_authorities.document_id')
      .select(['document_authorities.authority_id', 'document_authorities.document_id'])
      .where('document_authorities.role', '=', 'collection')
      .where('documents.status', '=', 'published')
      .execute();
    const nodes = new Map<number, CollectionNode & { documents: Set<number> }>();
    for (const row of rows) {
      const authority = full.get(row.id);
      if (authority)
        nodes.set(row.id, { ...summary(authority), documentCount: 0, children: [], documents: new Set() });
    }
    for (const filing of filings) nodes.get(filing.authority_id)?.documents.add(filing.document_id);
    const roots: CollectionNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
      if (parent && parent !== node) parent.children.push(node);
      else roots.push(node);
    }
    // Counts are distinct documents of the whole subtree: a record filed twice counts once.
    const visiting = new Set<number>();
    const collect = (node: CollectionNode & { documents: Set<number> }): Set<number> => {
      if (visiting.has(node.id)) return new Set();
      visiting.add(node.id);
      const all = new Set(node.documents);
      for (const child of node.children) for (const id of collect(child as typeof node)) all.add(id);
      node.documentCount = all.size;
      node.children.sort((a, b) => a.name.localeCompare(b.name));
      return all;
    };
    roots.sort((a, b) => a.name.localeCompare(b.name));
    for (const root of roots) collect(root as CollectionNode & { documents: Set<number> });
    const clean = (node: CollectionNode): CollectionNode => {
      const { documents: _documents, ...rest } = node as CollectionNode & { documents?: Set<number> };
      return { ...rest, children: node.children.map(clean) };
    };
    const cleaned = roots.map(clean);
    const bySlug = new Map<string, CollectionNode>();
    const index = (node: CollectionNode) => {
      bySlug.set(node.slug, node);
      node.children.forEach(index);
    };
    cleaned.forEach(index);
    return { roots: cleaned, bySlug };
  }

  const app = new Hono();

  app.get('/authorities', async (c) => {
    const query = authorityQuerySchema.parse({
      kind: c.req.query('kind') || undefined,
      page: c.req.query('page'),
      per_page: c.req.query('per_page'),
    });
    const page = { page: query.page, perPage: query.per_page };
    const rows = (await feeds.publicAuthorities()).filter((row) => !query.kind || row.kind === query.kind);
    const ids = slicePage(rows, page).map((row) => row.id);
    const byId = new Map((await authorities.findManyByIds(ids)).map((a) => [a.id, a]));
    return c.json({
      total: rows.length,
      page: page.page,
      perPage: page.perPage,
      authorities: ids.flatMap((id) => {
        const authority = byId.get(id);
        return authority ? [summary(authority)] : [];
      }),
    });
  });

  app.get('/authorities/:id', async (c) => {
    const id = parseRecordId(c.req.param('id'));
    const missing = notFound('authorities.not_found', 'There is no such authority in this archive.');
    if (id === undefined) throw missing;
    const kind = await authorities.kindOf(id);
    if (!kind) throw missing;
    return c.json(detail(await getPublicAuthority(database, kind, { id }), pageOf(c.req.query())));
  });

  app.get('/collections', async (c) => {
    const page = pageOf(c.req.query());
    const { roots } = await collectionForest();
    return c.json({
      total: roots.length,
      page: page.page,
      perPage: page.perPage,
      collections: slicePage(roots, page),
    });
  });

  app.get('/collections/:slug', async (c) => {
    const slug = c.req.param('slug');
    const data = await getPublicAuthority(database, 'collection', { slug });
    const node = (await collectionForest()).bySlug.get(data.authority.slug);
    return c.json({
      ...detail(data, pageOf(c.req.query())),
      documentCount: node?.documentCount ?? 0,
      children: node?.children ?? [],
    });
  });

  return app;
}
