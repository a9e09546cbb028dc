/**
 * A synthetic multilingual archive for `npm run bench:search`: deterministic (a seeded PRNG, each
 * document drawn from its own seed, so document k is the same whether 1,000 or 1,000,000 are made),
 * with English-, Russian-, German- and Chinese-like text over Zipfian vocabularies, realistic lengths
 * (short titles, summaries of a paragraph, a minority of documents with transcripts of a few hundred
 * to several thousand words and some with translations), and facet values (people, organizations,
 * nested places and collections, subjects, types, classifications, repositories, funders, dates)
 * whose popularity is Zipfian too, as in real archives.
 *
 * The words are made of syllables of each script, not taken from any text: the benchmark measures
 * how the index behaves with a natural word-frequency curve, not what it finds.
 */

/** Bump when the corpus a seed produces changes, so cached benchmark databases are rebuilt. */
export const GENERATOR_VERSION = 1;

export type Random = () => number;

/** mulberry32: small, fast and good enough for synthetic data; the same seed gives the same stream. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for item `index` of stream `stream`, so items can be drawn independently of each other. */
export function seedOf(base: number, stream: number, index: number): number {
  let h = (base ^ Math.imul(stream, 0x9e3779b1) ^ Math.imul(index, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Ranks 1..size drawn with probability proportional to 1 / rank^exponent (Zipf's law), by binary
 * search in the cumulative weights.
 */
export function createZipf(size: number, exponent = 1.07): (random: Random) => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 1; rank <= size; rank++) {
    total += 1 / rank ** exponent;
    cumulative[rank - 1] = total;
  }
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
}

export type CorpusLanguage = 'en' | 'ru' | 'de' | 'zh';

type Script = {
  /** Syllables a word is built from; the first ones are the most frequent. */
  syllables: readonly string[];
  /** Whether words are written without spaces between them (Chinese). */
  unspaced: boolean;
  sentenceEnd: string;
  comma: string;
};

const latinSyllables =
  'ba be bi bo bu ca ce co cu da de di do du fa fe fi fo ga ge go gu ha he hi ho ja jo ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo wa we wi ya yo za ze zi an en in on un ar er ir or ur al el il ol st tr pr br gr pl cl'.split(
    ' ',
  );
const germanSyllables = [
  ...latinSyllables,
  ...'sch ach ich ung ein ber lich keit ä ö ü ß au eu ie heit stra wer gen ver'.split(' '),
];
const cyrillicSyllables =
  'ба бе би бо бу ва ве ви во ву га ге ги го да де ди до ду жа же за зе зи зо ка ке ки ко ку ла ле ли ло лу ма ме ми мо му на не ни но ну па пе пи по пу ра ре ри ро ру са се си со су та те ти то ту фа фе ха хо ца це ча че ша ше щи ю я ё ан ен ин он ар ер ир ор ст тр пр бр гр ский ов ев ый ая ой ие'.split(
    ' ',
  );
// Characters from the start of the CJK Unified Ideographs block; Chinese "words" are one to three of them.
const hanCharacters = Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0x4e00 + i * 6));

const scripts: Record<CorpusLanguage, Script> = {
  en: { syllables: latinSyllables, unspaced: false, sentenceEnd: '.', comma: ',' },
  de: { syllables: germanSyllables, unspaced: false, sentenceEnd: '.', comma: ',' },
  ru: { syllables: cyrillicSyllables, unspaced: false, sentenceEnd: '.', comma: ',' },
  zh: { syllables: hanCharacters, unspaced: true, sentenceEnd: '。', comma: '，' },
};

/** Words per language vocabulary: about what a large archive's texts use. */
export const VOCABULARY_SIZE = 40_000;

/**
 * A language's vocabulary, most frequent word first. Short words are the frequent ones (as in every
 * language), and every word is distinct.
 */
export function buildVocabulary(language: CorpusLanguage, size = VOCABULARY_SIZE): string[] {
  const script = scripts[language];
  const random = createRandom(seedOf(7, language.charCodeAt(0) * 256 + language.charCodeAt(1), 0));
  const pick = createZipf(script.syllables.length, 0.6);
  const words: string[] = [];
  const seen = new Set<string>();
  let attempts = 0;
  while (words.length < size) {
    attempts++;
    // Lengths grow slowly with rank: the commonest words are one or two syllables.
    const rank = words.length + 1;
    const base = script.unspaced ? 1 : 1 + Math.min(3, Math.floor(Math.log10(rank + 1)));
    const syllables = base + Math.floor(random() * (script.unspaced ? 3 : 2));
    let word = '';
    for (let i = 0; i < syllables; i++) word += script.syllables[pick(random) - 1];
    // German-like compounds: a share of the rarer words join two words.
    if (language === 'de' && rank > 500 && random() < 0.25 && words.length > 0) {
      word += words[Math.floor(random() * Math.min(words.length, 2000))];
    }
    if (word.length < (script.unspaced ? 1 : 2) || seen.has(word)) {
      if (attempts > size * 50) throw new Error(`cannot build a vocabulary of ${size} ${language} words`);
      continue;
    }
    seen.add(word);
    words.push(word);
  }
  return words;
}

export type Vocabulary = { words: readonly string[]; zipf: (random: Random) => number };

const vocabularies = new Map<CorpusLanguage, Vocabulary>();
export function vocabularyOf(language: CorpusLanguage): Vocabulary {
  let vocabulary = vocabularies.get(language);
  if (!vocabulary) {
    vocabulary = { words: buildVocabulary(language), zipf: createZipf(VOCABULARY_SIZE) };
    vocabularies.set(language, vocabulary);
  }
  return vocabulary;
}

/** `count` words of running text: sentences of 6 to 24 words with commas now and then. */
export function generateText(language: CorpusLanguage, count: number, random: Random): string {
  const { words, zipf } = vocabularyOf(language);
  const script = scripts[language];
  const out: string[] = [];
  let sentence: string[] = [];
  let sentenceLength = 6 + Math.floor(random() * 19);
  for (let i = 0; i < count; i++) {
    let word = words[zipf(random) - 1]!;
    if (sentence.length === 0 && !script.unspaced) word = word[0]!.toUpperCase() + word.slice(1);
    sentence.push(word);
    if (sentence.length > 3 && sentence.length < sentenceLength - 1 && random() < 0.08)
      sentence.push(script.comma);
    if (sentence.length >= sentenceLength || i === count - 1) {
      const joined = script.unspaced
        ? sentence.join('')
        : sentence.join(' ').replaceAll(` ${script.comma}`, script.comma);
      out.push(joined + script.sentenceEnd);
      sentence = [];
      sentenceLength = 6 + Math.floor(random() * 19);
    }
  }
  return out.join(script.unspaced ? '' : ' ');
}

/** A log-normal length (median, spread) clipped to [min, max]. */
function lengthOf(random: Random, median: number, sigma: number, min: number, max: number): number {
  // Box-Muller; 1 - random() keeps the logarithm finite.
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.round(Math.min(max, Math.max(min, median * Math.exp(sigma * normal))));
}

export type AuthoritySpec = {
  id: number;
  kind: 'person' | 'organization' | 'place' | 'subject' | 'repository' | 'funder' | 'collection';
  name: string;
  slug: string;
  parentId: number | null;
  /** Other names (another script), as authority records carry. */
  variants: { name: string; language: string }[];
};

export type AuthorityPool = {
  all: AuthoritySpec[];
  byKind: Record<AuthoritySpec['kind'], AuthoritySpec[]>;
};

/** How many records of each kind an archive of `documents` documents links to. */
export function authorityCounts(documents: number): Record<AuthoritySpec['kind'], number> {
  const scaled = (base: number, per: number, max: number) =>
    Math.min(max, base + Math.floor(documents / per));
  return {
    person: scaled(200, 50, 20_000),
    organization: scaled(50, 500, 2_000),
    place: scaled(60, 2_000, 600),
    subject: scaled(40, 2_000, 500),
    repository: 12,
    funder: 6,
    collection: scaled(10, 10_000, 120),
  };
}

function nameFrom(language: CorpusLanguage, random: Random, parts: number): string {
  const { words } = vocabularyOf(language);
  const script = scripts[language];
  const chosen: string[] = [];
  // Names come from the rarer half of the vocabulary, so they are distinctive words.
  for (let i = 0; i < parts; i++) {
    const word = words[2000 + Math.floor(random() * (words.length - 2000))]!;
    chosen.push(script.unspaced ? word : word[0]!.toUpperCase() + word.slice(1));
  }
  return chosen.join(script.unspaced ? '' : ' ');
}

/** The authority records of the archive; IDs from 1, parents before children. */
export function generateAuthorities(documents: number, seed: number): AuthorityPool {
  const counts = authorityCounts(documents);
  const random = createRandom(seedOf(seed, 1, 0));
  const all: AuthoritySpec[] = [];
  const byKind = Object.fromEntries(Object.keys(counts).map((k) => [k, []])) as unknown as Record<
    AuthoritySpec['kind'],
    AuthoritySpec[]
  >;
  const languages: CorpusLanguage[] = ['en', 'ru', 'de', 'zh'];
  const slugs = new Set<string>();
  for (const kind of Object.keys(counts) as AuthoritySpec['kind'][]) {
    for (let i = 0; i < counts[kind]; i++) {
      const language = languages[Math.floor(random() * languages.length)]!;
      const parts = kind === 'person' ? 2 : kind === 'subject' || kind === 'place' ? 1 : 2;
      const name = `${nameFrom(language, random, parts)}${kind === 'repository' || kind === 'funder' ? ` ${kind === 'funder' ? 'Foundation' : 'Archive'}` : ''}`;
      const id = all.length + 1;
      let slug = `${kind}-${i + 1}`;
      while (slugs.has(slug)) slug += 'x';
      slugs.add(slug);
      // Places and collections nest: the first tenth are top-level, the rest sit under one of them.
      const nested = kind === 'place' || kind === 'collection';
      const roots = Math.max(1, Math.floor(counts[kind] / 10));
      const parent = nested && i >= roots ? byKind[kind][Math.floor(random() * roots)]! : undefined;
      const variants =
        random() < 0.5
          ? [
              {
                name: nameFrom(language === 'ru' ? 'en' : 'ru', random, parts),
                language: language === 'ru' ? 'en' : 'ru',
              },
            ]
          : [];
      const spec: AuthoritySpec = { id, kind, name, slug, parentId: parent?.id ?? null, variants };
      all.push(spec);
      byKind[kind].push(spec);
    }
  }
  return { all, byKind };
}

export type AssetSpec = {
  kind: 'transcript' | 'translation';
  language: CorpusLanguage;
  html: string;
};

export type DocumentSpec = {
  /** 1-based: document IDs are this number. */
  number: number;
  language: CorpusLanguage;
  title: string;
  subtitle: string | null;
  summary: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  datePrecision: 'day' | 'month' | 'year' | null;
  type: string;
  classifications: string[];
  archivalReference: string;
  repositoryId: number;
  links: {
    authorityId: number;
    role: 'author' | 'recipient' | 'mentioned' | 'subject' | 'place' | 'funder' | 'collection';
  }[];
  assets: AssetSpec[];
};

export const DOCUMENT_TYPES = [
  'cable',
  'memorandum',
  'letter',
  'minutes',
  'report',
  'telegram',
  'transcript',
  'note',
  'speech',
  'directive',
  'diary',
  'protocol',
] as const;
export const CLASSIFICATIONS = ['Top Secret', 'Secret', 'Confidential', 'Restricted', 'Unclassified'];

/** Share of documents per original language. */
const LANGUAGE_SHARES: readonly [CorpusLanguage, number][] = [
  ['en', 0.4],
  ['ru', 0.25],
  ['zh', 0.2],
  ['de', 0.15],
];

const wordsToHtml = (text: string, language: CorpusLanguage) => {
  // Paragraphs of about 120 words (or 240 Han characters).
  const sentences = text.split(language === 'zh' ? /(?<=。)/ : /(?<=\.) /);
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 8) paragraphs.push(sentences.slice(i, i + 8).join(' '));
  return paragraphs.map((p) => `<p>${p}</p>`).join('');
};

/**
 * Document `number` of the archive. Facet values are Zipfian over each kind's records, so a few
 * people and places are in many documents and most in a few.
 */
export function generateDocument(number: number, pool: AuthorityPool, seed: number): DocumentSpec {
  const random = createRandom(seedOf(seed, 2, number));
  let pick = random();
  let language: CorpusLanguage = 'en';
  for (const [lang, share] of LANGUAGE_SHARES) {
    if (pick < share) {
      language = lang;
      break;
    }
    pick -= share;
  }
  const zipfOf = (kind: AuthoritySpec['kind']) => zipfFor(pool.byKind[kind].length);
  const from = (kind: AuthoritySpec['kind']) => pool.byKind[kind][zipfOf(kind)(random) - 1]!.id;

  const year = 1945 + Math.floor(random() * 47);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const precisionDraw = random();
  const pad = (n: number) => String(n).padStart(2, '0');
  const dated = precisionDraw < 0.95;
  const datePrecision = !dated ? null : precisionDraw < 0.75 ? 'day' : precisionDraw < 0.9 ? 'month' : 'year';
  const dateStart = !dated
    ? null
    : datePrecision === 'day'
      ? `${year}-${pad(month)}-${pad(day)}`
      : datePrecision === 'month'
        ? `${year}-${pad(month)}-01`
        : `${year}-01-01`;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const dateEnd = !dated
    ? null
    : datePrecision === 'day'
      ? dateStart
      : datePrecision === 'month'
        ? `${year}-${pad(month)}-${pad(lastDay)}`
        : `${year}-12-31`;

  const links: DocumentSpec['links'] = [];
  const add = (authorityId: number, role: DocumentSpec['links'][number]['role']) => {
    if (!links.some((l) => l.authorityId === authorityId && l.role === role))
      links.push({ authorityId, role });
  };
  add(from('person'), 'author');
  if (random() < 0.8) add(from('person'), 'recipient');
  for (let i = Math.floor(random() * 4); i > 0; i--) add(from('person'), 'mentioned');
  if (random() < 0.4) add(from('organization'), 'author');
  for (let i = 1 + Math.floor(random() * 3); i > 0; i--) add(from('subject'), 'subject');
  for (let i = 1 + Math.floor(random() * 2); i > 0; i--) add(from('place'), 'place');
  add(from('collection'), 'collection');
  if (random() < 0.2) add(from('funder'), 'funder');

  const summary = random() < 0.8 ? generateText(language, lengthOf(random, 60, 0.5, 15, 250), random) : null;
  const assets: AssetSpec[] = [];
  // About a fifth of the documents carry a transcript, a few hundred to several thousand words.
  if (random() < 0.2) {
    const words = lengthOf(random, 450, 0.8, 120, 6000);
    assets.push({
      kind: 'transcript',
      language,
      html: wordsToHtml(generateText(language, words, random), language),
    });
    // Some foreign-language transcripts come with an English translation of similar length.
    if (language !== 'en' && random() < 0.35) {
      assets.push({
        kind: 'translation',
        language: 'en',
        html: wordsToHtml(generateText('en', words, random), 'en'),
      });
    }
  }

  const titleText = generateText(language, 4 + Math.floor(random() * 10), random);
  return {
    number,
    language,
    // The title is one sentence: no final stop.
    title: titleText.replace(/[.。]$/, ''),
    subtitle: random() < 0.1 ? generateText(language, 3 + Math.floor(random() * 5), random) : null,
    summary,
    dateStart,
    dateEnd,
    datePrecision,
    type: DOCUMENT_TYPES[zipfFor(DOCUMENT_TYPES.length)(random) - 1]!,
    classifications: random() < 0.7 ? [CLASSIFICATIONS[zipfFor(CLASSIFICATIONS.length)(random) - 1]!] : [],
    archivalReference: `${100 + Math.floor(random() * 900)}-${String(number).padStart(7, '0')}`,
    repositoryId: from('repository'),
    links,
    assets,
  };
}

const zipfCache = new Map<number, (random: Random) => number>();
function zipfFor(size: number): (random: Random) => number {
  let zipf = zipfCache.get(size);
  if (!zipf) {
    zipf = createZipf(size, 1);
    zipfCache.set(size, zipf);
  }
  return zipf;
}
