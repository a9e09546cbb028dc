import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';

/**
 * A memory of recent facet counts, so the second page of a search, or the same search made again,
 * does not count a large result set twice. Entries are keyed by the site's content version, which
 * every write to public content bumps in its own transaction (from any process), so a count is never
 * served after the documents it counted changed.
 */
export type SearchCache = {
  get<T>(key: string): T | undefined;
  set<T>(key: string, value: T): void;
};

export function createSearchCache({ maxEntries = 500 }: { maxEntries?: number } = {}): SearchCache {
  const entries = new Map<string, unknown>();
  return {
    get<T>(key: string) {
      if (!entries.has(key)) return undefined;
      const value = entries.get(key);
      // Recently used entries move to the end; the oldest are dropped first.
      entries.delete(key);
      entries.set(key, value);
      return value as T;
    },
    set<T>(key: string, value: T) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}

/** The content version cache keys are qualified with. */
export async function contentVersion(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('site_state')
    .select('value')
    .where('key', '=', 'content_version')
    .executeTakeFirst();
  return Number(row?.value ?? 0);
}
