import { z } from 'zod';

/**
 * The request side of OAI-PMH 2.0: which verbs take which arguments, how dates and resumption tokens
 * are read, and the protocol's error codes. Pure functions, so every error path is easy to test.
 */

export type OaiErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

export type OaiError = { code: OaiErrorCode; message: string };

export const verbs = [
  'Identify',
  'ListMetadataFormats',
  'ListSets',
  'ListIdentifiers',
  'ListRecords',
  'GetRecord',
] as const;
export type Verb = (typeof verbs)[number];

type ArgumentRules = { required: string[]; optional: string[]; exclusive?: string };

const argumentRules: Record<Verb, ArgumentRules> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  ListIdentifiers: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
  ListRecords: {
    required: ['metadataPrefix'],
    optional: ['from', 'until', 'set'],
    exclusive: 'resumptionToken',
  },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
};

export type ParsedRequest =
  | { ok: true; verb: Verb; args: Record<string, string> }
  /** `verb` is set when the verb was legal, so the response can still name it. */
  | { ok: false; errors: OaiError[] };

/** Checks the verb and its arguments exactly as the protocol requires (section 3.1.2). */
export function parseOaiRequest(pairs: [string, string][]): ParsedRequest {
  const counts = new Map<string, number>();
  const args: Record<string, string> = {};
  for (const [name, value] of pairs) {
    counts.set(name, (counts.get(name) ?? 0) + 1);
    args[name] = value;
  }
  const verbCount = counts.get('verb') ?? 0;
  if (verbCount === 0)
    return { ok: false, errors: [{ code: 'badVerb', message: 'The request has no verb.' }] };
  if (verbCount > 1)
    return { ok: false, errors: [{ code: 'badVerb', message: 'The verb argument is repeated.' }] };
  const verb = verbs.find((v) => v === args.verb);
  if (!verb) {
    return {
      ok: false,
      errors: [
        {
          code: 'badVerb',
          message: `"${args.verb}" is not an OAI-PMH verb; use one of ${verbs.join(', ')}.`,
        },
      ],
    };
  }
  delete args.verb;

  const errors: OaiError[] = [];
  for (const [name, count] of counts) {
    if (count > 1) errors.push({ code: 'badArgument', message: `The argument ${name} is repeated.` });
  }
  const rules = argumentRules[verb];
  const allowed = new Set([
    ...rules.required,
    ...rules.optional,
    ...(rules.exclusive ? [rules.exclusive] : []),
  ]);
  for (const name of Object.keys(args)) {
    if (!allowed.has(name))
      errors.push({ code: 'badArgument', message: `${verb} does not take the argument ${name}.` });
  }
  if (rules.exclusive && args[rules.exclusive] !== undefined) {
    const others = Object.keys(args).filter((name) => name !== rules.exclusive && allowed.has(name));
    if (others.length > 0) {
      errors.push({
        code: 'badArgument',
        message: `${rules.exclusive} is an exclusive argument; it cannot be combined with ${others.join(', ')}.`,
      });
    }
  } else {
    for (const name of rules.required) {
      if (args[name] === undefined)
        errors.push({ code: 'badArgument', message: `${verb} needs the argument ${name}.` });
    }
  }
  for (const [name, value] of Object.entries(args)) {
    if (allowed.has(name) && value.trim() === '')
      errors.push({ code: 'badArgument', message: `The argument ${name} is empty.` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, verb, args };
}

export type DateBound = { granularity: 'day' | 'second'; date: Date };

/** Reads a from/until value in either granularity the repository supports; undefined if malformed. */
export function parseDatestamp(value: string): DateBound | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z)?$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour, minute, second));
  // Reject dates that do not exist (2026-02-30, 25:00:00) instead of letting Date roll them over.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month! - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour ||
    date.getUTCMinutes() !== minute ||
    date.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  return { granularity: match[4] === undefined ? 'day' : 'second', date };
}

/** The prefix of a stored ISO timestamp that a bound corresponds to (`2026-01-01T00:00:00`). */
export const timestampPrefix = (date: Date): string => date.toISOString().slice(0, 19);

/** The first instant not covered by an inclusive `until` of this granularity. */
export const exclusiveEnd = (bound: DateBound): Date =>
  new Date(bound.date.getTime() + (bound.granularity === 'day' ? 86_400_000 : 1000));

/** A stored timestamp as an OAI datestamp (seconds granularity, UTC). */
export function toDatestamp(stored: string): string {
  const time = Date.parse(stored);
  return Number.isNaN(time)
    ? stored.slice(0, 19).concat('Z')
    : new Date(time).toISOString().slice(0, 19).concat('Z');
}

/**
 * Resumption tokens carry the whole harvest state (stateless server): the list's arguments, the last
 * record sent (datestamp order, then ID) and an expiry. Opaque to clients: base64url JSON.
 */
const tokenSchema = z.object({
  v: z.literal(1),
  verb: z.enum(['ListIdentifiers', 'ListRecords', 'ListSets']),
  prefix: z.string().max(100).optional(),
  set: z.string().max(2000).optional(),
  from: z.string().max(40).optional(),
  until: z.string().max(40).optional(),
  afterUpdatedAt: z.string().max(40).optional(),
  afterId: z.number().int().min(0).optional(),
  cursor: z.number().int().min(0).max(1e12),
  expires: z.number().int(),
});
export type ResumptionState = z.output<typeof tokenSchema>;

export const encodeToken = (state: ResumptionState): string =>
  Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');

export function decodeToken(token: string, now: Date): ResumptionState | OaiError {
  const bad = (message: string): OaiError => ({ code: 'badResumptionToken', message });
  if (token.length > 4000 || !/^[A-Za-z0-9_-]+$/.test(token))
    return bad('The resumption token is not one this repository issued.');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return bad('The resumption token is not one this repository issued.');
  }
  const parsed = tokenSchema.safeParse(json);
  if (!parsed.success) return bad('The resumption token is not one this repository issued.');
  if (parsed.data.expires < now.getTime())
    return bad('The resumption token has expired; start the list again.');
  return parsed.data;
}
