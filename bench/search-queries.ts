import {
  type AuthorityPool,
  type CorpusLanguage,
  createRandom,
  DOCUMENT_TYPES,
  generateDocument,
  type Random,
  seedOf,
  VOCABULARY_SIZE,
  vocabularyOf,
} from './search-corpus.ts';

/**
 * The fixed query mix of `npm run bench:search`: seven classes of searches a reader makes, each
 * drawn afresh per request from the archive's own vocabulary and records, so that no two timed
 * requests are the same search (the server keeps facet counts of recent searches; a benchmark that
 * repeated one query would measure that cache).
 */
export const QUERY_CLASSES = [
  'rare',
  'common',
  'phrase',
  'prefix',
  'filtered',
  'faceted',
  'deep page',
] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export const QUERY_CLASS_NOTES: Record<QueryClass, string> = {
  rare: 'a word from the rarest half of a vocabulary (a few hundred documents at 1M)',
  common: 'one of the 150 commonest words of a language (most documents of that language)',
  phrase: 'two consecutive words of a real title, in quotes',
  prefix: 'the first four letters of a mid-frequency word, then *',
  filtered: 'a word of rank 20 to 1,000 with its language, a type and a 20-year date range',
  faceted: 'a common word (rank up to 300) with a place and a subject selected',
  'deep page': 'a common word, page 100 to 500 of 20 hits',
};

const SPACED: CorpusLanguage[] = ['en', 'ru', 'de'];
const ALL: CorpusLanguage[] = ['en', 'ru', 'de', 'zh'];

export type BenchQuery = { queryClass: QueryClass; params: URLSearchParams };

/**
 * `perClass` distinct searches of every class (no search string repeats within a class), in a fixed
 * order; the same seed gives the same searches, so providers and runs are compared on equal terms.
 */
export function buildQueryMix(options: {
  documents: number;
  pool: AuthorityPool;
  seed: number;
  perClass: number;
  /** Distinguishes the warm-up set from the timed one. */
  stream: number;
  /** Searches not to make (the warm-up's, when drawing the timed set). */
  exclude?: readonly BenchQuery[];
}): BenchQuery[] {
  const { documents, pool, seed, perClass } = options;
  const random = createRandom(seedOf(seed, 100 + options.stream, 0));
  const pickOf = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const word = (languages: readonly CorpusLanguage[], from: number, to: number) => {
    const { words } = vocabularyOf(pickOf(languages));
    return words[from + Math.floor(random() * (to - from))]!;
  };
  const topOf = (kind: keyof AuthorityPool['byKind'], count: number) =>
    pool.byKind[kind].slice(0, count).map((a) => String(a.id));

  const makers: Record<QueryClass, () => Record<string, string>> = {
    rare: () => ({ q: word(ALL, VOCABULARY_SIZE / 2, VOCABULARY_SIZE) }),
    common: () => ({ q: word(ALL, 1, 150) }),
    phrase: () => ({ q: `"${phraseFrom(documents, pool, seed, random)}"` }),
    prefix: () => ({ q: `${[...word(SPACED, 200, 3000)].slice(0, 4).join('')}*` }),
    filtered: () => {
      // A word of the language filtered on, as a reader narrowing a search would choose.
      const language = pickOf(ALL);
      const from = 1945 + Math.floor(random() * 27);
      return {
        q: word([language], 20, 1000),
        language,
        type: pickOf(DOCUMENT_TYPES.slice(0, 3)),
        from: String(from),
        to: String(from + 19),
      };
    },
    faceted: () => ({
      q: word(ALL, 1, 300),
      place: pickOf(topOf('place', 5)),
      subject: pickOf(topOf('subject', 5)),
    }),
    'deep page': () => ({ q: word(ALL, 1, 150), page: String(100 + Math.floor(random() * 401)) }),
  };

  const queries: BenchQuery[] = [];
  for (const queryClass of QUERY_CLASSES) {
    const excluded = new Set((options.exclude ?? []).map((q) => q.params.toString()));
    const seen = new Set<string>();
    for (let attempt = 0; seen.size < perClass && attempt < perClass * 50; attempt++) {
      const params = new URLSearchParams(makers[queryClass]());
      const key = params.toString();
      if (seen.has(key) || excluded.has(key)) continue;
      seen.add(key);
      queries.push({ queryClass, params });
    }
  }
  // Interleaved, so a machine that gets busier during the run does not burden one class alone.
  return interleave(queries);
}

function interleave(queries: BenchQuery[]): BenchQuery[] {
  const byClass = QUERY_CLASSES.map((c) => queries.filter((q) => q.queryClass === c));
  const out: BenchQuery[] = [];
  for (let i = 0; out.length < queries.length; i++) {
    for (const list of byClass) if (list[i]) out.push(list[i]!);
  }
  return out;
}

/** Two consecutive words of the title of a document of the archive (one written with spaces). */
function phraseFrom(documents: number, pool: AuthorityPool, seed: number, random: Random): string {
  for (;;) {
    const document = generateDocument(1 + Math.floor(random() * documents), pool, seed);
    const words = document.title.split(' ');
    if (document.language === 'zh' || words.length < 2) continue;
    const at = Math.floor(random() * (words.length - 1));
    return `${words[at]} ${words[at + 1]}`.replaceAll(',', '');
  }
}

/** The value below which `fraction` of the sorted samples lie (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
