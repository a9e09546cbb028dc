import type { FC } from 'hono/jsx';
import type { Kysely } from 'kysely';
import { pluralize } from '../../app/ui/format.ts';
import { Layout, type SiteInfo } from '../../app/ui/layout.tsx';
import { Pager } from '../../app/ui/pager.tsx';
import type { Database } from '../../database/tables.ts';
import { DocumentListItem } from '../documents/page/document-list.tsx';
import { BrowseTrail, clampPage } from './browse.parts.tsx';
import { countByDate, type DateSelection, type ListedDocument, listByDate } from './browse.queries.ts';
import type { dateBrowseSchema } from './browse.schemas.ts';
import { Histogram, type HistogramRow } from './histogram.tsx';

const PER_PAGE = 50;
/** Beyond this many decades between the first and the last, empty decades are left out of the chart. */
const MAX_FILLED_DECADES = 60;

const decadeLabel = (decade: number) => `${decade}s`;
const datesPath = '/browse/dates';
const decadePath = (decade: number) => `${datesPath}?decade=${decade}`;

type DatesView =
  | { level: 'decades'; rows: HistogramRow[]; undated: number; dated: number }
  | { level: 'years'; decade: number; rows: HistogramRow[]; coarse: number }
  | {
      level: 'list';
      heading: string;
      trail: { label: string; href?: string }[];
      total: number;
      page: number;
      pageHref: (page: number) => string;
      items: ListedDocument[];
      note: string;
    };

const documents = (n: number) => pluralize(n, 'document');

/** Reads what a `/browse/dates` request asks for. */
export async function loadDatesView(
  deps: { db: Kysely<Database> },
  params: ReturnType<(typeof dateBrowseSchema)['parse']>,
): Promise<DatesView> {
  const requestedPage = params.page ?? 1;
  const list = async (
    selection: DateSelection,
    heading: string,
    trail: { label: string; href?: string }[],
    base: string,
    note: string,
  ): Promise<DatesView> => {
    let result = await listByDate(deps, selection, {
      limit: PER_PAGE,
      offset: (requestedPage - 1) * PER_PAGE,
    });
    const page = clampPage(requestedPage, result.total, PER_PAGE);
    if (page !== requestedPage) {
      result = await listByDate(deps, selection, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    }
    const pageHref = (n: number) => (n === 1 ? base : `${base}&page=${n}`);
    return { level: 'list', heading, trail, total: result.total, page, pageHref, items: result.items, note };
  };

  if (params.undated) {
    return list(
      { undated: true },
      'Undated documents',
      [{ label: 'All dates', href: datesPath }, { label: 'Undated' }],
      `${datesPath}?undated=1`,
      'Documents whose date is not known.',
    );
  }
  if (params.year !== undefined) {
    const decade = params.year - (params.year % 10);
    return list(
      { year: params.year },
      `Documents of ${params.year}`,
      [
        { label: 'All dates', href: datesPath },
        { label: decadeLabel(decade), href: decadePath(decade) },
        { label: String(params.year) },
      ],
      `${datesPath}?year=${params.year}`,
      `Documents dated to ${params.year}, to a month of it or to a day.`,
    );
  }
  if (params.decade !== undefined && params.level === 'decade') {
    const label = decadeLabel(params.decade);
    return list(
      { decadeOnly: params.decade },
      `Documents dated only to the ${label}`,
      [
        { label: 'All dates', href: datesPath },
        { label, href: decadePath(params.decade) },
        { label: 'Dated only to the decade' },
      ],
      `${decadePath(params.decade)}&level=decade`,
      `Documents known only to the ${label}, or to a span of years starting in it.`,
    );
  }

  const { years, undated } = await countByDate(deps);
  if (params.decade !== undefined) {
    const decade = params.decade;
    const inDecade = years.filter((y) => y.year - (y.year % 10) === decade);
    const rows: HistogramRow[] = [];
    for (let year = decade; year < decade + 10; year++) {
      const count = inDecade.find((y) => y.year === year && y.exactYear)?.count ?? 0;
      rows.push({
        label: String(year),
        count,
        href: count > 0 ? `${datesPath}?year=${year}` : undefined,
        description: `${year}: ${documents(count)}`,
      });
    }
    const coarse = inDecade.filter((y) => !y.exactYear).reduce((sum, y) => sum + y.count, 0);
    return { level: 'years', decade, rows, coarse };
  }

  const byDecade = new Map<number, { exact: number; coarse: number }>();
  for (const y of years) {
    const decade = y.year - (y.year % 10);
    const entry = byDecade.get(decade) ?? { exact: 0, coarse: 0 };
    if (y.exactYear) entry.exact += y.count;
    else entry.coarse += y.count;
    byDecade.set(decade, entry);
  }
  const present = [...byDecade.keys()].sort((a, b) => a - b);
  const first = present[0];
  const last = present[present.length - 1];
  const decades =
    first !== undefined && last !== undefined && (last - first) / 10 < MAX_FILLED_DECADES
      ? Array.from({ length: (last - first) / 10 + 1 }, (_, i) => first + i * 10)
      : present;
  const rows = decades.map((decade): HistogramRow => {
    const { exact, coarse } = byDecade.get(decade) ?? { exact: 0, coarse: 0 };
    const total = exact + coarse;
    return {
      label: decadeLabel(decade),
      count: exact,
      coarse,
      href: total > 0 ? decadePath(decade) : undefined,
      description:
        `${decadeLabel(decade)}: ${documents(total)}` +
        (coarse > 0 ? `, ${pluralize(coarse, 'dated', 'dated')} only to the decade` : ''),
    };
  });
  const dated = years.reduce((sum, y) => sum + y.count, 0);
  return { level: 'decades', rows, undated, dated };
}

const DocumentsOnPage: FC<{ view: DatesView & { level: 'list' } }> = ({ view }) => (
  <>
    <p class="browse-count">{documents(view.total)}</p>
    {view.items.length > 0 ? (
      <ol class="document-list" start={(view.page - 1) * PER_PAGE + 1}>
        {view.items.map((d) => (
          <DocumentListItem document={d} />
        ))}
      </ol>
    ) : (
      <p>There are no published documents here.</p>
    )}
    <Pager
      page={view.page}
      pages={Math.max(1, Math.ceil(view.total / PER_PAGE))}
      href={view.pageHref}
      label="Pages of documents"
    />
  </>
);

/** `/browse/dates`: decades, then the years of a decade, then the documents of a year. */
export const DatesPage: FC<{ site: SiteInfo; view: DatesView; canonicalPath: string }> = ({
  site,
  view,
  canonicalPath,
}) => {
  const title =
    view.level === 'decades'
      ? 'Browse by date'
      : view.level === 'years'
        ? `The ${decadeLabel(view.decade)}`
        : view.heading;
  return (
    <Layout site={site} title={title} canonicalPath={canonicalPath} bodyClass="page-browse">
      <article class="browse-page" aria-labelledby="browse-heading">
        <header class="browse-header">
          <BrowseTrail
            steps={[
              { label: 'Browse', href: '/browse' },
              ...(view.level === 'decades'
                ? [{ label: 'Dates' }]
                : view.level === 'years'
                  ? [{ label: 'All dates', href: datesPath }, { label: decadeLabel(view.decade) }]
                  : view.trail),
            ]}
          />
          <h1 id="browse-heading">{title}</h1>
        </header>
        {view.level === 'decades' ? (
          <section aria-labelledby="chart-heading">
            <h2 id="chart-heading">Published documents by decade</h2>
            <p>
              {documents(view.dated)} with a date. The lighter part of a bar counts documents known only to
              the decade (or to a span of years); choose a decade to see its years.
            </p>
            {view.rows.length > 0 ? (
              <Histogram rows={view.rows} labelledBy="chart-heading" />
            ) : (
              <p>No dated documents have been published yet.</p>
            )}
            <p class="browse-undated">
              {view.undated > 0 ? (
                <a href={`${datesPath}?undated=1`}>Undated: {documents(view.undated)}</a>
              ) : (
                'Every published document is dated.'
              )}
            </p>
          </section>
        ) : view.level === 'years' ? (
          <section aria-labelledby="chart-heading">
            <h2 id="chart-heading">Published documents by year, {decadeLabel(view.decade)}</h2>
            <Histogram rows={view.rows} labelledBy="chart-heading" />
            <p class="browse-undated">
              {view.coarse > 0 ? (
                <a href={`${decadePath(view.decade)}&level=decade`}>
                  Dated only to the {decadeLabel(view.decade)}: {documents(view.coarse)}
                </a>
              ) : (
                `Every document of the ${decadeLabel(view.decade)} is dated to a year or closer.`
              )}
            </p>
          </section>
        ) : (
          <section aria-labelledby="list-heading">
            <h2 id="list-heading" class="visually-hidden">
              Documents
            </h2>
            <p>{view.note}</p>
            <DocumentsOnPage view={view} />
          </section>
        )}
      </article>
    </Layout>
  );
};
