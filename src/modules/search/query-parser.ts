import { analyzePhrase, analyzeQueryTerm, type QueryClause } from './analyzer/index.ts';
import {
  ANY_YEAR,
  coverSpans,
  type DateSpan,
  describeSpan,
  parseDateSpan,
  type YearBounds,
} from './search.dates.ts';
import { MAX_PART_NO, PART_NO } from './search.parts.ts';
import type { PartScope } from './search.provider.ts';

/**
 * The query language of the search box:
 *
 *   soviet border            documents with both words (any form: border, borders, borderline? no: stems)
 *   "exact phrase"           the words in this order, unstemmed
 *   khrushchev OR хрущев     either (OR binds tighter than the implicit AND)
 *   -cuba, NOT cuba          without the word (or -"phrase", -person:castro)
 *   negotiat*                words starting so
 *   title: person: organization: place: subject: collection: ref: summary: text: names:
 *                            the word or "phrase" in that part of the record only
 *   1962, 1962-08, 1962-08-09, 1960s, 1961..1963, 1961-1963, ..1963, 1961..
 *                            a date filter on the documents' date spans, for years the archive
 *                            holds ("1962" in quotes, or 1514 in an archive of the 1960s, is text)
 *
 * Nothing a reader types is an error: unknown operators are words, stray quotes close at the end,
 * characters that cannot be searched are dropped, and what was ignored is said in a notice.
 */

export type SearchField =
  | 'any'
  | 'title'
  | 'summary'
  | 'text'
  | 'names'
  | 'person'
  | 'organization'
  | 'place'
  | 'subject'
  | 'collection'
  | 'ref';

export type QueryTerm = {
  field: SearchField;
  /** All must match the document (a Chinese word cut in two by the segmenter gives two). */
  clauses: QueryClause[];
  /** As typed, for messages and corrections. */
  source: string;
  kind: 'word' | 'phrase' | 'prefix';
};

/** Documents match a group when they match any of its terms. */
export type QueryGroup = { terms: QueryTerm[] };

export type SearchNotice = { code: string; message: string };

export type ParsedQuery = {
  /** All groups must match. */
  groups: QueryGroup[];
  /** No document matching any of these is returned. */
  excluded: QueryTerm[];
  dates: DateSpan | null;
  notices: SearchNotice[];
};

/** Longer queries are cut here (10 kB of pasted text is no query), counted in code points. */
export const MAX_QUERY_LENGTH = 1000;
/** At most this many words and phrases are searched; the rest are ignored with a notice. */
export const MAX_TERMS = 32;

const FIELDS: Readonly<Record<string, SearchField>> = {
  title: 'title',
  summary: 'summary',
  text: 'text',
  fulltext: 'text',
  name: 'names',
  names: 'names',
  person: 'person',
  people: 'person',
  org: 'organization',
  organization: 'organization',
  organisation: 'organization',
  place: 'place',
  subject: 'subject',
  topic: 'subject',
  collection: 'collection',
  ref: 'ref',
  reference: 'ref',
  date: 'any',
};

/** Which parts of a document each field searches (see PART_NO); `any` searches all. */
export const FIELD_SCOPES: Readonly<Record<SearchField, PartScope | undefined>> = {
  any: undefined,
  title: { from: PART_NO.title, to: PART_NO.title },
  summary: { from: PART_NO.summary, to: PART_NO.summary },
  names: { from: PART_NO.person, to: PART_NO.collection },
  person: { from: PART_NO.person, to: PART_NO.person },
  organization: { from: PART_NO.organization, to: PART_NO.organization },
  place: { from: PART_NO.place, to: PART_NO.place },
  subject: { from: PART_NO.subject, to: PART_NO.subject },
  collection: { from: PART_NO.collection, to: PART_NO.collection },
  ref: { from: PART_NO.reference, to: PART_NO.reference },
  text: { from: PART_NO.firstText, to: MAX_PART_NO },
};

const QUOTE = /["\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d\u300e\u300f]/;
const WHITESPACE = /\s/;

/**
 * Characters no search can use and some databases refuse: NUL and other controls, unpaired
 * surrogates, bidirectional overrides (which could make a query look like another on screen).
 */
// With the u flag a lone surrogate is a code point of its own; a valid pair is one character above it.
const UNUSABLE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/gu;

/** The query as it will be read: unusable characters dropped, spaces collapsed, length capped. */
export function cleanQuery(raw: string): { text: string; truncated: boolean } {
  const cleaned = raw.replace(UNUSABLE, ' ').replace(/\s+/g, ' ').trim();
  const codePoints = Array.from(cleaned);
  if (codePoints.length <= MAX_QUERY_LENGTH) return { text: cleaned, truncated: false };
  return { text: codePoints.slice(0, MAX_QUERY_LENGTH).join('').trim(), truncated: true };
}

type Token =
  | { type: 'text'; text: string; quoted: boolean; negated: boolean; field: SearchField | undefined }
  | { type: 'or' };

/** Splits the query into words, quoted phrases and OR, reading minus signs and field prefixes. */
function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let negateNext = false;
  let pendingField: SearchField | undefined;
  let i = 0;
  const chars = Array.from(query);
  while (i < chars.length) {
    const char = chars[i]!;
    if (WHITESPACE.test(char)) {
      i++;
      continue;
    }
    if (QUOTE.test(char)) {
      let j = i + 1;
      while (j < chars.length && !QUOTE.test(chars[j]!)) j++;
      tokens.push({
        type: 'text',
        text: chars.slice(i + 1, j).join(''),
        quoted: true,
        negated: negateNext,
        field: pendingField,
      });
      negateNext = false;
      pendingField = undefined;
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < chars.length && !WHITESPACE.test(chars[j]!) && !QUOTE.test(chars[j]!)) j++;
    let word = chars.slice(i, j).join('');
    i = j;
    // Grouping parentheses are not supported; OR already binds tighter than AND, which is what
    // "(a OR b) c" means.
    word = word.replace(/^[([{]+|[)\]}]+$/g, '');
    if (word === 'OR' || word === '|' || word === '||' || word === 'ИЛИ') {
      tokens.push({ type: 'or' });
      continue;
    }
    if (word === 'AND' || word === '&&' || word === '&' || word === '') continue;
    if (word === 'NOT') {
      negateNext = true;
      continue;
    }
    let negated: boolean = negateNext;
    negateNext = false;
    const minus = /^[-\u2212]+/.exec(word);
    if (minus) {
      // A lone minus before a quote negates the phrase: -"cold war".
      if (minus[0].length === word.length) {
        negateNext = i < chars.length && QUOTE.test(chars[i]!);
        continue;
      }
      negated = true;
      word = word.slice(minus[0].length);
    }
    word = word.replace(/^\++/, '');
    const fieldMatch = /^([a-z]+):(.*)$/i.exec(word);
    const field = fieldMatch ? FIELDS[fieldMatch[1]!.toLowerCase()] : undefined;
    if (fieldMatch && field !== undefined) {
      const value = fieldMatch[2]!;
      if (value === '') {
        // `title:"..."`: the field applies to the phrase that follows.
        pendingField = field;
        negateNext = negated;
        continue;
      }
      tokens.push({ type: 'text', text: value, quoted: false, negated, field });
      continue;
    }
    // `title: khorgos`, with a space, still means the field.
    if (word !== '') tokens.push({ type: 'text', text: word, quoted: false, negated, field: pendingField });
    pendingField = undefined;
  }
  return tokens;
}

const isSingleHan = (text: string) => /^\p{sc=Han}$/u.test(text);

/** A word typed with a trailing `*`: its exact form matched as a prefix. */
function prefixTerm(stem: string, field: SearchField, source: string): QueryTerm | undefined {
  const clauses = analyzeQueryTerm(stem);
  const last = clauses.at(-1);
  if (!last) return undefined;
  const lastWord = last.exact.at(-1) ?? '';
  // One letter is no prefix worth searching (it would match most of the index): keep the word.
  if (Array.from(lastWord).length < 2 && !isSingleHan(lastWord)) {
    return { field, clauses, source, kind: 'word' };
  }
  clauses[clauses.length - 1] = { terms: last.exact, exact: last.exact, prefix: true, exactOnly: true };
  return { field, clauses, source, kind: 'prefix' };
}

/**
 * Parses a search box query. Never throws; whatever cannot be used is reported in `notices`.
 * `years`: the years the archive's documents span. A bare number is read as a year only within
 * them, so in an archive of the 1960s "Resolution 1514" searches for the number.
 */
export function parseQuery(raw: string, years: YearBounds = ANY_YEAR): ParsedQuery {
  const notices: SearchNotice[] = [];
  const { text, truncated } = cleanQuery(raw);
  if (truncated) {
    notices.push({
      code: 'search.query_truncated',
      message: `The query was cut to its first ${MAX_QUERY_LENGTH} characters.`,
    });
  }
  const groups: QueryGroup[] = [];
  const excluded: QueryTerm[] = [];
  let dates: DateSpan | null = null;
  let termCount = 0;
  // An OR joins the next term to the group of the term just before it, if that was a positive term.
  let canJoin = false;
  let joinNext = false;
  let dropped = 0;

  for (const token of tokenize(text)) {
    if (token.type === 'or') {
      joinNext = canJoin;
      continue;
    }
    canJoin = false;
    const field = token.field ?? 'any';
    if (!token.quoted && !token.negated && field === 'any') {
      const span = parseDateSpan(token.text, years);
      if (span) {
        dates = dates ? coverSpans(dates, span) : span;
        joinNext = false;
        continue;
      }
    }
    let term: QueryTerm | undefined;
    if (token.quoted) {
      const clause = analyzePhrase(token.text);
      if (clause) term = { field, clauses: [clause], source: `"${token.text}"`, kind: 'phrase' };
    } else if (token.text.endsWith('*')) {
      const stem = token.text.replace(/\*+$/, '');
      term = stem === '' ? undefined : prefixTerm(stem, field, token.text);
    } else {
      const clauses = analyzeQueryTerm(token.text);
      if (clauses.length > 0) term = { field, clauses, source: token.text, kind: 'word' };
    }
    if (!term) {
      joinNext = false;
      continue;
    }
    if (termCount >= MAX_TERMS) {
      dropped++;
      continue;
    }
    termCount++;
    if (token.negated) {
      excluded.push(term);
      joinNext = false;
      continue;
    }
    const previous = groups.at(-1);
    if (joinNext && previous) previous.terms.push(term);
    else groups.push({ terms: [term] });
    joinNext = false;
    canJoin = true;
  }

  if (dropped > 0) {
    notices.push({
      code: 'search.too_many_terms',
      message: `Only the first ${MAX_TERMS} words and phrases were searched; ${dropped} more were ignored.`,
    });
  }
  if (text !== '' && groups.length === 0 && excluded.length === 0 && dates === null) {
    notices.push({
      code: 'search.nothing_to_search',
      message: 'The query holds no words that can be searched, so every document is listed.',
    });
  }
  if (dates) {
    notices.push({
      code: 'search.date_in_query',
      message: `Only documents dated ${describeSpan(dates)} are shown. Put a number in quotes to search for it as text.`,
    });
  }
  return { groups, excluded, dates, notices };
}

/** A single unquoted word searched everywhere: the only kind of term relaxed matching may drop. */
export const isPlainWord = (group: QueryGroup) =>
  group.terms.length === 1 && group.terms[0]!.kind === 'word' && group.terms[0]!.field === 'any';

/** Every positive clause of the query, for ranking and snippets. */
export const positiveClauses = (query: ParsedQuery): QueryClause[] =>
  query.groups.flatMap((group) => group.terms.flatMap((term) => term.clauses));
