import type { FC } from 'hono/jsx';
import { assetUrl } from '../../../../app/ui/layout.tsx';
import { paths } from '../../documents.presenters.ts';
import { demoteHeadings } from '../document-reader.tsx';
import type { DocumentView } from '../document-views.ts';
import { highlightHits } from '../hit-highlighting.ts';
import { addParagraphAnchors } from '../paragraph-anchors.ts';
import { type ParagraphPiece, paragraphPieces, piecesFor } from './paragraph-units.ts';
import { ScanBesideText } from './scan-beside-text.tsx';
import {
  type SideBySide,
  sideBySidePath,
  sideBySideScan,
  sideBySideTexts,
  type TextsSideBySide,
} from './side-by-side.data.ts';
import { textDirection } from './text-direction.ts';

export const sideBySideAssets = { css: assetUrl('side-by-side.css'), js: assetUrl('side-by-side.js') };

/** The `translation=` value naming a translation: its language when no other translation shares it. */
const translationParameter = (view: DocumentView, translations: DocumentView[]) => {
  const language = view.asset.language;
  const shared = translations.filter((t) => t.asset.language === language).length > 1;
  return language && !shared ? language : view.key;
};

/**
 * The link to the reader, beside the version tabs, when the document has something to put side by
 * side: an original transcript and a translation, or a scan.
 */
export const SideBySideLink: FC<{ documentId: number; views: DocumentView[]; q?: string | undefined }> = ({
  documentId,
  views,
  q,
}) => {
  const texts = sideBySideTexts(views);
  if (!texts && !sideBySideScan(views)) return null;
  return (
    <p class="reader-modes">
      <a class="reader-modes__link" href={sideBySidePath(documentId, { scan: !texts, q })}>
        {texts ? 'Read the original and its translation side by side' : 'Read the scan beside its text'}
      </a>
    </p>
  );
};

/**
 * The versions as links, with "Side by side" current. Not the tablist of the usual page: switching
 * from here is a page load, so these stay plain links (app.js leaves a nav without panels alone).
 */
const ReaderNav: FC<{ documentId: number; views: DocumentView[]; sideBySide: SideBySide }> = ({
  documentId,
  views,
  sideBySide,
}) => (
  <nav class="version-tabs" aria-label="Versions of this document">
    <ul class="version-tabs__list">
      {views.map((view) => (
        <li class="version-tabs__item">
          <a class="version-tabs__tab" href={paths.documentView(documentId, view.key)}>
            {view.label}
          </a>
        </li>
      ))}
      <li class="version-tabs__item">
        <a
          class="version-tabs__tab"
          href={sideBySidePath(documentId, { scan: sideBySide.mode === 'scan' })}
          aria-current="page"
        >
          Side by side
        </a>
      </li>
    </ul>
  </nav>
);

/** A text prepared for its column: hits marked, headings under the column's, paragraphs anchored. */
function columnHtml(documentId: number, view: DocumentView, data: TextsSideBySide, prefix: string) {
  const marked = highlightHits(view.asset.html ?? '', data.hitQuery, view.asset.language, {
    idPrefix: prefix,
    stepLinks: false,
  });
  const html = addParagraphAnchors(demoteHeadings(marked.html), {
    prefix: `${view.key}-`,
    linkBase: paths.documentView(documentId, view.key),
    label: `Link to paragraph, ${view.label},`,
  });
  return { ...paragraphPieces(html), hits: marked.count };
}

const Cell: FC<{ view: DocumentView; side: 'original' | 'translation'; html: string; row: number }> = ({
  view,
  side,
  html,
  row,
}) => (
  <div
    class={`parallel__cell parallel__cell--${side} document-text${html === '' ? ' parallel__cell--empty' : ''}`}
    lang={view.asset.language ?? undefined}
    dir={textDirection(view.asset.language)}
    data-row={String(row)}
    dangerouslySetInnerHTML={{ __html: html }}
  />
);

const TextsReader: FC<{ documentId: number; data: TextsSideBySide }> = ({ documentId, data }) => {
  const original = columnHtml(documentId, data.original, data, 'original-');
  const translation = columnHtml(documentId, data.translation, data, 'translation-');
  const used = { original: new Set<ParagraphPiece>(), translation: new Set<ParagraphPiece>() };
  const cells = data.rows.map((row) => ({
    original: piecesFor(row.original, original.pieces, used.original),
    translation: piecesFor(row.translation, translation.pieces, used.translation),
  }));
  const { counts } = data;
  const others = data.translations.filter((t) => t !== data.translation);
  const q = data.hitQuery?.text;
  return (
    <>
      <h2 class="side-by-side__heading" id="side-by-side-heading">
        {data.original.label} and {data.translation.label}, side by side
      </h2>
      <p class="side-by-side__about">
        {data.aligned
          ? 'Paragraphs are aligned as the editors matched them.'
          : counts.original === counts.translation
            ? 'Paragraphs are paired in order.'
            : `Paragraphs are paired in order; the original has ${counts.original} and the translation ${counts.translation}, so some stand alone.`}{' '}
        {data.scan ? (
          <a href={sideBySidePath(documentId, { scan: true })}>Read the scan beside its text</a>
        ) : null}
      </p>
      {others.length > 0 ? (
        <p class="side-by-side__choice">
          Other translations:{' '}
          {others.map((view, index) => (
            <>
              {index > 0 ? ', ' : null}
              <a
                href={sideBySidePath(documentId, {
                  translation: translationParameter(view, data.translations),
                  q,
                })}
              >
                {view.label}
              </a>
            </>
          ))}
        </p>
      ) : null}
      {data.hitQuery ? (
        <p class="side-by-side__hits" role="status">
          “{data.hitQuery.text}”: {original.hits} {original.hits === 1 ? 'hit' : 'hits'} in the original,{' '}
          {translation.hits} in the translation.{' '}
          <a
            href={sideBySidePath(documentId, {
              translation: translationParameter(data.translation, data.translations),
            })}
          >
            Clear the highlighting
          </a>
        </p>
      ) : null}
      <div class="parallel" data-parallel>
        <div class="parallel__head">
          <h3 class="parallel__heading parallel__heading--original">{data.original.label}</h3>
          <h3 class="parallel__heading parallel__heading--translation">{data.translation.label}</h3>
        </div>
        {original.whole !== undefined || translation.whole !== undefined ? (
          <div class="parallel__row">
            <Cell view={data.original} side="original" html={original.whole ?? ''} row={0} />
            <Cell view={data.translation} side="translation" html={translation.whole ?? ''} row={0} />
          </div>
        ) : null}
        {cells.map((cell, index) => (
          <div class="parallel__row">
            <Cell view={data.original} side="original" html={cell.original} row={index + 1} />
            <Cell view={data.translation} side="translation" html={cell.translation} row={index + 1} />
          </div>
        ))}
      </div>
    </>
  );
};

/**
 * The side-by-side reader (`?view=side-by-side`): the original transcript and a translation in aligned
 * rows, or a scan page beside its text. Rows read correctly without JavaScript, stack pair by pair on
 * phones and print whole; side-by-side.js turns wide screens into two columns that scroll together.
 */
export const SideBySideReader: FC<{ documentId: number; views: DocumentView[]; data: SideBySide }> = ({
  documentId,
  views,
  data,
}) => (
  <div class="reader reader--side-by-side">
    <link rel="stylesheet" href={sideBySideAssets.css} />
    <ReaderNav documentId={documentId} views={views} sideBySide={data} />
    {data.notice ? (
      <p class="version-notice" role="note">
        {data.notice}
      </p>
    ) : null}
    <section class="side-by-side" aria-labelledby="side-by-side-heading">
      {data.mode === 'texts' ? (
        <TextsReader documentId={documentId} data={data} />
      ) : (
        <ScanBesideText documentId={documentId} data={data} />
      )}
    </section>
    {data.mode === 'texts' ? <script src={sideBySideAssets.js} defer></script> : null}
  </div>
);
