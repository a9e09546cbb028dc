import type { FC } from 'hono/jsx';
import { formatBytes } from '../../../app/ui/format.ts';
import type { PageImage } from '../../iiif/iiif.repository.ts';
import { ScanPageViewer } from '../../iiif/scan-page-viewer.tsx';
import { isForeignToPage, languageName } from '../../shared/languages.ts';
import { paths } from '../documents.presenters.ts';
import type { StoredAsset } from '../documents.repository.ts';
import type { DocumentView } from './document-views.ts';
import { addParagraphAnchors } from './paragraph-anchors.ts';

/**
 * Headings inside a stored text start at h1; on the page they sit under the document's title (h1) and
 * the version's heading (h2), so they move down two levels to keep the outline right.
 */
export const demoteHeadings = (html: string): string =>
  html.replace(/<(\/?)h([1-6])(?=[\s>])/gi, (_m, slash: string, level: string) => {
    return `<${slash}h${Math.min(6, Number(level) + 2)}`;
  });

const panelId = (view: DocumentView) => `version-${view.key}`;
const tabId = (view: DocumentView) => `tab-${view.key}`;

/**
 * The version tabs. Without JavaScript they are plain links to `?view=`, the current one marked with
 * aria-current; app.js turns them into an ARIA tablist that switches without reloading.
 */
export const VersionTabs: FC<{
  documentId: number;
  views: DocumentView[];
  current: DocumentView;
  /** Another address per tab (a search's `?q=` kept) and something after its name (its hit count). */
  tabHref?: ((view: DocumentView) => string) | undefined;
  tabNote?: ((view: DocumentView) => unknown) | undefined;
}> = ({ documentId, views, current, tabHref, tabNote }) => (
  <nav class="version-tabs" aria-label="Versions of this document" data-version-tabs>
    <ul class="version-tabs__list">
      {views.map((view) => (
        <li class="version-tabs__item">
          <a
            class="version-tabs__tab"
            id={tabId(view)}
            href={tabHref ? tabHref(view) : paths.documentView(documentId, view.key)}
            aria-current={view === current ? 'page' : undefined}
            aria-controls={panelId(view)}
            data-view={view.key}
          >
            {view.label}
            {tabNote?.(view)}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

const TextCredit: FC<{ asset: StoredAsset }> = ({ asset }) => {
  const language = asset.language ? languageName(asset.language) : null;
  const parts: string[] = [];
  if (asset.kind === 'translation') {
    parts.push(language ? `Translation into ${language}` : 'Translation');
    if (asset.translator) parts.push(`by ${asset.translator}`);
  } else if (asset.kind === 'transcript') {
    parts.push(language ? `Transcript of the original, in ${language}` : 'Transcript of the original');
  }
  return parts.length > 0 ? <p class="version__credit">{parts.join(' ')}</p> : null;
};

type FileLinks = { view: string; download: string };
const fileLinks = (documentId: number, asset: StoredAsset): FileLinks => {
  const view = paths.asset(documentId, asset);
  return { view, download: `${view}?download=1` };
};

const fileFacts = (asset: StoredAsset, kindLabel: string) =>
  [
    kindLabel,
    asset.pageCount ? `${asset.pageCount} ${asset.pageCount === 1 ? 'page' : 'pages'}` : null,
    asset.byteSize ? formatBytes(asset.byteSize) : null,
  ]
    .filter(Boolean)
    .join(', ');

/** What a reader without a PDF viewer gets, inside the viewer and below it. */
const PdfFallback: FC<{ links: FileLinks }> = ({ links }) => (
  <div class="pdf-fallback">
    <p>This browser cannot display PDF files.</p>
    <p>
      <a href={links.download}>Download the PDF</a> or{' '}
      <a href={links.view} target="_blank" rel="noopener">
        open the PDF in a new window
      </a>
      .
    </p>
  </div>
);

/**
 * A PDF in the browser's own viewer. When its version is not the one shown, the <object> is left out
 * (a hidden one would still download the file) and app.js inserts it from the data attributes.
 */
const PdfViewer: FC<{
  asset: StoredAsset;
  links: FileLinks;
  title: string;
  active: boolean;
  page?: number | undefined;
}> = ({ asset, links, title, active, page }) => (
  <div class="pdf-viewer" data-pdf-src={links.view} data-pdf-title={title}>
    {page ? (
      <p class="file-facts">
        Page {page} of {asset.pageCount}
      </p>
    ) : null}
    {active ? (
      <object
        class="pdf-viewer__object"
        data={page ? `${links.view}#page=${page}` : links.view}
        type="application/pdf"
        title={title}
      >
        <PdfFallback links={links} />
      </object>
    ) : (
      <PdfFallback links={links} />
    )}
    <p class="file-facts">
      {fileFacts(asset, 'PDF')} · <a href={links.download}>Download the PDF</a> ·{' '}
      <a href={links.view} target="_blank" rel="noopener">
        Open the PDF in a new window
      </a>
    </p>
  </div>
);

/** An image scan; lazy only while its version is hidden, so the one shown loads at once. */
const ImageViewer: FC<{ asset: StoredAsset; links: FileLinks; alt: string; active: boolean }> = ({
  asset,
  links,
  alt,
  active,
}) => (
  <figure class="image-viewer">
    <a href={links.view}>
      <img src={links.view} alt={alt} loading={active ? 'eager' : 'lazy'} decoding="async" />
    </a>
    <figcaption class="file-facts">
      {fileFacts(asset, (asset.mediaType ?? 'image').replace('image/', '').toUpperCase())} ·{' '}
      <a href={links.download}>Download the image</a>
    </figcaption>
  </figure>
);

/**
 * The page a `?page=` link asks for, when the scan has it: a whole number from 1 to its page count.
 * Anything else opens the scan at its start, as a link to a page since removed should.
 */
export function scanPageNumber(asset: StoredAsset, requested: string | undefined): number | undefined {
  if (!requested || !/^[1-9]\d{0,5}$/.test(requested.trim())) return undefined;
  const page = Number(requested.trim());
  return asset.pageCount && page <= asset.pageCount ? page : undefined;
}

const FileViewer: FC<{
  documentId: number;
  asset: StoredAsset;
  title: string;
  active: boolean;
  page?: string | undefined;
  viewKey: string;
  pages?: PageImage[] | undefined;
}> = ({ documentId, asset, title, active, page, viewKey, pages }) => {
  const links = fileLinks(documentId, asset);
  // Page images from the ingest pipeline: the page asked for, zoomable; the file stays a link away.
  if (pages && pages.length > 0) {
    const isPdf = asset.mediaType === 'application/pdf';
    const kind = isPdf ? 'PDF' : (asset.mediaType ?? 'image').replace('image/', '').toUpperCase();
    return (
      <>
        <ScanPageViewer
          documentId={documentId}
          assetId={asset.id}
          viewKey={viewKey}
          title={title}
          pages={pages}
          active={active}
          requestedPage={page}
        />
        <p class="file-facts">
          {fileFacts(asset, kind)} · <a href={links.download}>Download the {isPdf ? 'PDF' : 'image'}</a> ·{' '}
          <a href={links.view} target="_blank" rel="noopener">
            Open the {isPdf ? 'PDF' : 'image'} in a new window
          </a>
        </p>
      </>
    );
  }
  if (asset.mediaType === 'application/pdf')
    return (
      <PdfViewer
        asset={asset}
        links={links}
        title={title}
        active={active}
        page={scanPageNumber(asset, page)}
      />
    );
  if (asset.mediaType?.startsWith('image/'))
    return <ImageViewer asset={asset} links={links} alt={title} active={active} />;
  return (
    <p class="file-facts">
      <a href={links.download}>Download the file</a> ({fileFacts(asset, asset.mediaType ?? 'file')})
    </p>
  );
};

/** One version: its heading, its credit, then the text as structured HTML or the file in a viewer. */
export const VersionPanel: FC<{
  documentId: number;
  documentTitle: string;
  view: DocumentView;
  active: boolean;
  /** The `?page=` asked for, passed to the scan viewer of the version shown. */
  scanPage?: string | undefined;
  /** The scan's page images, when the ingest pipeline has made them. */
  scanPages?: PageImage[] | undefined;
  /** The text with a search's hits marked (headings demoted already), and the bar above it. */
  markedHtml?: string | undefined;
  hitNavigation?: unknown;
}> = ({ documentId, documentTitle, view, active, scanPage, scanPages, markedHtml, hitNavigation }) => {
  const { asset } = view;
  const textLang = asset.language ?? undefined;
  return (
    <section
      class={`version version--${view.kind}`}
      id={panelId(view)}
      aria-labelledby={`${panelId(view)}-heading`}
      data-view={view.key}
      hidden={!active}
    >
      <h2 class="version__heading" id={`${panelId(view)}-heading`}>
        {view.label}
      </h2>
      <TextCredit asset={asset} />
      {hitNavigation}
      {asset.html ? (
        <div
          class={`document-text${isForeignToPage(textLang) ? ' document-text--foreign' : ''}`}
          lang={textLang}
          dangerouslySetInnerHTML={{
            __html: addParagraphAnchors(markedHtml ?? demoteHeadings(asset.html), {
              prefix: active ? '' : `${view.key}-`,
              linkBase: paths.documentView(documentId, view.key),
              label: 'Link to paragraph',
            }),
          }}
        />
      ) : null}
      {asset.blobSha256 && asset.html ? (
        <p class="file-facts">
          <a href={fileLinks(documentId, asset).download}>Download the source file</a> (
          {fileFacts(asset, asset.mediaType ?? 'file')})
        </p>
      ) : asset.blobSha256 ? (
        <FileViewer
          documentId={documentId}
          asset={asset}
          title={`${view.label}: ${documentTitle}`}
          active={active}
          page={scanPage}
          viewKey={view.key}
          pages={scanPages}
        />
      ) : null}
    </section>
  );
};
