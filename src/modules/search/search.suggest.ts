import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database/tables.ts';
import { type FacetName, isHierarchical } from './search.facets.ts';
import { prefixKey } from './search.keys.ts';

/**
 * Suggestions as one types: people, organizations, places, subjects and collections whose name (any
 * variant, in any script, accents and case ignored) has a word starting with what was typed, most
 * documented first. Only authorities with published documents are offered, with their count.
 */

export const SUGGESTED_KINDS = ['person', 'organization', 'place', 'subject', 'collection'] as const;
export type SuggestedKind = (typeof SUGGESTED_KINDS)[number];

export type NameSuggestion = {
  id: number;
  kind: SuggestedKind;
  /** The preferred name. */
  name: string;
  /** URL name (collections are addressed by it). */
  slug: string;
  /** The variant that matched, when it is not the preferred name ("Месяцев" for Mesyatsev). */
  matched: string | null;
  /** Published documents linked to it (for places and collections, also through narrower ones). */
  documents: number;
};

const MAX_CANDIDATES = 200;

export async function suggestNames(
  { db }: { db: Kysely<Database> },
  typed: string,
  options: { limit?: number; kinds?: readonly SuggestedKind[] } = {},
): Promise<NameSuggestion[]> {
  const key = prefixKey(typed);
  if (key === undefined) return [];
  const limit = Math.min(Math.max(options.limit ?? 10, 1), 50);
  const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : SUGGESTED_KINDS;
  // Every key starting with `key` sorts between it and it followed by the highest code point.
  const candidates = await db
    .selectFrom('search_name_keys as k')
    .innerJoin('authorities as a', 'a.id', 'k.authority_id')
    .select([
      'k.authority_id',
      'k.kind',
      'a.name as preferred',
      'a.slug',
      sql<string>`min(k.name)`.as('matched'),
    ])
    .where('k.key', '>=', key)
    .where('k.key', '<', `${key}\u{10FFFF}`)
    .where('k.kind', 'in', [...kinds])
    .groupBy(['k.authority_id', 'k.kind', 'a.name', 'a.slug'])
    .limit(MAX_CANDIDATES)
    .execute();
  if (candidates.length === 0) return [];

  const counts = await documentCounts(
    db,
    candidates.map((c) => ({ id: c.authority_id, kind: c.kind as SuggestedKind })),
  );
  return candidates
    .map((c) => ({
      id: c.authority_id,
      kind: c.kind as SuggestedKind,
      name: c.preferred,
      slug: c.slug,
      matched: c.matched === c.preferred ? null : c.matched,
      documents: counts.get(c.authority_id) ?? 0,
    }))
    .filter((s) => s.documents > 0)
    .sort((a, b) => b.documents - a.documents || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id))
    .slice(0, limit);
}

/**
 * Published documents per authority, through the index's facet rows (so drafts never count). A
 * place or collection counts the documents of its narrower ones too (China holds Xinjiang's), each
 * document once.
 */
async function documentCounts(
  db: Kysely<Database>,
  authorities: { id: number; kind: SuggestedKind }[],
): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  const byKind = new Map<SuggestedKind, number[]>();
  for (const a of authorities) byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), a.id]);
  for (const [kind, ids] of byKind) {
    const result = isHierarchical(kind as FacetName)
      ? await sql<{ id: number; n: number }>`with recursive tree(root, id) as (
            select id, id from authorities where id in (${sql.join(ids)})
            union
            select t.root, a.id from tree t join authorities a on a.parent_id = t.id where a.kind = ${kind}
          )
          select t.root as id, count(distinct f.document_id) as n
          from tree t join search_facets f on f.facet = ${kind} and f.value = cast(t.id as text)
          group by t.root`.execute(db)
      : await sql<{ id: number; n: number }>`select cast(value as integer) as id, count(*) as n
          from search_facets where facet = ${kind} and value in (${sql.join(ids.map(String))})
          group by value`.execute(db);
    for (const row of result.rows) counts.set(Number(row.id), Number(row.n));
  }
  return counts;
}
