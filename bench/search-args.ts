import type { BenchProvider } from './search-load.ts';

/** What `npm run bench:search -- …` was asked to do. */
export type SearchBenchOptions = {
  documents: number;
  providers: BenchProvider[];
  /** Timed requests per query class and provider. */
  iterations: number;
  seed: number;
  /** Where SQLite archives and build figures are cached. */
  cacheDir: string;
  /** A PostgreSQL server (any database on it); archives get databases of their own there. */
  postgresUrl: string;
  /** Build the archives again even when cached ones exist. */
  rebuild: boolean;
};

export const MIN_DOCUMENTS = 1_000;
export const MAX_DOCUMENTS = 1_000_000;
const PROVIDERS: readonly BenchProvider[] = ['sqlite', 'postgres'];

export const USAGE = `Usage: npm run bench:search -- --docs N [options]

  --docs N            documents in the synthetic archive, ${MIN_DOCUMENTS.toLocaleString('en')} to ${MAX_DOCUMENTS.toLocaleString('en')} (also 10k, 1m)
  --providers LIST    sqlite,postgres (default: both)
  --iterations N      timed requests per query class and provider (default 60)
  --seed N            generator seed (default 1)
  --cache-dir DIR     where built archives are kept (default ./data/bench)
  --postgres-url URL  PostgreSQL server to build on (default: CHANCERY_BENCH_POSTGRES_URL,
                      CHANCERY_TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --rebuild           build the archives again even if cached`;

export class UsageError extends Error {}

/** `10000`, `10,000`, `10_000`, `10k` or `1m` as a whole number, or NaN. */
function parseCount(text: string): number {
  const match = /^(\d[\d,_]*)([km]?)$/i.exec(text.trim());
  if (!match) return Number.NaN;
  const base = Number(match[1]!.replaceAll(/[,_]/g, ''));
  const unit = match[2]!.toLowerCase();
  return base * (unit === 'k' ? 1_000 : unit === 'm' ? 1_000_000 : 1);
}

/**
 * Reads the command line (`--docs N` or `--docs=N`); a mistake is a UsageError whose message says
 * what was wrong, never a silently different benchmark.
 */
export function parseSearchBenchArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): SearchBenchOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (name === 'rebuild' || name === 'help') {
      flags.add(name);
      continue;
    }
    if (!['docs', 'providers', 'iterations', 'seed', 'cache-dir', 'postgres-url'].includes(name)) {
      throw new UsageError(`unknown option --${name}`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value`);
    }
    values.set(name, value);
  }
  if (flags.has('help')) throw new UsageError('');

  const docsText = values.get('docs');
  if (docsText === undefined) throw new UsageError('--docs N is required');
  const documents = parseCount(docsText);
  if (!Number.isSafeInteger(documents) || documents < MIN_DOCUMENTS || documents > MAX_DOCUMENTS) {
    throw new UsageError(
      `--docs must be a whole number from ${MIN_DOCUMENTS.toLocaleString('en')} to ${MAX_DOCUMENTS.toLocaleString('en')}, not "${docsText}"`,
    );
  }

  const providers = (values.get('providers') ?? PROVIDERS.join(','))
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  const unknown = providers.filter((p) => !(PROVIDERS as readonly string[]).includes(p));
  if (providers.length === 0 || unknown.length > 0) {
    throw new UsageError(`--providers takes sqlite, postgres or both, not "${values.get('providers')}"`);
  }

  const wholeNumber = (name: string, fallback: number, min: number, max: number) => {
    const text = values.get(name);
    if (text === undefined) return fallback;
    const value = parseCount(text);
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
    }
    return value;
  };

  return {
    documents,
    providers: [...new Set(providers)] as BenchProvider[],
    iterations: wholeNumber('iterations', 60, 5, 100_000),
    seed: wholeNumber('seed', 1, 0, 2 ** 31),
    cacheDir: values.get('cache-dir') ?? 'data/bench',
    postgresUrl:
      values.get('postgres-url') ??
      env.CHANCERY_BENCH_POSTGRES_URL ??
      env.CHANCERY_TEST_DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
    rebuild: flags.has('rebuild'),
  };
}
