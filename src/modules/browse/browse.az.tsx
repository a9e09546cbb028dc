import type { FC } from 'hono/jsx';
import { isNonLatin, pluralize } from '../../app/ui/format.ts';
import { Layout, type SiteInfo } from '../../app/ui/layout.tsx';
import { Pager } from '../../app/ui/pager.tsx';
import type { Authority } from '../authorities/authorities.repository.ts';
import { paths } from '../documents/documents.presenters.ts';
import {
  alwaysShownLetters,
  compareLetterKeys,
  type LetterKey,
  letterLabel,
  letterOf,
  letterRow,
  nameComparator,
} from './browse.alphabet.ts';
import { type AzIndex, BrowseTrail, clampPage, nounsOf } from './browse.parts.tsx';
import type { CountedAuthority } from './browse.queries.ts';

const PER_PAGE = 100;

/** One line of an index: an authority under its name, or under a name of it in another script. */
export type IndexEntry = {
  letter: LetterKey;
  name: string;
  language: string | null;
  authority: Authority;
  count: number;
  /** Listed under a name in another script; the preferred name is shown beside it. */
  variant: boolean;
};

/**
 * The entries of an index, grouped by letter. Each authority is listed under its preferred name, and
 * also under each of its names in another script that falls under a different letter, so a reader
 * looking for Месяцев under М or 黄镇 among the CJK names finds them.
 */
export function indexEntries(counted: readonly CountedAuthority[]): Map<LetterKey, IndexEntry[]> {
  const groups = new Map<LetterKey, IndexEntry[]>();
  const add = (entry: IndexEntry) => {
    const list = groups.get(entry.letter) ?? [];
    list.push(entry);
    groups.set(entry.letter, list);
  };
  for (const { authority, count } of counted) {
    const letter = letterOf(authority.name);
    add({ letter, name: authority.name, language: null, authority, count, variant: false });
    const seen = new Set([letter]);
    for (const v of authority.variants) {
      const variantLetter = letterOf(v.name);
      if (!isNonLatin(v.name) || seen.has(variantLetter)) continue;
      seen.add(variantLetter);
      add({ letter: variantLetter, name: v.name, language: v.language, authority, count, variant: true });
    }
  }
  for (const [letter, list] of groups) {
    const compare = nameComparator(letter);
    list.sort((a, b) => compare(a.name, b.name) || a.authority.id - b.authority.id);
  }
  return groups;
}

export type AzView = {
  index: AzIndex;
  letters: { key: LetterKey; count: number }[];
  letter: LetterKey | undefined;
  entries: IndexEntry[];
  total: number;
  page: number;
};

/** The view of one letter (the first letter with names when none is asked for). */
export function azView(
  index: AzIndex,
  counted: readonly CountedAuthority[],
  requested: { letter: LetterKey | undefined; page: number },
): AzView {
  const groups = indexEntries(counted);
  const keys = new Set<LetterKey>([...alwaysShownLetters, ...groups.keys()]);
  const letters = [...keys]
    .sort(compareLetterKeys)
    .map((key) => ({ key, count: groups.get(key)?.length ?? 0 }));
  const letter = requested.letter ?? letters.find((l) => l.count > 0)?.key;
  const all = letter ? (groups.get(letter) ?? []) : [];
  const page = clampPage(requested.page, all.length, PER_PAGE);
  return {
    index,
    letters,
    letter,
    entries: all.slice((page - 1) * PER_PAGE, page * PER_PAGE),
    total: all.length,
    page,
  };
}

/** The letter bar's rows in order, each with its letters. */
const rows = (letters: AzView['letters']) => {
  const byRow = new Map<ReturnType<typeof letterRow>, AzView['letters']>();
  for (const l of letters) {
    const row = letterRow(l.key);
    byRow.set(row, [...(byRow.get(row) ?? []), l]);
  }
  return [...byRow.entries()];
};

const letterHref = (index: AzIndex, key: LetterKey, page = 1) =>
  `/browse/${index.segment}?letter=${encodeURIComponent(key)}${page > 1 ? `&page=${page}` : ''}`;

const Entry: FC<{ entry: IndexEntry }> = ({ entry }) => (
  <li class="az-entry">
    <a href={paths.authority(entry.authority)} lang={entry.language ?? undefined}>
      {entry.name}
    </a>
    {entry.variant ? <span class="az-entry__see"> ({entry.authority.name})</span> : null}
    {entry.authority.dates ? <span class="az-entry__dates"> {entry.authority.dates}</span> : null}
    <span class="az-entry__count"> · {pluralize(entry.count, 'document')}</span>
  </li>
);

/** `/browse/{people,organizations,subjects,repositories,funders}`: an A–Z index with counts. */
export const AzPage: FC<{ site: SiteInfo; view: AzView; canonicalPath: string }> = ({
  site,
  view,
  canonicalPath,
}) => {
  const { index, letter } = view;
  const chinese = view.entries.some((e) => e.language?.startsWith('zh'));
  return (
    <Layout
      site={site}
      title={`${index.heading}${letter ? `: ${letterLabel(letter)}` : ''}`}
      canonicalPath={canonicalPath}
      chineseText={chinese}
      bodyClass="page-browse"
    >
      <article class="browse-page" aria-labelledby="browse-heading">
        <header class="browse-header">
          <BrowseTrail steps={[{ label: 'Browse', href: '/browse' }, { label: index.heading }]} />
          <h1 id="browse-heading">{index.heading}</h1>
        </header>
        <nav class="az-letters" aria-label={`${index.heading} by letter`}>
          {rows(view.letters).map(([row, letters]) => (
            // Cyrillic Н and Latin H look alike: each alphabet has its own row, named.
            <div class="az-letters__row">
              {row === 'Latin' ? null : <span class="az-letters__script">{row}:</span>}
              <ul aria-label={`${row} letters`}>
                {letters.map((l) => (
                  <li>
                    {l.count > 0 ? (
                      <a
                        href={letterHref(index, l.key)}
                        aria-current={l.key === letter ? 'page' : undefined}
                        aria-label={`${letterLabel(l.key)}: ${pluralize(l.count, 'name')}`}
                      >
                        {letterLabel(l.key)}
                      </a>
                    ) : (
                      <span class="az-letters__empty">{letterLabel(l.key)}</span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <section aria-labelledby="letter-heading">
          <h2 id="letter-heading">{letter ? letterLabel(letter) : 'No names yet'}</h2>
          {view.entries.length > 0 ? (
            <>
              <p class="browse-count">
                {view.total === 1
                  ? `1 name under ${letterLabel(letter!)}`
                  : `${view.total.toLocaleString('en-US')} names under ${letterLabel(letter!)}`}
                , with the number of published documents for each.
              </p>
              <ul class="az-list">
                {view.entries.map((entry) => (
                  <Entry entry={entry} />
                ))}
              </ul>
              <Pager
                page={view.page}
                pages={Math.ceil(view.total / PER_PAGE)}
                href={(n) => letterHref(index, letter!, n)}
                label={`Pages of ${letterLabel(letter!)}`}
              />
            </>
          ) : (
            <p>
              {letter
                ? `No ${nounsOf(index)} of the published documents are listed under ${letterLabel(letter)}.`
                : `No ${nounsOf(index)} are linked to published documents yet.`}
            </p>
          )}
        </section>
      </article>
    </Layout>
  );
};
