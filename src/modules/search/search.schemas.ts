import { normalizeLanguage } from '../shared/languages.ts';
import type { DateSpan } from './search.dates.ts';
import { parseDatePoint } from './search.dates.ts';
import type { SortOrder } from './search.engine.ts';
import { AUTHORITY_FACETS, FACETS, type FacetName } from './search.facets.ts';

/**
 * The query string of a search, as the API and the search page receive it. Every filter is a
 * parameter, so a filtered search is a link one can share:
 *
 *   ?q=border&language=zh&language=ru&place=12&from=1960&to=1965&type=minutes&sort=date-desc&page=2&per_page=50
 *
 * Parsing never throws: it returns the request and the problems found, each a sentence naming the
 * parameter, which the API answers with a 400 and a page can show beside the form.
 */

export type SearchRequest = {
  q: string;
  /** Selected facet values as given (authority IDs as decimal strings, collections also by slug). */
  facets: Partial<Record<FacetName, string[]>>;
  dates: DateSpan | null;
  sort: SortOrder;
  /** Whether `sort` was given; without it, a query sorts by relevance and browsing by date. */
  sortGiven: boolean;
  page: number;
  perPage: PerPage;
  /** Search the words as typed: no automatic spelling correction. */
  verbatim: boolean;
  /** Count facets (`facets=0` leaves them out, for a client that only pages through hits). */
  withFacets: boolean;
};

export const PER_PAGE_CHOICES = [20, 50, 100] as const;
export type PerPage = (typeof PER_PAGE_CHOICES)[number];
/** Deeper than this, narrow the search instead: ten thousand pages of twenty is every document twice. */
export const MAX_PAGE = 10_000;
const MAX_VALUES_PER_FACET = 50;

const SORTS: Readonly<Record<string, SortOrder>> = {
  relevance: 'relevance',
  date: 'date-asc',
  'date-asc': 'date-asc',
  oldest: 'date-asc',
  'date-desc': 'date-desc',
  '-date': 'date-desc',
  newest: 'date-desc',
  title: 'title',
  added: 'added',
  recent: 'added',
};

/** Query parameters as Hono's `c.req.queries()` or URLSearchParams give them: name → values. */
export type QueryParameters = Record<string, string[] | undefined>;

export function parseSearchParameters(params: QueryParameters): {
  request: SearchRequest;
  problems: string[];
} {
  const problems: string[] = [];
  const first = (name: string) => params[name]?.find((v) => v.trim() !== '')?.trim();

  const facets: Partial<Record<FacetName, string[]>> = {};
  for (const facet of FACETS) {
    const raw = (params[facet] ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (raw.length === 0) continue;
    if (raw.length > MAX_VALUES_PER_FACET) {
      problems.push(`${facet}: at most ${MAX_VALUES_PER_FACET} values can be selected.`);
      continue;
    }
    const values: string[] = [];
    for (const value of raw) {
      const parsed = parseFacetValue(facet, value);
      if (parsed === undefined) problems.push(describeBadValue(facet, value));
      else values.push(parsed);
    }
    facets[facet] = [...new Set(values)];
  }

  let dates: DateSpan | null = null;
  const from = first('from');
  const to = first('to');
  const fromPoint = from === undefined ? undefined : parseDatePoint(from);
  const toPoint = to === undefined ? undefined : parseDatePoint(to);
  if (from !== undefined && !fromPoint)
    problems.push(`from: "${clip(from)}" is not a date (use 1962, 1962-08 or 1962-08-09).`);
  if (to !== undefined && !toPoint)
    problems.push(`to: "${clip(to)}" is not a date (use 1965, 1965-12 or 1965-12-31).`);
  if (fromPoint || toPoint) {
    dates = { from: fromPoint?.first ?? null, to: toPoint?.last ?? null };
    if (dates.from !== null && dates.to !== null && dates.from > dates.to) {
      problems.push('from: the start date is after the end date.');
    }
  }

  const sortText = first('sort');
  const sort = sortText === undefined ? undefined : SORTS[sortText.toLowerCase()];
  if (sortText !== undefined && sort === undefined) {
    problems.push(
      `sort: "${clip(sortText)}" is not a sort order (use relevance, date-asc, date-desc, title or added).`,
    );
  }

  const pageText = first('page');
  let page = 1;
  if (pageText !== undefined) {
    page = /^\d{1,6}$/.test(pageText) ? Number(pageText) : Number.NaN;
    if (!(page >= 1 && page <= MAX_PAGE)) {
      problems.push(`page: must be a whole number from 1 to ${MAX_PAGE}.`);
      page = 1;
    }
  }
  const perPageText = first('per_page') ?? first('perPage');
  let perPage: PerPage = 20;
  if (perPageText !== undefined) {
    const n = Number(perPageText);
    if ((PER_PAGE_CHOICES as readonly number[]).includes(n)) perPage = n as PerPage;
    else problems.push(`per_page: must be ${PER_PAGE_CHOICES.join(', ')}.`);
  }

  const flag = (name: string) => {
    const value = first(name)?.toLowerCase();
    if (value === undefined) return undefined;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off', 'none'].includes(value)) return false;
    problems.push(`${name}: must be 1 or 0.`);
    return undefined;
  };
  return {
    request: {
      q: (params.q ?? []).join(' '),
      facets,
      dates,
      sort: sort ?? 'relevance',
      sortGiven: sort !== undefined,
      page,
      perPage,
      verbatim: flag('verbatim') ?? false,
      withFacets: flag('facets') ?? true,
    },
    problems,
  };
}

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** A facet value in its stored form, or undefined if it cannot be one. */
function parseFacetValue(facet: FacetName, value: string): string | undefined {
  if (AUTHORITY_FACETS.has(facet)) {
    if (/^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647) return value;
    // Collections are addressed by slug in their own URLs; the slug is resolved later.
    if (facet === 'collection' && /^[\p{L}\p{N}-]{1,100}$/u.test(value)) return `slug:${value}`;
    return undefined;
  }
  if (facet === 'language' || facet === 'translation') return normalizeLanguage(value);
  return value.length <= 200 ? value : undefined;
}

function describeBadValue(facet: FacetName, value: string): string {
  if (AUTHORITY_FACETS.has(facet)) return `${facet}: "${clip(value)}" is not a record ID.`;
  if (facet === 'language' || facet === 'translation') {
    return `${facet}: "${clip(value)}" is not a language code (use ISO 639, e.g. en, zh, ru).`;
  }
  return `${facet}: the value is too long.`;
}
