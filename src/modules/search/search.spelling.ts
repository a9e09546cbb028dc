import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';
import { countExactWords } from './search.engine.ts';
import { headOf, tailOf, vocabularyEntry } from './search.keys.ts';
import type { SearchProvider } from './search.provider.ts';

/**
 * "Did you mean": a word the index lacks (Reishauer, Mesyastev) is compared with the words the index
 * holds, which include every name variant of every linked person, place and subject. Candidates
 * share the word's first or last three letters and are within two edits (one for short words);
 * each is checked against the live index, so a word from a withdrawn document is never offered.
 */

/** Edits allowed for a word of this many letters: none below 4, one up to 5, two from 6. */
export function maxEditsFor(length: number): number {
  if (length < 4) return 0;
  if (length < 6) return 1;
  return 2;
}

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions: "Mesyastev" is one
 * edit from "Mesyatsev"), in code points. Returns `max + 1` as soon as the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[t.length]!;
}

export type Correction = { word: string; documents: number; distance: number };

/** How many vocabulary words are compared at most; the index keys keep this small in practice. */
const CANDIDATE_LIMIT = 5000;
/** How many of the closest candidates are checked against the live index. */
const CHECKED_LIMIT = 6;

/**
 * The best correction of one folded word, or undefined. `atLeast`: the correction must be in more
 * documents than this (for a word that exists but is rare, only a far more common spelling is
 * worth proposing).
 */
export async function correctWord(
  db: Kysely<Database>,
  provider: SearchProvider,
  word: string,
  atLeast = 0,
): Promise<Correction | undefined> {
  const entry = vocabularyEntry(word);
  if (!entry) return undefined;
  const max = maxEditsFor(entry.length);
  if (max === 0) return undefined;
  const rows = await db
    .selectFrom('search_vocabulary')
    .select('term')
    .where((eb) => eb.or([eb('head', '=', headOf(word)), eb('tail', '=', tailOf(word))]))
    .where('length', '>=', entry.length - max)
    .where('length', '<=', entry.length + max)
    .where('term', '!=', word)
    .limit(CANDIDATE_LIMIT)
    .execute();
  const close = rows
    .map((row) => ({ word: row.term, distance: editDistance(word, row.term, max) }))
    .filter((candidate) => candidate.distance <= max)
    .sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : 1))
    .slice(0, CHECKED_LIMIT);
  const documents = await countExactWords(
    db,
    provider,
    close.map((c) => c.word),
  );
  let best: Correction | undefined;
  close.forEach((candidate, i) => {
    const found = documents[i] ?? 0;
    if (found <= atLeast) return;
    if (
      !best ||
      candidate.distance < best.distance ||
      (candidate.distance === best.distance && found > best.documents)
    ) {
      best = { ...candidate, documents: found };
    }
  });
  return best;
}

/** The correction written as the reader wrote the word: Reishauer → Reischauer, MESYASTEV → MESYATSEV. */
export function matchCase(typed: string, correction: string): string {
  const letters = typed.replace(/[^\p{L}]/gu, '');
  if (letters !== '' && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return correction.toUpperCase();
  }
  const first = Array.from(typed)[0] ?? '';
  if (first !== first.toLowerCase()) {
    const [head = '', ...rest] = Array.from(correction);
    return head.toUpperCase() + rest.join('');
  }
  return correction;
}

/** The query with one word (as typed, a whole word) replaced; other text is kept as it was. */
export function replaceWord(query: string, typed: string, replacement: string): string {
  const escaped = typed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
  return query.replace(pattern, () => replacement);
}
