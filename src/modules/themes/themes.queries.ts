import type { Kysely } from 'kysely';
import { badRequest, notFound } from '../../app/errors.ts';
import type { Database } from '../../database/tables.ts';
import {
  type CollectionNode,
  type ListedDocument,
  loadCollectionForest,
  subtreeIds,
} from '../collections/collections.queries.ts';
import { dateOfRow } from '../documents/documents.repository.ts';
import { createThemesRepository, type Theme, type ThemeEvent } from './themes.repository.ts';

/**
 * What the public may read about a theme: a published theme, its public collections, and the
 * published documents in them (sub-collections included). The timeline, the map and the list are
 * three views of the same documents, each narrowed by the filters of the other views: the timeline
 * by collection and place, the map by collection and period, the list by all of them.
 */

export type ThemeFilters = {
  collection: string | null;
  year: number | null;
  decade: number | null;
  place: number | null;
  page: number;
};

/** Reads the filters from the query string; anything malformed is a 400 that says what to write. */
export function parseThemeFilters(query: (name: string) => string | undefined): ThemeFilters {
  const value = (name: string) => {
    const v = query(name)?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const number = (name: string, pattern: RegExp, message: string) => {
    const v = value(name);
    if (v === undefined) return null;
    if (!pattern.test(v)) throw badRequest('themes.bad_filter', message);
    return Number.parseInt(v, 10);
  };
  const collection = value('collection') ?? null;
  if (collection !== null && !/^[\p{L}\p{N}-]{1,100}$/u.test(collection)) {
    throw badRequest('themes.bad_filter', 'collection: give the address name (slug) of a collection.');
  }
  const decade = number('decade', /^\d{3}0s?$/, 'decade: give a decade such as 1960 or 1960s.');
  const page = number('page', /^\d{1,6}$/, 'page: give a whole number from 1.') ?? 1;
  return {
    collection,
    year: number('year', /^\d{4}$/, 'year: give a year of four digits, such as 1962.'),
    decade,
    place: number('place', /^[1-9]\d{0,9}$/, 'place: give the record ID of a place.'),
    page: Math.max(1, page),
  };
}

export type TimelinePeriod = {
  /** First year of the period. */
  start: number;
  label: string;
  count: number;
  events: ThemeEvent[];
};

export type PlaceCount = {
  id: number;
  name: string;
  latitude: number | null;
  longitude: number | null;
  count: number;
};

export type PublicTheme = {
  theme: Theme;
  collections: CollectionNode[];
  filters: ThemeFilters;
  selectedCollection: CollectionNode | null;
  selectedPlace: PlaceCount | null;
  /** Every published document of the theme. */
  totalDocuments: number;
  timeline: { unit: 'year' | 'decade'; periods: TimelinePeriod[]; largest: number; undated: number };
  /** Places of the documents the map shows; those without coordinates are only in the table. */
  places: PlaceCount[];
  documents: { total: number; page: number; pages: number; items: ListedDocument[] };
};

export const THEME_PAGE_SIZE = 25;
/** Past this many years between the first and last date, the timeline counts decades. */
const YEARS_BEFORE_DECADES = 40;

const yearOf = (iso: string | null) => (iso ? Number.parseInt(iso.slice(0, 4), 10) : null);

export async function listPublicThemes(db: Kysely<Database>) {
  const themes = await createThemesRepository({ db }).list({ publishedOnly: true });
  const forest = await loadCollectionForest(db);
  return themes.map((theme) => ({
    theme,
    collections: theme.collectionIds.flatMap((id) => forest.byId.get(id) ?? []),
  }));
}

export async function getPublicTheme(
  db: Kysely<Database>,
  slug: string,
  filters: ThemeFilters,
): Promise<PublicTheme> {
  const theme = await createThemesRepository({ db }).findBySlug(slug);
  if (theme?.status !== 'published') {
    throw notFound('themes.not_found', 'There is no such theme in this archive.');
  }
  const forest = await loadCollectionForest(db);
  const collections = theme.collectionIds.flatMap((id) => forest.byId.get(id) ?? []);
  const allIds = [...new Set(collections.flatMap(subtreeIds))];
  let selectedCollection: CollectionNode | null = null;
  if (filters.collection !== null) {
    // One of the theme's collections or a collection within one of them.
    const node = forest.bySlug.get(filters.collection);
    selectedCollection = node && allIds.includes(node.id) ? node : null;
    if (!selectedCollection) {
      throw badRequest('themes.bad_filter', 'collection: this theme has no such collection.');
    }
  }
  const chosenIds = new Set(selectedCollection ? subtreeIds(selectedCollection) : allIds);

  const [documents, placeLinks, places] = await Promise.all([
    documentsFiledIn(db, allIds),
    placeLinksOf(db, allIds),
    db
      .selectFrom('authorities')
      .select(['id', 'name', 'parent_id', 'latitude', 'longitude'])
      .where('kind', '=', 'place')
      .execute(),
  ]);
  const placeById = new Map(places.map((p) => [p.id, p]));
  /** The place itself and every place it lies within (bounded, in case the data holds a loop). */
  const chain = (id: number): number[] => {
    const ids: number[] = [];
    let current: number | null | undefined = id;
    while (current != null && ids.length < 64 && !ids.includes(current)) {
      ids.push(current);
      current = placeById.get(current)?.parent_id;
    }
    return ids;
  };
  /** A place without coordinates is drawn at the nearest place around it that has them. */
  const pinOf = (id: number): number => chain(id).find((p) => placeById.get(p)?.latitude != null) ?? id;
  const placesOf = new Map<number, number[]>();
  for (const link of placeLinks)
    placesOf.set(link.documentId, [...(placesOf.get(link.documentId) ?? []), link.placeId]);

  const inCollection = (d: DocumentRow) => d.collections.some((c) => chosenIds.has(c));
  const inPlace = (d: DocumentRow) =>
    filters.place === null || (placesOf.get(d.id) ?? []).some((p) => chain(p).includes(filters.place!));
  const inPeriod = (d: DocumentRow) => {
    const year = yearOf(d.dateStart);
    if (filters.year !== null) return year === filters.year;
    if (filters.decade !== null) return year !== null && year - (year % 10) === filters.decade;
    return true;
  };

  let selectedPlace: PlaceCount | null = null;
  if (filters.place !== null) {
    const known = documents.some((d) =>
      (placesOf.get(d.id) ?? []).some((p) => chain(p).includes(filters.place!)),
    );
    const place = placeById.get(filters.place);
    if (!known || !place)
      throw badRequest('themes.bad_filter', 'place: no document of this theme is from that place.');
    selectedPlace = {
      id: place.id,
      name: place.name,
      latitude: place.latitude,
      longitude: place.longitude,
      count: 0,
    };
  }

  // The timeline: collection and place filters, every period.
  const forTimeline = documents.filter((d) => inCollection(d) && inPlace(d));
  const years = [
    ...forTimeline.flatMap((d) => yearOf(d.dateStart) ?? []),
    ...theme.events.map((e) => yearOf(e.date.start)!),
  ];
  const unit =
    years.length > 0 && Math.max(...years) - Math.min(...years) > YEARS_BEFORE_DECADES ? 'decade' : 'year';
  const periodOf = (year: number) => (unit === 'decade' ? year - (year % 10) : year);
  const periods = new Map<number, TimelinePeriod>();
  const period = (year: number) => {
    const start = periodOf(year);
    let entry = periods.get(start);
    if (!entry) {
      entry = { start, label: unit === 'decade' ? `${start}s` : String(start), count: 0, events: [] };
      periods.set(start, entry);
    }
    return entry;
  };
  let undated = 0;
  for (const d of forTimeline) {
    const year = yearOf(d.dateStart);
    if (year === null) undated++;
    else period(year).count++;
  }
  for (const event of theme.events) period(yearOf(event.date.start)!).events.push(event);
  const sortedPeriods = [...periods.values()].sort((a, b) => a.start - b.start);

  // The map: collection and period filters, every place.
  const counts = new Map<number, Set<number>>();
  for (const d of documents) {
    if (!inCollection(d) || !inPeriod(d)) continue;
    for (const placeId of placesOf.get(d.id) ?? []) {
      const pin = pinOf(placeId);
      const set = counts.get(pin) ?? new Set<number>();
      set.add(d.id);
      counts.set(pin, set);
    }
  }
  const placeCounts: PlaceCount[] = [...counts.entries()]
    .map(([id, set]) => {
      const place = placeById.get(id)!;
      return { id, name: place.name, latitude: place.latitude, longitude: place.longitude, count: set.size };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'));
  if (selectedPlace) selectedPlace.count = counts.get(selectedPlace.id)?.size ?? 0;

  // The list: every filter, in date order.
  const listed = documents.filter((d) => inCollection(d) && inPlace(d) && inPeriod(d));
  const pages = Math.max(1, Math.ceil(listed.length / THEME_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const pageIds = listed.slice((page - 1) * THEME_PAGE_SIZE, page * THEME_PAGE_SIZE).map((d) => d.id);

  return {
    theme,
    collections,
    filters,
    selectedCollection,
    selectedPlace,
    totalDocuments: documents.length,
    timeline: {
      unit,
      periods: sortedPeriods,
      largest: Math.max(1, ...sortedPeriods.map((p) => p.count)),
      undated,
    },
    places: placeCounts,
    documents: { total: listed.length, page, pages, items: await listedDocuments(db, pageIds) },
  };
}

type DocumentRow = { id: number; dateStart: string | null; collections: number[] };

/** Published documents filed in these collections, in date order, with the collections each is in. */
async function documentsFiledIn(db: Kysely<Database>, collectionIds: number[]): Promise<DocumentRow[]> {
  if (collectionIds.length === 0) return [];
  const rows = await db
    .selectFrom('document_authorities')
    .innerJoin('documents', 'documents.id', 'document_authorities.document_id')
    .select(['documents.id', 'documents.date_start', 'document_authorities.authority_id'])
    .where('document_authorities.role', '=', 'collection')
    .where('document_authorities.authority_id', 'in', collectionIds)
    .where('documents.status', '=', 'published')
    .execute();
  const byId = new Map<number, DocumentRow>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { id: row.id, dateStart: row.date_start, collections: [] };
    entry.collections.push(row.authority_id);
    byId.set(row.id, entry);
  }
  return [...byId.values()].sort(
    (a, b) => (a.dateStart ?? '9999').localeCompare(b.dateStart ?? '9999') || a.id - b.id,
  );
}

async function placeLinksOf(db: Kysely<Database>, collectionIds: number[]) {
  if (collectionIds.length === 0) return [];
  const filed = db
    .selectFrom('document_authorities')
    .select('document_id')
    .where('role', '=', 'collection')
    .where('authority_id', 'in', collectionIds);
  return db
    .selectFrom('document_authorities')
    .innerJoin('documents', 'documents.id', 'document_authorities.document_id')
    .select([
      'document_authorities.document_id as documentId',
      'document_authorities.authority_id as placeId',
    ])
    .where('document_authorities.role', '=', 'place')
    .where('documents.status', '=', 'published')
    .where('document_authorities.document_id', 'in', filed)
    .execute();
}

/** Title, date and summary of published documents, in the order of the IDs given. */
export async function listedDocuments(db: Kysely<Database>, ids: number[]): Promise<ListedDocument[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('documents')
    .selectAll()
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row
      ? [
          {
            id: row.id,
            externalId: row.external_id,
            title: row.title,
            status: row.status,
            date: dateOfRow(row),
            summary: row.summary,
          },
        ]
      : [];
  });
}
