import type { FC } from 'hono/jsx';
import { hasChinese } from '../../../app/ui/format.ts';
import { Layout, type SiteInfo } from '../../../app/ui/layout.tsx';
import { AuthorityLink, JoinedList } from '../../../app/ui/names.tsx';
import { citationPieces } from '../../citations/chicago.ts';
import { citationDownloads } from '../../citations/citation-links.ts';
import { builtInCitationStyles, selectCitationStyle } from '../../citations/citation-styles.ts';
import { type CitationCatalog, createCitationCatalog } from '../../citations/csl-styles.ts';
import { coinsTitle, documentJsonLd, jsonForScriptBlock } from '../../citations/machine-readable.ts';
import type { ScanWithPages } from '../../iiif/iiif.scans.ts';
import { ScanViewerHead } from '../../iiif/scan-page-viewer.tsx';
import { paths } from '../documents.presenters.ts';
import type { StoredDocument } from '../documents.repository.ts';
import { formatHistoricalDate, isoHistoricalDate, makeHistoricalDate } from '../historical-date.ts';
import { type RelatedDocuments, RelatedDocumentsSection } from '../similar/related-documents.tsx';
import { CitationBox, CitationText, CopyButton, ShareBox } from './document-actions.tsx';
import { documentHits, HitNavigation, hitsHref, hitsScript, TabHitCount } from './document-hits.tsx';
import { DocumentDate, DocumentMetadata } from './document-metadata.tsx';
import { VersionPanel, VersionTabs } from './document-reader.tsx';
import { type DocumentView, defaultView } from './document-views.ts';
import { type HitQuery, highlightPlainText } from './hit-highlighting.ts';
import type { SideBySide } from './side-by-side/side-by-side.data.ts';
import { SideBySideLink, SideBySideReader } from './side-by-side/side-by-side.tsx';

type DocumentPageProps = {
  site: SiteInfo;
  document: StoredDocument;
  views: DocumentView[];
  current: DocumentView | undefined;
  /** The `?cite=` style asked for; unknown values fall back to Chicago notes-bibliography. */
  citeStyle?: string | undefined;
  /** The `?version=` date a pinned citation link carries. */
  requestedVersion?: string | undefined;
  /** The `?page=` of a scan link: the page the PDF viewer opens at. */
  scanPage?: string | undefined;
  /** The styles offered: the built-in ones plus any CSL styles the operator installed. */
  citations?: CitationCatalog;
  /** Scans with page images: shown page by page, zoomable, and described by a IIIF manifest. */
  scanPages?: ScanWithPages[];
  /** Editors' links (both ways) and similar documents, shown under the record. */
  related?: RelatedDocuments | undefined;
  /** The `?q=` of a reader coming from search results: its words are marked in the texts. */
  hitQuery?: HitQuery | undefined;
  /** The side-by-side reader (`?view=side-by-side`), shown in place of the version tabs. */
  sideBySide?: SideBySide | undefined;
};

/** The day a version's text last changed, which a pinned citation names. */
const versionDate = (view: DocumentView) => view.asset.updatedAt.slice(0, 10);

const readableDay = (iso: string) => {
  try {
    return formatHistoricalDate(makeHistoricalDate({ start: iso }));
  } catch {
    return iso;
  }
};

/**
 * Metadata for reference managers, harvesters, search engines and link previews: Highwire Press
 * `citation_*` tags (what Zotero's Embedded Metadata translator and Google Scholar read first), Dublin
 * Core, schema.org JSON-LD and Open Graph. The COinS span is in the body, where COinS readers look.
 */
const DocumentHead: FC<DocumentPageProps & { permalink: string }> = ({
  site,
  document: d,
  views,
  permalink,
  scanPages,
}) => {
  const scan = views.find((v) => v.kind === 'scan' && v.asset.mediaType === 'application/pdf');
  const pdfUrl = scan ? `${site.baseUrl}${paths.asset(d.id, scan.asset)}` : undefined;
  const authors = d.agents.filter((a) => a.role === 'author');
  const translators = citationPieces(d, site).translators;
  const held = [d.repository?.name, d.archivalReference].filter(Boolean).join(', ');
  return (
    <>
      <link rel="alternate" type="application/json" href={`/api/v1/documents/${d.id}`} />
      <ScanViewerHead documentId={d.id} scans={scanPages ?? []} />
      {citationDownloads(d.id).map((download) => (
        <link
          rel="alternate"
          type={download.type}
          href={download.href}
          title={`Citation (${download.label})`}
        />
      ))}
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={site.archiveName} />
      <meta property="og:title" content={d.title} />
      <meta property="og:url" content={permalink} />
      {d.summary ? <meta property="og:description" content={d.summary} /> : null}
      <meta name="citation_title" content={d.title} />
      {d.date ? <meta name="citation_date" content={isoHistoricalDate(d.date).replace(/-/g, '/')} /> : null}
      {authors.map((a) => (
        <meta name="citation_author" content={a.name} />
      ))}
      <meta name="citation_publisher" content={site.archiveName} />
      {d.repository ? <meta name="citation_archive" content={d.repository.name} /> : null}
      {d.archivalReference ? <meta name="citation_archive_location" content={d.archivalReference} /> : null}
      {d.languages.map((tag) => (
        <meta name="citation_language" content={tag} />
      ))}
      {d.subjects.length > 0 ? (
        <meta name="citation_keywords" content={d.subjects.map((s) => s.name).join('; ')} />
      ) : null}
      {pdfUrl ? <meta name="citation_pdf_url" content={pdfUrl} /> : null}
      <meta name="citation_public_url" content={permalink} />
      <meta name="citation_abstract_html_url" content={permalink} />
      <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/" />
      <link rel="schema.DCTERMS" href="http://purl.org/dc/terms/" />
      <meta name="DC.title" content={d.title} />
      {authors.map((a) => (
        <meta name="DC.creator" content={a.name} />
      ))}
      {translators.map((name) => (
        <meta name="DC.contributor" content={name} />
      ))}
      {d.date ? <meta name="DC.date" content={isoHistoricalDate(d.date)} /> : null}
      {d.type ? <meta name="DC.type" content={d.type} /> : null}
      {d.languages.map((tag) => (
        <meta name="DC.language" content={tag} />
      ))}
      {d.summary ? <meta name="DC.description" content={d.summary} /> : null}
      <meta name="DC.identifier" content={permalink} />
      <meta name="DC.publisher" content={site.archiveName} />
      {held ? <meta name="DC.source" content={held} /> : null}
      {d.rights ? <meta name="DC.rights" content={d.rights} /> : null}
      {d.subjects.map((s) => (
        <meta name="DC.subject" content={s.name} />
      ))}
      {d.places.map((place) => (
        <meta name="DCTERMS.spatial" content={place.name} />
      ))}
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: jsonForScriptBlock(documentJsonLd(d, site, pdfUrl)) }}
      />
    </>
  );
};

/**
 * The public page of one document, in the reference archive's order: date, funders, citation and
 * share actions, summary, the full citation line with the permanent link, the version tabs, the text
 * (or scan), and the record's metadata beside it on wide screens and below it on phones.
 */
export const DocumentPage: FC<DocumentPageProps> = (props) => {
  const { site, document: d, views, current } = props;
  const citations = props.citations ?? createCitationCatalog(undefined);
  const permalink = `${site.baseUrl}${paths.document(d.id)}`;
  const citeOptions = { baseUrl: site.baseUrl, archiveName: site.archiveName };
  const style = citations.find(props.citeStyle);
  // The line under the summary and the printed "Cite as" always use the Chicago bibliography entry.
  const chicagoForms = selectCitationStyle(builtInCitationStyles, 'chicago').format(d, citeOptions);
  const bibliography = chicagoForms[chicagoForms.length - 1]!.citation;
  const forms = style.format(d, citeOptions).map((form, index) => ({ ...form, id: `citation-${index + 1}` }));
  const showingDefault = !current || current === defaultView(views);
  const canonicalPath = showingDefault ? paths.document(d.id) : paths.documentView(d.id, current.key);
  const styleHref = (id: string) =>
    `${paths.document(d.id)}?${showingDefault ? '' : `view=${encodeURIComponent(current.key)}&`}cite=${encodeURIComponent(id)}#cite`;
  // A pinned citation names the version being read by the day its text last changed, and links to it
  // with ?view= (a stable key) and ?version= (that day), so a later reader can tell it has been revised.
  const pinned = current ? versionDate(current) : undefined;
  const version =
    current && pinned
      ? {
          label: `${current.label}, as of ${readableDay(pinned)}`,
          forms: style
            .format(d, {
              ...citeOptions,
              version: {
                date: pinned,
                url: `${site.baseUrl}${paths.document(d.id)}?view=${encodeURIComponent(current.key)}&version=${pinned}`,
              },
            })
            .map((form, index) => ({ ...form, id: `citation-version-${index + 1}` })),
        }
      : undefined;
  const requested = props.requestedVersion?.trim();
  const revisedSince =
    current && pinned && requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) && requested < pinned
      ? { requested, pinned }
      : undefined;
  const chineseText = hasChinese([
    ...d.assets.map((a) => a.language),
    ...[...d.agents, ...d.places, ...d.subjects, ...d.collections, ...d.funders].flatMap((a) =>
      a.variants.map((v) => v.language),
    ),
  ]);
  const hitQuery = props.hitQuery;
  const hits = hitQuery ? documentHits(views, current, hitQuery) : undefined;
  const kicker = [d.type ? d.type.charAt(0).toUpperCase() + d.type.slice(1) : null, d.placeOfOrigin]
    .filter(Boolean)
    .join(' · ');

  return (
    <Layout
      site={site}
      title={d.title}
      description={d.summary}
      canonicalPath={canonicalPath}
      chineseText={chineseText}
      bodyClass="page-document"
      head={
        <>
          <DocumentHead {...props} permalink={permalink} />
          {hits ? <script src={hitsScript} defer></script> : null}
        </>
      }
      query={hitQuery?.text}
    >
      <article class="document" aria-labelledby="document-title">
        <header class="document-header">
          {kicker ? <p class="document-kicker">{kicker}</p> : null}
          {hitQuery ? (
            <h1
              id="document-title"
              class="document-title"
              dangerouslySetInnerHTML={{ __html: highlightPlainText(d.title, hitQuery.inTitle) }}
            />
          ) : (
            <h1 id="document-title" class="document-title">
              {d.title}
            </h1>
          )}
          {d.subtitle ? <p class="document-subtitle">{d.subtitle}</p> : null}
          <p class="document-date">{d.date ? <DocumentDate date={d.date} /> : 'Undated'}</p>
          {d.funders.length > 0 ? (
            <p class="document-funders">
              This document was made possible with support from{' '}
              <JoinedList
                items={d.funders.map((f) => <AuthorityLink authority={f} withVariants={false} />)}
              />
              .
            </p>
          ) : null}
        </header>

        <div class="document-body">
          <div class="document-main">
            <div class="document-actions">
              <CitationBox
                styleLabel={style.label}
                forms={forms}
                choices={[...citations.builtIn, ...citations.listedCsl].map((s) => ({
                  id: s.id,
                  label: s.label,
                  href: styleHref(s.id),
                }))}
                otherStyles={
                  citations.cslCount > citations.listedCsl.length
                    ? { count: citations.cslCount, view: showingDefault ? undefined : current.key }
                    : undefined
                }
                currentStyle={style.id}
                open={props.citeStyle !== undefined}
                version={version}
                downloads={citationDownloads(d.id)}
              />
              <ShareBox title={d.title} permalink={permalink} archiveName={site.archiveName} />
            </div>

            {d.summary ? (
              <section class="document-summary" aria-labelledby="summary-heading">
                <h2 id="summary-heading" class="visually-hidden">
                  Summary
                </h2>
                {d.summary
                  .split(/\n\s*\n/)
                  .filter((p) => p.trim() !== '')
                  .map((paragraph) =>
                    hitQuery ? (
                      <p
                        dangerouslySetInnerHTML={{
                          __html: highlightPlainText(paragraph.trim(), hitQuery.inSummary),
                        }}
                      />
                    ) : (
                      <p>{paragraph.trim()}</p>
                    ),
                  )}
              </section>
            ) : null}

            <div class="citation-line">
              <p class="citation-line__text">
                <CitationText parts={bibliography.parts} />
              </p>
              <p class="permalink">
                <span class="permalink__label">Permanent link: </span>
                <a href={permalink} class="permalink__url">
                  {permalink}
                </a>{' '}
                <CopyButton text={permalink} label="Copy link" />
              </p>
            </div>

            {revisedSince ? (
              <p class="version-notice" role="note">
                The link you followed cites this text as of {readableDay(revisedSince.requested)}. It has been
                revised since; the text below is the version of {readableDay(revisedSince.pinned)}.
              </p>
            ) : null}
            {props.sideBySide ? (
              <SideBySideReader documentId={d.id} views={views} data={props.sideBySide} />
            ) : current ? (
              <div class="reader">
                <VersionTabs
                  documentId={d.id}
                  views={views}
                  current={current}
                  tabHref={hits ? (view) => hitsHref(d.id, view.key, hits.query.text) : undefined}
                  tabNote={
                    hits
                      ? (view) => (
                          <TabHitCount count={hits.counts.get(view.key)} more={hits.more.has(view.key)} />
                        )
                      : undefined
                  }
                />
                <SideBySideLink documentId={d.id} views={views} q={hitQuery?.text} />
                {views.map((view) => (
                  <VersionPanel
                    documentId={d.id}
                    documentTitle={d.title}
                    view={view}
                    active={view === current}
                    scanPage={view === current ? props.scanPage : undefined}
                    scanPages={props.scanPages?.find((s) => s.view.key === view.key)?.pages}
                    markedHtml={hits?.html.get(view.key)}
                    hitNavigation={
                      hits ? (
                        <HitNavigation
                          documentId={d.id}
                          views={views}
                          view={view}
                          active={view === current}
                          hits={hits}
                          clearHref={
                            view === defaultView(views)
                              ? paths.document(d.id)
                              : paths.documentView(d.id, view.key)
                          }
                        />
                      ) : undefined
                    }
                  />
                ))}
              </div>
            ) : (
              <p class="reader-empty">No text or scan of this document has been published yet.</p>
            )}
          </div>

          <DocumentMetadata document={d} views={views} />
        </div>

        {props.related ? <RelatedDocumentsSection related={props.related} /> : null}

        <span class="Z3988" title={coinsTitle(d, site)} />
        <footer class="print-only print-citation">
          <p>
            <strong>Cite as:</strong> {bibliography.text}
          </p>
        </footer>
      </article>
    </Layout>
  );
};
