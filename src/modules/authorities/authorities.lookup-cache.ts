import type { Kysely } from 'kysely';
import type { AuthorityKind, Database } from '../../database/tables.ts';
import { type AuthoritiesRepository, type NameVariant, nameMatchKey } from './authorities.repository.ts';

type Details = { parentId: number | null; note: string | null; dates: string | null };

/**
 * The authorities repository with what a batch of saves asks again and again remembered: which
 * authority a name means, an authority's kind, names and details. A thousand records naming the same
 * ten people then cost ten lookups, not ten thousand.
 *
 * Every answer is the one the database would give inside the same transaction, because every change
 * goes through here and updates what is remembered (a name's authority is the oldest one holding it,
 * as in `findIdByName`). Use one per transaction, and drop it when a savepoint is rolled back: it would
 * remember what the rollback undid.
 */
export function withLookupCache(
  authorities: AuthoritiesRepository,
  db: Kysely<Database>,
): AuthoritiesRepository {
  const kinds = new Map<number, AuthorityKind | undefined>();
  /** `kind \0 match key` -> the oldest authority of that kind with that name, or undefined for none. */
  const byName = new Map<string, number | undefined>();
  const namesOf = new Map<number, Set<string>>();
  const detailsOf = new Map<number, Details>();
  const nameKey = (kind: AuthorityKind, name: string) => `${kind}\u0000${nameMatchKey(name)}`;

  /** An authority of this kind now holds these names: the oldest holder of each stays its answer. */
  const nameAdded = (kind: AuthorityKind, id: number, names: string[]) => {
    for (const name of names) {
      const key = nameKey(kind, name);
      if (!byName.has(key)) continue;
      const holder = byName.get(key);
      byName.set(key, holder === undefined ? id : Math.min(holder, id));
    }
  };

  async function knownNames(id: number): Promise<Set<string>> {
    const cached = namesOf.get(id);
    if (cached) return cached;
    const rows = await db
      .selectFrom('authority_names')
      .select('match_key')
      .where('authority_id', '=', id)
      .execute();
    const names = new Set(rows.map((row) => row.match_key));
    namesOf.set(id, names);
    return names;
  }

  async function knownDetails(id: number): Promise<Details | undefined> {
    const cached = detailsOf.get(id);
    if (cached) return cached;
    const row = await db
      .selectFrom('authorities')
      .select(['parent_id', 'note', 'dates'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const details = { parentId: row.parent_id, note: row.note, dates: row.dates };
    detailsOf.set(id, details);
    return details;
  }

  async function kindOf(id: number): Promise<AuthorityKind | undefined> {
    if (!kinds.has(id)) kinds.set(id, await authorities.kindOf(id));
    return kinds.get(id);
  }

  return {
    ...authorities,
    kindOf,

    async findIdByName(kind: AuthorityKind, name: string) {
      const key = nameKey(kind, name);
      if (!byName.has(key)) byName.set(key, await authorities.findIdByName(kind, name));
      return byName.get(key);
    },

    async create(input) {
      const id = await authorities.create(input);
      const names = [input.name, ...(input.variants ?? []).map((v) => v.name)];
      kinds.set(id, input.kind);
      nameAdded(input.kind, id, names);
      namesOf.set(id, new Set(names.map(nameMatchKey)));
      detailsOf.set(id, {
        parentId: input.parentId ?? null,
        note: input.note ?? null,
        dates: input.dates ?? null,
      });
      return id;
    },

    async addVariants(id: number, variants: NameVariant[]) {
      const names = await knownNames(id);
      const fresh = variants.filter((variant) => !names.has(nameMatchKey(variant.name)));
      if (fresh.length === 0) return;
      await authorities.addVariants(id, fresh);
      for (const variant of fresh) names.add(nameMatchKey(variant.name));
      const kind = await kindOf(id);
      if (kind)
        nameAdded(
          kind,
          id,
          fresh.map((variant) => variant.name),
        );
    },

    async completeDetails(id, details) {
      const current = await knownDetails(id);
      if (!current) return authorities.completeDetails(id, details);
      // The same rule as the repository's: only what is missing is filled in.
      const next: Details = {
        parentId: current.parentId === null && details.parentId ? details.parentId : current.parentId,
        note: current.note === null && details.note ? details.note : current.note,
        dates: current.dates === null && details.dates ? details.dates : current.dates,
      };
      if (next.parentId === current.parentId && next.note === current.note && next.dates === current.dates)
        return;
      await authorities.completeDetails(id, details);
      detailsOf.set(id, next);
    },
  };
}
