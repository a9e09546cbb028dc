import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { notFound } from '../../app/errors.ts';
import { pluralize } from '../../app/ui/format.ts';
import { Layout, renderPage, type SiteInfo } from '../../app/ui/layout.tsx';
import { citationDownloads } from '../citations/citation-links.ts';
import { Paragraphs } from '../collections/collections.pages.tsx';
import type { PageDeps } from '../documents/documents.pages.tsx';
import { paths } from '../documents/documents.presenters.ts';
import { DocumentDate } from '../documents/page/document-metadata.tsx';
import { getPublicReader, listPublicReaders, type PublicReader, readerPath } from './readers.queries.ts';

const ReadersIndexPage: FC<{ site: SiteInfo; items: Awaited<ReturnType<typeof listPublicReaders>> }> = ({
  site,
  items,
}) => (
  <Layout
    site={site}
    title="Readers"
    description={`Readers of ${site.archiveName}: documents chosen and annotated for teaching.`}
    canonicalPath="/readers"
    bodyClass="page-readers"
  >
    <article class="discovery-page" aria-labelledby="readers-heading">
      <header class="discovery-header">
        <h1 id="readers-heading">Readers</h1>
        <p>
          Documents chosen and put in order for teaching, each with notes by the editors. Every reader prints
          as a handout and can be cited.
        </p>
      </header>
      {items.length === 0 ? (
        <p>No reader has been published yet.</p>
      ) : (
        <ul class="discovery-list">
          {items.map(({ reader, count }) => (
            <li class="discovery-list__item">
              <h2 class="discovery-list__title">
                <a href={readerPath(reader.slug)}>{reader.title}</a>
              </h2>
              <p class="discovery-list__meta">
                {reader.compiler ? `Compiled by ${reader.compiler} · ` : ''}
                {pluralize(count, 'document')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </article>
  </Layout>
);

const ReaderPage: FC<{ site: SiteInfo; data: PublicReader }> = ({ site, data }) => {
  const { reader, items, citation } = data;
  return (
    <Layout
      site={site}
      title={reader.title}
      description={`A reader of ${pluralize(items.length, 'document')} from ${site.archiveName}${reader.compiler ? `, compiled by ${reader.compiler}` : ''}.`}
      canonicalPath={readerPath(reader.slug)}
      bodyClass="page-reader"
    >
      <article class="discovery-page reader-page" aria-labelledby="reader-title">
        <header class="discovery-header">
          <nav class="breadcrumbs" aria-label="Where this reader belongs">
            <ol>
              <li>
                <a href="/readers">Readers</a>
              </li>
              <li aria-current="page">{reader.title}</li>
            </ol>
          </nav>
          <p class="document-kicker">Reader</p>
          <h1 id="reader-title">{reader.title}</h1>
          <p class="discovery-header__summary">
            {reader.compiler ? `Compiled by ${reader.compiler}. ` : ''}
            {pluralize(items.length, 'document')}.
          </p>
          <p class="reader-print-hint">
            To hand it out, print this page: the printed copy keeps the introduction, each document’s title,
            date, citation and notes, and leaves out the site around them.
          </p>
        </header>

        {reader.introductionHtml ? (
          <section class="reader-introduction document-text" aria-labelledby="introduction-heading">
            <h2 id="introduction-heading">Introduction</h2>
            <div dangerouslySetInnerHTML={{ __html: reader.introductionHtml }} />
          </section>
        ) : null}

        <section class="reader-documents" aria-labelledby="reader-documents-heading">
          <h2 id="reader-documents-heading">Documents</h2>
          {items.length === 0 ? (
            <p>None of the documents of this reader is published at the moment.</p>
          ) : (
            <ol class="reader-items">
              {items.map((item) => (
                <li class="reader-item" id={`item-${item.position}`}>
                  <article aria-labelledby={`item-${item.position}-title`}>
                    <h3 class="reader-item__title" id={`item-${item.position}-title`}>
                      <a href={paths.document(item.document.id)}>{item.document.title}</a>
                    </h3>
                    <p class="reader-item__meta">
                      {item.document.date ? <DocumentDate date={item.document.date} /> : 'Undated'}
                      <span class="reader-item__id"> · Record {item.document.id}</span>
                    </p>
                    {item.note ? (
                      <section class="reader-item__note" aria-label="Editor’s note">
                        <Paragraphs text={item.note} />
                      </section>
                    ) : null}
                    <p class="reader-item__citation">
                      <span class="reader-item__citation-label">Cite as: </span>
                      <span dangerouslySetInnerHTML={{ __html: item.citation.bibliography.html }} />
                    </p>
                    <p class="reader-item__links">
                      <a href={`${paths.document(item.document.id)}#cite`}>
                        Other citation styles<span class="visually-hidden"> for {item.document.title}</span>
                      </a>
                      {citationDownloads(item.document.id).map((d) => (
                        <>
                          {' · '}
                          <a href={d.href} type={d.type}>
                            {d.label}
                            <span class="visually-hidden"> for {item.document.title}</span>
                          </a>
                        </>
                      ))}
                    </p>
                  </article>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section class="reader-cite" aria-labelledby="reader-cite-heading">
          <h2 id="reader-cite-heading">Cite this reader</h2>
          <dl class="reader-cite__forms">
            <dt>Chicago, note</dt>
            <dd dangerouslySetInnerHTML={{ __html: citation.note.html }} />
            <dt>Chicago, bibliography</dt>
            <dd dangerouslySetInnerHTML={{ __html: citation.bibliography.html }} />
          </dl>
        </section>
      </article>
    </Layout>
  );
};

/** `/readers` and `/readers/{slug}`: curated sets of documents for teaching, printable and citable. */
export function readerPages({ database, config, pageCache }: PageDeps) {
  const app = new Hono();
  const { db } = database;

  app.get('/readers', (c) =>
    pageCache.respond(c, async () =>
      renderPage(<ReadersIndexPage site={config} items={await listPublicReaders(db)} />),
    ),
  );

  app.get('/readers/:slug', async (c) => {
    const slug = c.req.param('slug');
    if (!/^[\p{L}\p{N}-]{1,100}$/u.test(slug)) {
      throw notFound('readers.not_found', 'There is no such reader in this archive.');
    }
    return pageCache.respond(c, async () =>
      renderPage(<ReaderPage site={config} data={await getPublicReader(db, slug, config)} />),
    );
  });

  return app;
}
