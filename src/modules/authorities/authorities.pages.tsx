import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { notFound } from '../../app/errors.ts';
import { parseRecordId } from '../../app/route-params.ts';
import { hasChinese, pluralize } from '../../app/ui/format.ts';
import { Layout, renderPage, type SiteInfo } from '../../app/ui/layout.tsx';
import { ForeignName } from '../../app/ui/names.tsx';
import { Pager } from '../../app/ui/pager.tsx';
import type { AuthorityKind } from '../../database/tables.ts';
import { publicRedirectTarget } from '../authorities-admin/authority-redirects.ts';
import type { PageDeps } from '../documents/documents.pages.tsx';
import { authorityPathSegment, paths } from '../documents/documents.presenters.ts';
import { collectionFeedPath } from '../feeds/atom.routes.ts';
import { languageName } from '../shared/languages.ts';
import { type CoOccurrence, coOccurring } from './authorities.cooccurrence.ts';
import { getPublicAuthority, kindLabels, type PublicAuthority } from './authorities.page-data.ts';
import { AuthorityTimeline, byDate, CoOccurrenceList, roleSummary } from './authority-timeline.tsx';

const PER_PAGE = 100;

/** People and organizations take part in documents in different ways; other kinds have one role. */
const showsRoles = (kind: AuthorityKind) => kind === 'person' || kind === 'organization';

const AuthorityPage: FC<{
  site: SiteInfo;
  data: PublicAuthority;
  page: number;
  appearsWith: CoOccurrence[];
}> = ({ site, data, page: requestedPage, appearsWith }) => {
  const { authority: a, ancestors, children } = data;
  const documents = [...data.documents].sort(byDate);
  const roles = showsRoles(a.kind) ? roleSummary(documents) : [];
  const pages = Math.max(1, Math.ceil(documents.length / PER_PAGE));
  const page = Math.min(requestedPage, pages);
  const shown = documents.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const base = paths.authority(a);
  const chineseText = hasChinese(a.variants.map((v) => v.language));
  return (
    <Layout
      site={site}
      title={a.name}
      description={a.note ?? `${kindLabels[a.kind]}: ${a.name}, in ${site.archiveName}.`}
      canonicalPath={page > 1 ? `${base}?page=${page}` : base}
      chineseText={chineseText}
      bodyClass="page-authority"
      head={
        a.kind === 'collection' ? (
          <link
            rel="alternate"
            type="application/atom+xml"
            title={`${a.name}: new documents`}
            href={collectionFeedPath(a.slug)}
          />
        ) : null
      }
    >
      <article class="authority-page" aria-labelledby="authority-name">
        <header class="authority-header">
          <p class="document-kicker">{kindLabels[a.kind]}</p>
          {ancestors.length > 0 ? (
            <nav class="breadcrumbs" aria-label={`Where this ${kindLabels[a.kind].toLowerCase()} belongs`}>
              <ol>
                {[...ancestors].reverse().map((ancestor) => (
                  <li>
                    <a href={paths.authority(ancestor)}>{ancestor.name}</a>
                  </li>
                ))}
                <li aria-current="page">{a.name}</li>
              </ol>
            </nav>
          ) : null}
          <h1 id="authority-name">{a.name}</h1>
          {a.dates ? <p class="authority-dates">{a.dates}</p> : null}
          {roles.length > 0 ? <p class="authority-roles">{roles.join(' · ')}</p> : null}
        </header>

        {a.variants.length > 0 ? (
          <section class="authority-section" aria-labelledby="variants-heading">
            <h2 id="variants-heading">Other names</h2>
            <ul class="name-variants">
              {a.variants.map((v) => (
                <li>
                  <ForeignName variant={v} />
                  {v.language ? (
                    <span class="name-variants__language"> {languageName(v.language)}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {a.note ? (
          <section class="authority-section authority-note" aria-label="Note">
            {a.note
              .split(/\n\s*\n/)
              .filter((p) => p.trim() !== '')
              .map((p) => (
                <p>{p.trim()}</p>
              ))}
          </section>
        ) : null}

        {children.length > 0 ? (
          <section class="authority-section" aria-labelledby="children-heading">
            <h2 id="children-heading">{a.kind === 'collection' ? 'Sub-collections' : 'Places within'}</h2>
            <ul class="collection-list">
              {children.map((child) => (
                <li>
                  <a href={paths.authority(child)}>{child.name}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <CoOccurrenceList people={appearsWith} />

        <section class="authority-section" aria-labelledby="documents-heading">
          <h2 id="documents-heading">Documents</h2>
          <p class="authority-count">{pluralize(documents.length, 'published document')}</p>
          {shown.length > 0 ? (
            <AuthorityTimeline
              documents={shown}
              showRoles={showsRoles(a.kind)}
              start={(page - 1) * PER_PAGE + 1}
            />
          ) : null}
          <Pager
            page={page}
            pages={pages}
            href={(n) => (n === 1 ? base : `${base}?page=${n}`)}
            label="Pages of documents"
          />
        </section>
      </article>
    </Layout>
  );
};

const parsePage = (value: string | undefined): number => {
  const n = value && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(n, 1);
};

/**
 * Pages of people, organizations, places, subjects, archives and funders (`/{kind}/{id}`): names in
 * every script, notes, hierarchy and the published documents. Collections have their own pages
 * (src/modules/collections).
 */
export function authorityPages({ database, config, pageCache }: PageDeps) {
  const app = new Hono();
  const kinds = Object.entries(authorityPathSegment).filter(([kind]) => kind !== 'collection') as [
    AuthorityKind,
    string,
  ][];

  for (const [kind, segment] of kinds) {
    app.get(`/${segment}/:id`, async (c) => {
      const id = parseRecordId(c.req.param('id'));
      if (id === undefined) {
        throw notFound(
          'authorities.not_found',
          `This address does not name a ${kindLabels[kind].toLowerCase()} of this archive.`,
        );
      }
      // A record merged into another: its address now leads there (IDs are never reused).
      const moved = await publicRedirectTarget(database, kind, { id });
      if (moved) return c.redirect(paths.authority(moved), 301);
      return pageCache.respond(c, async () => {
        const data = await getPublicAuthority(database, kind, { id });
        const appearsWith = kind === 'person' ? await coOccurring(database, id) : [];
        return renderPage(
          <AuthorityPage
            site={config}
            data={data}
            page={parsePage(c.req.query('page'))}
            appearsWith={appearsWith}
          />,
        );
      });
    });
  }

  return app;
}
