import type { FC } from 'hono/jsx';
import type { DateFacet, Facet, FacetValue } from '../search.facets.ts';
import { hasFilters, hiddenParameters, type PageState, searchHref } from './search-url.ts';

/**
 * The filters beside the results: one GET form in which every facet value is a checkbox, so it works
 * without JavaScript and every choice becomes a URL parameter. Values of one facet combine with OR,
 * facets with AND (the engine does that); the counts are the engine's.
 */

const FacetValues: FC<{ facet: Facet; values: FacetValue[]; prefix: string }> = ({
  facet,
  values,
  prefix,
}) => (
  <ul class="search-facet__values">
    {values.map((value, i) => {
      const id = `${prefix}-${i}`;
      return (
        <li>
          <input type="checkbox" id={id} name={facet.name} value={value.value} checked={value.selected} />{' '}
          <label for={id}>
            {value.label} <span class="search-facet__count">({value.count.toLocaleString('en-US')})</span>
          </label>
          {value.children && value.children.length > 0 ? (
            <FacetValues facet={facet} values={value.children} prefix={id} />
          ) : null}
        </li>
      );
    })}
  </ul>
);

const FacetGroup: FC<{ facet: Facet; state: PageState }> = ({ facet, state }) => {
  const selected = (state.facets[facet.name] ?? []).length > 0;
  return (
    <fieldset class={facet.hierarchical ? 'search-facet search-facet--tree' : 'search-facet'}>
      <legend>{facet.label}</legend>
      <FacetValues facet={facet} values={facet.values} prefix={`facet-${facet.name}`} />
      {facet.more ? <p class="search-facet__more">Only the most frequent are listed.</p> : null}
      {selected ? (
        <p class="search-facet__clear">
          <a href={searchHref(state, { facets: { ...state.facets, [facet.name]: [] } })}>
            Clear <span class="visually-hidden">{facet.label.toLowerCase()} </span>selection
          </a>
        </p>
      ) : null}
    </fieldset>
  );
};

const DateFilter: FC<{ dates: DateFacet; state: PageState }> = ({ dates, state }) => {
  const highest = Math.max(1, ...dates.histogram.map((bar) => bar.count));
  return (
    <fieldset class="search-facet search-facet--dates">
      <legend>Date</legend>
      <div class="search-dates">
        <label for="search-from">From</label>
        <input id="search-from" name="from" inputmode="numeric" size={10} value={state.from ?? ''} />
        <label for="search-to">to</label>
        <input id="search-to" name="to" inputmode="numeric" size={10} value={state.to ?? ''} />
      </div>
      <p class="search-facet__hint">A year, 1962-08 or 1962-08-09.</p>
      {dates.histogram.length > 0 ? (
        <ul class="search-histogram" aria-label="Documents by year">
          {dates.histogram.map((bar) => (
            <li>
              <a href={searchHref(state, { from: String(bar.year), to: String(bar.year) })}>{bar.year}</a>{' '}
              <meter min={0} max={highest} value={bar.count} aria-hidden="true" />{' '}
              <span class="search-facet__count">{bar.count.toLocaleString('en-US')}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {dates.undated > 0 ? (
        <p class="search-facet__more">Undated: {dates.undated.toLocaleString('en-US')}</p>
      ) : null}
      {state.from || state.to ? (
        <p class="search-facet__clear">
          <a href={searchHref(state, { from: null, to: null })}>
            Clear <span class="visually-hidden">date </span>selection
          </a>
        </p>
      ) : null}
    </fieldset>
  );
};

const shownByFilterForm = new Set([
  'from',
  'to',
  'language',
  'translation',
  'type',
  'classification',
  'collection',
  'subject',
  'place',
  'person',
  'organization',
  'repository',
  'funder',
]);

export const SearchFilters: FC<{ facets: Facet[]; dates: DateFacet; state: PageState }> = ({
  facets,
  dates,
  state,
}) => {
  const shown = facets.filter((f) => f.values.length > 0);
  // A selected facet the engine no longer lists must stay in the form, or applying would drop it.
  const unlisted = hiddenFacetSelections(state, shown);
  return (
    <section class="search-filters" aria-labelledby="search-filters-heading">
      <h2 id="search-filters-heading">Refine the results</h2>
      {hasFilters(state) ? (
        <p class="search-filters__clear-all">
          <a href={searchHref(state, { facets: {}, from: null, to: null })}>Clear all filters</a>
        </p>
      ) : null}
      <form method="get" action="/search" class="search-filters__form">
        {hiddenParameters(state, shownByFilterForm).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        {unlisted.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <DateFilter dates={dates} state={state} />
        {shown.map((facet) => (
          <FacetGroup facet={facet} state={state} />
        ))}
        <button type="submit" class="search-filters__apply">
          Apply filters
        </button>
      </form>
    </section>
  );
};

function hiddenFacetSelections(state: PageState, shown: Facet[]): [string, string][] {
  const listed = new Set<string>();
  const walk = (name: string, values: FacetValue[]) => {
    for (const v of values) {
      if (v.selected) listed.add(`${name}=${v.value}`);
      walk(name, v.children ?? []);
    }
  };
  for (const facet of shown) walk(facet.name, facet.values);
  const pairs: [string, string][] = [];
  for (const [name, values] of Object.entries(state.facets)) {
    for (const value of values ?? []) {
      // Selected values the facet shows are checkboxes; a slug-selected collection shows by its ID.
      const bySlug = name === 'collection' && !/^\d+$/.test(value);
      const isShown =
        listed.has(`${name}=${value}`) || (bySlug && [...listed].some((k) => k.startsWith('collection=')));
      if (!isShown) pairs.push([name, value]);
    }
  }
  return pairs;
}
