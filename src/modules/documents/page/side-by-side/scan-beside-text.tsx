import type { FC } from 'hono/jsx';
import { paths } from '../../documents.presenters.ts';
import { demoteHeadings } from '../document-reader.tsx';
import { type ScanSideBySide, sideBySidePath } from './side-by-side.data.ts';
import { textDirection } from './text-direction.ts';

const sourceNotes: Record<string, string> = {
  'pdf-text': 'Text from the scan’s own text layer.',
  ocr: 'Text read by machine (OCR); it may contain errors.',
  none: '',
};

/** Previous and next page, and a small form to go to any page (a GET form: no JavaScript needed). */
const PageNavigation: FC<{ documentId: number; data: ScanSideBySide }> = ({ documentId, data }) => {
  const { page, pageCount } = data;
  if (pageCount < 2) return null;
  const to = (n: number) => sideBySidePath(documentId, { scan: true, page: n });
  return (
    <nav class="scan-pages" aria-label="Pages of the scan">
      {page > 1 ? (
        <a class="scan-pages__step" href={to(page - 1)} rel="prev">
          <span aria-hidden="true">‹ </span>Previous page
        </a>
      ) : null}
      <form class="scan-pages__jump" method="get" action={paths.document(documentId)}>
        <input type="hidden" name="view" value="side-by-side" />
        <input type="hidden" name="with" value="scan" />
        <label for="scan-page-number">Page</label>{' '}
        <input
          id="scan-page-number"
          class="scan-pages__number"
          type="number"
          name="page"
          min="1"
          max={String(pageCount)}
          value={String(page)}
          inputmode="numeric"
        />{' '}
        of {pageCount}{' '}
        <button type="submit" class="button button--small">
          Go
        </button>
      </form>
      {page < pageCount ? (
        <a class="scan-pages__step" href={to(page + 1)} rel="next">
          Next page<span aria-hidden="true"> ›</span>
        </a>
      ) : null}
    </nav>
  );
};

/**
 * One page of the scan beside the text read from that page (an editor's correction first, else the
 * text layer or OCR). Before the pipeline has read the page, the full transcript stands in.
 */
export const ScanBesideText: FC<{ documentId: number; data: ScanSideBySide }> = ({ documentId, data }) => {
  const { page, pageCount, image, text, language, transcript } = data;
  const scanLink = paths.asset(documentId, data.scan.asset);
  const dir = textDirection(language);
  return (
    <>
      <h2 class="side-by-side__heading" id="side-by-side-heading">
        Page {page} of the scan, beside its text
      </h2>
      <p class="side-by-side__about">
        {pageCount} {pageCount === 1 ? 'page' : 'pages'}.{' '}
        {data.texts ? (
          <a href={sideBySidePath(documentId)}>Read the original and its translation side by side</a>
        ) : null}
      </p>
      <PageNavigation documentId={documentId} data={data} />
      <div class="parallel parallel--scan">
        <div class="parallel__head">
          <h3 class="parallel__heading">Scan, page {page}</h3>
          <h3 class="parallel__heading">
            {text ? `Text of page ${page}` : transcript ? transcript.label : 'Text'}
          </h3>
        </div>
        <div class="parallel__row">
          <figure class="parallel__cell parallel__cell--scan">
            {image ? (
              <a href={image.url}>
                <img
                  class="scan-page-image"
                  src={image.url}
                  alt={`Page ${page} of the original scan`}
                  width={image.width === undefined ? undefined : String(image.width)}
                  height={image.height === undefined ? undefined : String(image.height)}
                  decoding="async"
                />
              </a>
            ) : (
              <p>
                The image of this page is not ready yet.{' '}
                <a
                  href={
                    data.scan.asset.mediaType === 'application/pdf' ? `${scanLink}#page=${page}` : scanLink
                  }
                >
                  Open the scan
                </a>
                .
              </p>
            )}
          </figure>
          {text ? (
            <div class="parallel__cell parallel__cell--text" lang={language} dir={dir}>
              <div class="document-text scan-page-text">
                {text.text
                  .split(/\n\s*\n|\n/)
                  .map((line) => line.trim())
                  .filter((line) => line !== '')
                  .map((line) => (
                    <p>{line}</p>
                  ))}
              </div>
              <p class="file-facts" lang="en" dir="ltr">
                {text.corrected ? 'Text corrected by an editor.' : sourceNotes[text.source]}
              </p>
            </div>
          ) : transcript ? (
            <div class="parallel__cell parallel__cell--text">
              <p class="file-facts">
                The text of this page has not been read from the scan yet; the whole transcript is shown.
              </p>
              <div
                class="document-text"
                lang={transcript.asset.language ?? undefined}
                dir={textDirection(transcript.asset.language)}
                dangerouslySetInnerHTML={{ __html: demoteHeadings(transcript.asset.html ?? '') }}
              />
            </div>
          ) : (
            <div class="parallel__cell parallel__cell--text">
              <p class="file-facts">No text of this page has been read from the scan yet.</p>
            </div>
          )}
        </div>
      </div>
    </>
  );
};
