import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FC } from 'hono/jsx';
import { assetUrl } from '../../app/ui/layout.tsx';
import type { DocumentView } from '../documents/page/document-views.ts';
import { presentationMediaType } from './iiif.manifest.ts';
import type { PageImage } from './iiif.repository.ts';
import { iiifPaths, type ScanWithPages } from './iiif.scans.ts';

/**
 * The pages of a scan on the document page. Without JavaScript: the page asked for by `?page=` as the
 * pipeline's reading image, with previous/next links and a page number form. With it,
 * `/static/scan-viewer.js` puts that page in an OpenSeadragon viewer fed by our level-0 IIIF tiles,
 * with zoom buttons and page changes in place.
 */

function openSeadragonVersion(): string {
  const main = createRequire(import.meta.url).resolve('openseadragon');
  const manifest = path.join(path.dirname(main), '..', '..', 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

const viewerAssets = {
  css: assetUrl('scan-viewer.css'),
  js: assetUrl('scan-viewer.js'),
  // The version of the npm package: a new release of it gets a new URL.
  openSeadragon: `/static/vendor/openseadragon.min.js?v=${openSeadragonVersion()}`,
};

/** For the page's <head>: the manifest as an alternate form, and the viewer's script and styles. */
export const ScanViewerHead: FC<{ documentId: number; scans: ScanWithPages[] }> = ({ documentId, scans }) =>
  scans.length === 0 ? null : (
    <>
      <link
        rel="alternate"
        type={presentationMediaType}
        href={iiifPaths.manifest(documentId)}
        title="IIIF manifest"
      />
      <link rel="stylesheet" href={viewerAssets.css} />
      <script src={viewerAssets.openSeadragon} defer></script>
      <script src={viewerAssets.js} defer></script>
    </>
  );

/**
 * The view a bare `?page=N` link opens: the first scan with page images, when no `?view=` says
 * otherwise. Links from search results and page text name only the page.
 */
export function viewForPageLink(
  views: DocumentView[],
  scans: ScanWithPages[],
  requested: { view: string | undefined; page: string | undefined },
): string | undefined {
  if (requested.view !== undefined || requested.page === undefined) return requested.view;
  return scans[0]?.view.key ?? views.find((v) => v.kind === 'scan')?.key;
}

/** The page a `?page=` asks for, when the scan has an image of it; else its first page. */
export function pageShown(pages: PageImage[], requested: string | undefined): PageImage {
  const text = requested?.trim() ?? '';
  const number = /^[1-9]\d{0,5}$/.test(text) ? Number(text) : undefined;
  return pages.find((p) => p.page === number) ?? pages[0]!;
}

export const ScanPageViewer: FC<{
  documentId: number;
  assetId: number;
  viewKey: string;
  title: string;
  pages: PageImage[];
  active: boolean;
  requestedPage?: string | undefined;
}> = ({ documentId, assetId, viewKey, title, pages, active, requestedPage }) => {
  const shown = pageShown(pages, requestedPage);
  const index = pages.indexOf(shown);
  const previous = pages[index - 1];
  const next = pages[index + 1];
  const last = pages[pages.length - 1]!;
  const pageHref = (page: PageImage) =>
    `/documents/${documentId}?view=${encodeURIComponent(viewKey)}&page=${page.page}`;
  const imageUrl = (page: PageImage) => iiifPaths.pageImage(documentId, assetId, page.page, 'image');
  const data = pages.map((page) => ({
    page: page.page,
    info: iiifPaths.info(documentId, assetId, page.page),
    image: imageUrl(page),
    href: pageHref(page),
  }));
  const pager = (
    <nav class="scan-viewer__pager" aria-label={`Pages of the scan: ${title}`}>
      {previous ? (
        <a class="scan-viewer__step" href={pageHref(previous)} rel="prev" data-scan-step="-1">
          ← Previous page
        </a>
      ) : (
        <span class="scan-viewer__step" aria-hidden="true" data-scan-step="-1">
          ← Previous page
        </span>
      )}
      <form class="scan-viewer__goto" method="get" action={`/documents/${documentId}`}>
        <input type="hidden" name="view" value={viewKey} />
        <label>
          Page{' '}
          <input
            type="number"
            name="page"
            min={pages[0]!.page}
            max={last.page}
            value={String(shown.page)}
            inputmode="numeric"
            data-scan-page-input
          />
        </label>{' '}
        of {last.page} <button type="submit">Go</button>
      </form>
      {next ? (
        <a class="scan-viewer__step" href={pageHref(next)} rel="next" data-scan-step="1">
          Next page →
        </a>
      ) : (
        <span class="scan-viewer__step" aria-hidden="true" data-scan-step="1">
          Next page →
        </span>
      )}
    </nav>
  );
  return (
    <div
      class="scan-viewer"
      data-scan-viewer
      data-pages={JSON.stringify(data)}
      data-current={String(shown.page)}
    >
      {pager}
      <figure class="scan-viewer__figure">
        <div class="scan-viewer__zoom" data-scan-zoom hidden></div>
        <a class="scan-viewer__image" href={imageUrl(shown)} data-scan-image-link>
          <img
            src={imageUrl(shown)}
            width={shown.width}
            height={shown.height}
            alt={`Page ${shown.page} of the scan: ${title}`}
            loading={active ? 'eager' : 'lazy'}
            decoding="async"
            data-scan-image
          />
        </a>
        <figcaption class="file-facts">
          <span data-scan-caption aria-live="polite">
            Page {shown.page} of {last.page}
          </span>{' '}
          ·{' '}
          <a href={imageUrl(shown)} data-scan-image-link>
            Open the page image
          </a>{' '}
          ·{' '}
          <a class="iiif-link" href={iiifPaths.manifest(documentId)} type={presentationMediaType}>
            <abbr title="International Image Interoperability Framework">IIIF</abbr> manifest
          </a>
        </figcaption>
      </figure>
    </div>
  );
};
