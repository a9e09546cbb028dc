import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';
import { languageName } from '../shared/languages.ts';

/**
 * The facets of a search: each one a URL parameter (`language=zh&language=ru&place=12`), counted for
 * the current query and filters. Values of one facet combine with OR, facets with AND, and a facet's
 * counts ignore its own selection (so choosing Chinese still shows how many are in Russian).
 * Places and collections are trees: selecting China includes documents about Xinjiang.
 */
export const FACETS = [
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
] as const;
export type FacetName = (typeof FACETS)[number];

export const HIERARCHICAL_FACETS = ['place', 'collection'] as const;
export const isHierarchical = (facet: FacetName): facet is (typeof HIERARCHICAL_FACETS)[number] =>
  facet === 'place' || facet === 'collection';

/** Facets whose values are authority record IDs. */
export const AUTHORITY_FACETS: ReadonlySet<FacetName> = new Set([
  'collection',
  'subject',
  'place',
  'person',
  'organization',
  'repository',
  'funder',
]);

export const FACET_LABELS: Readonly<Record<FacetName, string>> = {
  language: 'Original language',
  translation: 'Translation available in',
  type: 'Document type',
  classification: 'Classification',
  collection: 'Collection',
  subject: 'Subject',
  place: 'Place',
  person: 'Person',
  organization: 'Organization',
  repository: 'Repository',
  funder: 'Funder',
};

export type FacetValue = {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  /** Narrower places or collections, for hierarchical facets. */
  children?: FacetValue[];
};

export type Facet = {
  name: FacetName;
  label: string;
  hierarchical: boolean;
  values: FacetValue[];
  /** More values exist than are listed (the most frequent are listed first). */
  more: boolean;
};

export type DateFacet = {
  /** The date filter in force (from the query text and the from/to parameters), if any. */
  from: string | null;
  to: string | null;
  /** Documents per year of their (first) date, ignoring the date filter itself. */
  histogram: { year: number; count: number }[];
  undated: number;
};

/**
 * Widens selected places and collections to their descendants (a document tagged Xinjiang is "in"
 * China), guarding against cycles. Returns the value lists the SQL filters use.
 */
export async function expandHierarchies(
  db: Kysely<Database>,
  selections: Partial<Record<FacetName, string[]>>,
): Promise<Partial<Record<FacetName, string[]>>> {
  const expanded: Partial<Record<FacetName, string[]>> = { ...selections };
  for (const facet of HIERARCHICAL_FACETS) {
    const selected = selections[facet];
    if (!selected || selected.length === 0) continue;
    const all = new Set(selected);
    let frontier = selected.map(Number).filter(Number.isSafeInteger);
    // A tree deeper than this is a data error; stop rather than loop.
    for (let depth = 0; depth < 32 && frontier.length > 0; depth++) {
      const children = await db
        .selectFrom('authorities')
        .select('id')
        .where('parent_id', 'in', frontier)
        .where('kind', '=', facet)
        .execute();
      frontier = children.map((c) => c.id).filter((id) => !all.has(String(id)));
      for (const id of frontier) all.add(String(id));
    }
    expanded[facet] = [...all];
  }
  return expanded;
}

type CountedValue = { value: string; count: number };

/** What a facet needs of an authority: its name, and its parent for trees. */
export type FacetAuthority = { name: string; parentId: number | null };

/** Names for facet values: language names, authority names (one query), other values as stored. */
export async function facetLabeler(
  db: Kysely<Database>,
  authorityIds: number[],
): Promise<{ label: (facet: FacetName, value: string) => string; authorities: Map<number, FacetAuthority> }> {
  const ids = [...new Set(authorityIds)].filter((id) => Number.isSafeInteger(id));
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('authorities')
          .select(['id', 'name', 'parent_id'])
          .where('id', 'in', ids)
          .execute();
  const authorities = new Map(rows.map((row) => [row.id, { name: row.name, parentId: row.parent_id }]));
  const label = (facet: FacetName, value: string) => {
    if (facet === 'language' || facet === 'translation') return languageName(value);
    if (AUTHORITY_FACETS.has(facet)) return authorities.get(Number(value))?.name ?? `Unknown record ${value}`;
    return value;
  };
  return { label, authorities };
}

/** A flat facet: the counted values, most frequent first, with selected ones always present. */
export function flatFacet(
  facet: FacetName,
  counted: CountedValue[],
  selected: readonly string[],
  label: (facet: FacetName, value: string) => string,
  limit: number,
): Facet {
  const byValue = new Map<string, CountedValue>();
  for (const entry of counted) if (!byValue.has(entry.value)) byValue.set(entry.value, entry);
  const selectedSet = new Set(selected);
  const ranked = [...byValue.values()].sort((a, b) => b.count - a.count || compare(a.value, b.value));
  const listed = ranked.slice(0, limit);
  for (const value of selectedSet) {
    if (!listed.some((entry) => entry.value === value))
      listed.push(byValue.get(value) ?? { value, count: 0 });
  }
  return {
    name: facet,
    label: FACET_LABELS[facet],
    hierarchical: false,
    values: listed.map((entry) => ({
      value: entry.value,
      label: label(facet, entry.value),
      count: entry.count,
      selected: selectedSet.has(entry.value),
    })),
    more: ranked.length > limit,
  };
}

/**
 * A tree facet: each counted node (its count includes its descendants) under its nearest counted
 * ancestor; the roots are the nodes whose parent is not listed.
 */
export function treeFacet(
  facet: FacetName,
  counted: CountedValue[],
  selected: readonly string[],
  label: (facet: FacetName, value: string) => string,
  authorities: ReadonlyMap<number, FacetAuthority>,
  limit: number,
): Facet {
  const selectedSet = new Set(selected);
  const nodes = new Map<string, FacetValue>();
  for (const entry of counted) {
    nodes.set(entry.value, {
      value: entry.value,
      label: label(facet, entry.value),
      count: entry.count,
      selected: selectedSet.has(entry.value),
      children: [],
    });
  }
  for (const value of selectedSet) {
    if (!nodes.has(value)) {
      nodes.set(value, { value, label: label(facet, value), count: 0, selected: true, children: [] });
    }
  }
  const roots: FacetValue[] = [];
  for (const node of nodes.values()) {
    let parentId = authorities.get(Number(node.value))?.parentId ?? null;
    const seen = new Set<number>();
    let parent: FacetValue | undefined;
    while (parentId !== null && !seen.has(parentId)) {
      seen.add(parentId);
      parent = nodes.get(String(parentId));
      if (parent) break;
      parentId = authorities.get(parentId)?.parentId ?? null;
    }
    if (parent && parent !== node) parent.children!.push(node);
    else roots.push(node);
  }
  const sortTree = (list: FacetValue[]) => {
    list.sort((a, b) => b.count - a.count || compare(a.label, b.label));
    for (const node of list) {
      if (node.children && node.children.length > 0) sortTree(node.children);
      else delete node.children;
    }
  };
  sortTree(roots);
  return {
    name: facet,
    label: FACET_LABELS[facet],
    hierarchical: true,
    values: roots,
    more: counted.length >= limit,
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
