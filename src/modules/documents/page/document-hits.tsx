import type { FC } from 'hono/jsx';
import { pluralize } from '../../../app/ui/format.ts';
import { assetUrl } from '../../../app/ui/layout.tsx';
import { paths } from '../documents.presenters.ts';
import { demoteHeadings } from './document-reader.tsx';
import type { DocumentView } from './document-views.ts';
import { type HitQuery, highlightHits } from './hit-highlighting.ts';

/**
 * A document opened from search results (`?q=`): every version's text with the words found marked,
 * the number of hits per version for the tabs, and the bar that moves from hit to hit. All of it is
 * computed for every version, not only the one shown, because app.js switches versions without a
 * reload; the version shown carries the bare `hit-N` ids, the others `<view>-hit-N`, as paragraph
 * anchors do.
 */
export type DocumentHits = {
  query: HitQuery;
  /** Hits marked per version key; a version without text (a scan) has none. */
  counts: ReadonlyMap<string, number>;
  /** Versions with more hits than are marked (see MAX_MARKED_HITS). */
  more: ReadonlySet<string>;
  /** The text of a version with its hits marked (headings already demoted). */
  html: ReadonlyMap<string, string>;
};

export function documentHits(
  views: readonly DocumentView[],
  current: DocumentView | undefined,
  query: HitQuery,
): DocumentHits {
  const counts = new Map<string, number>();
  const html = new Map<string, string>();
  const more = new Set<string>();
  for (const view of views) {
    if (!view.asset.html) continue;
    const marked = highlightHits(demoteHeadings(view.asset.html), query, view.asset.language, {
      idPrefix: view === current ? '' : `${view.key}-`,
    });
    counts.set(view.key, marked.count);
    if (marked.more) more.add(view.key);
    html.set(view.key, marked.html);
  }
  return { query, counts, more, html };
}

/** A version's address with the query kept, so the hits stay marked when the reader switches. */
export const hitsHref = (documentId: number, view: string, query: string) =>
  `${paths.documentView(documentId, view)}&q=${encodeURIComponent(query)}`;

/** The script that enhances hit navigation; loaded only on pages with hits, after app.js. */
export const hitsScript = assetUrl('hit-navigation.js');

const hitCountText = (count: number, more = false) =>
  count === 0 ? 'no hits' : more ? `over ${pluralize(count, 'hit')}` : pluralize(count, 'hit');

/** "(3 hits)" after a tab's name; part of the tab's accessible name, so screen readers hear it too. */
export const TabHitCount: FC<{ count: number | undefined; more?: boolean }> = ({ count, more }) =>
  count === undefined ? null : (
    <span class={count === 0 ? 'version-tabs__hits version-tabs__hits--none' : 'version-tabs__hits'}>
      {' '}
      ({hitCountText(count, more)})
    </span>
  );

/**
 * The bar above a version's text. Without JavaScript its links go to the first and the last hit, and
 * each hit, once it is the page's target, shows its own "Hit 2 of 7 · previous · next" links (see
 * `stepLinks` in hit-highlighting.ts). hit-navigation.js turns the bar into "Hit 2 of 7" with previous
 * and next that follow the reader, n and p keys, and the current hit outlined.
 */
export const HitNavigation: FC<{
  documentId: number;
  views: readonly DocumentView[];
  view: DocumentView;
  active: boolean;
  hits: DocumentHits;
  /** The version's address without the query. */
  clearHref: string;
}> = ({ documentId, views, view, active, hits, clearHref }) => {
  const count = hits.counts.get(view.key);
  const prefix = active ? '' : `${view.key}-`;
  const quoted = <q class="hit-nav__query">{hits.query.text}</q>;
  const elsewhere = views.find((other) => other !== view && (hits.counts.get(other.key) ?? 0) > 0);
  const clear = (
    <a class="hit-nav__clear" href={clearHref}>
      Clear highlighting
    </a>
  );
  if (!count) {
    return (
      <div class="hit-nav hit-nav--none">
        <p class="hit-nav__status">
          {count === undefined ? 'The words searched for cannot be marked on a scan' : 'No hits for '}
          {count === undefined ? null : quoted}
          {count === undefined ? '.' : ' in this version.'}{' '}
          {elsewhere ? (
            <>
              The{' '}
              <a href={hitsHref(documentId, elsewhere.key, hits.query.text)}>
                {elsewhere.label} has {pluralize(hits.counts.get(elsewhere.key) ?? 0, 'hit')}
              </a>
              .
            </>
          ) : (
            'No text of this document contains them; the search found it by its description.'
          )}{' '}
          {clear}
        </p>
      </div>
    );
  }
  return (
    <nav
      class="hit-nav"
      aria-label={`Search hits in the ${view.label}`}
      data-hit-nav
      data-hit-count={count}
      data-hit-prefix={prefix}
    >
      <p class="hit-nav__status">
        <span class="hit-nav__position" data-hit-position>
          {pluralize(count, 'hit')}
        </span>{' '}
        for {quoted} in this version.
      </p>
      {hits.more.has(view.key) ? (
        <p class="hit-nav__more">
          Only the first {pluralize(count, 'hit')} are marked; a narrower search finds the others better.
        </p>
      ) : null}
      <p class="hit-nav__links">
        <a class="hit-nav__step" href={`#${prefix}hit-${count}`} data-hit-step="previous">
          <span aria-hidden="true">‹ </span>Previous hit
        </a>{' '}
        <a class="hit-nav__step" href={`#${prefix}hit-1`} data-hit-step="next">
          Next hit<span aria-hidden="true"> ›</span>
        </a>{' '}
        {clear}
        {/* hit-navigation.js shows this with a checkbox: single-key shortcuts must be able to be turned off. */}
        <span class="hit-nav__keys" data-hit-keys hidden>
          Keys <kbd>n</kbd> and <kbd>p</kbd> move to the next and previous hit
        </span>
      </p>
    </nav>
  );
};
