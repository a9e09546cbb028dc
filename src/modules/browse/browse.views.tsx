import type { FC } from 'hono/jsx';
import { pluralize } from '../../app/ui/format.ts';
import { Layout, type SiteInfo } from '../../app/ui/layout.tsx';
import { AuthorityLink } from '../../app/ui/names.tsx';
import type { AuthorityKind } from '../../database/tables.ts';
import { azIndexes, BrowseTrail, nounsOf } from './browse.parts.tsx';
import type { PlaceNode } from './browse.queries.ts';

const PageFrame: FC<{
  site: SiteInfo;
  title: string;
  canonicalPath: string;
  chineseText?: boolean;
  trail?: { label: string; href?: string }[];
  children?: unknown;
}> = ({ site, title, canonicalPath, chineseText, trail, children }) => (
  <Layout
    site={site}
    title={title}
    canonicalPath={canonicalPath}
    chineseText={chineseText}
    bodyClass="page-browse"
  >
    <article class="browse-page" aria-labelledby="browse-heading">
      <header class="browse-header">
        {trail ? <BrowseTrail steps={trail} /> : null}
        <h1 id="browse-heading">{title}</h1>
      </header>
      {children}
    </article>
  </Layout>
);

export type BrowseIndexView = {
  dated: number;
  undated: number;
  places: number;
  counts: Partial<Record<AuthorityKind, number>>;
};

/** `/browse`: the ways into the archive other than search. */
export const BrowseIndexPage: FC<{ site: SiteInfo; view: BrowseIndexView }> = ({ site, view }) => (
  <PageFrame site={site} title="Browse the archive" canonicalPath="/browse">
    <ul class="browse-ways">
      <li>
        <a href="/browse/dates">By date</a>
        <span class="browse-ways__count">
          {' '}
          · {pluralize(view.dated, 'dated document')}
          {view.undated > 0 ? `, ${view.undated.toLocaleString('en-US')} undated` : ''}
        </span>
      </li>
      <li>
        <a href="/browse/places">By place</a>
        <span class="browse-ways__count"> · {pluralize(view.places, 'place')}</span>
      </li>
      {azIndexes.map((index) => (
        <li>
          <a href={`/browse/${index.segment}`}>{index.heading}, A–Z</a>
          <span class="browse-ways__count">
            {' '}
            · {pluralize(view.counts[index.kind] ?? 0, index.noun, nounsOf(index))}
          </span>
        </li>
      ))}
    </ul>
  </PageFrame>
);

const countOf = (n: number) => pluralize(n, 'document');

const PlaceBranch: FC<{ nodes: PlaceNode[] }> = ({ nodes }) => (
  <ul>
    {nodes.map((node) => (
      <li>
        <AuthorityLink authority={node.authority} />
        <span class="place-tree__count"> · {countOf(node.count)}</span>
        {node.children.length > 0 ? <PlaceBranch nodes={node.children} /> : null}
      </li>
    ))}
  </ul>
);

/** `/browse/places`: the place hierarchy, each place counted with the places within it. */
export const PlacesPage: FC<{ site: SiteInfo; tree: PlaceNode[] }> = ({ site, tree }) => {
  const chinese = (nodes: PlaceNode[]): boolean =>
    nodes.some((n) => n.authority.variants.some((v) => v.language?.startsWith('zh')) || chinese(n.children));
  return (
    <PageFrame
      site={site}
      title="Browse by place"
      canonicalPath="/browse/places"
      chineseText={chinese(tree)}
      trail={[{ label: 'Browse', href: '/browse' }, { label: 'Places' }]}
    >
      {tree.length > 0 ? (
        <section aria-labelledby="tree-heading">
          <h2 id="tree-heading">Places</h2>
          <p>Each count includes the documents of the places within it, each document once.</p>
          <div class="place-tree">
            <PlaceBranch nodes={tree} />
          </div>
        </section>
      ) : (
        <p>No places are linked to published documents yet.</p>
      )}
    </PageFrame>
  );
};
