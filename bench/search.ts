/**
 * `npm run bench:search -- --docs N [--providers sqlite,postgres]`: search at scale.
 *
 * 1. Builds (or reuses) a synthetic multilingual archive of N documents per provider
 *    (bench/search-corpus.ts): records inserted in bulk, then the search index built by `reindexAll`,
 *    the code `chancery reindex` runs, whose rate is reported on its own.
 * 2. Starts `chancery serve` on that database in a child process and sends it the fixed query mix
 *    (bench/search-queries.ts) over HTTP to `/api/v1/search`, facets and snippets included, one request
 *    at a time after a warm-up; latency is measured by the client, from request to the end of the body.
 * 3. Prints p50/p95/p99 per query class and overall, side by side, the PostgreSQL/SQLite ratio, the
 *    database sizes and the server's peak resident memory (VmHWM), against the targets at a million
 *    documents: p95 ≤ 100 ms on SQLite, PostgreSQL ≤ 2 × SQLite, server ≤ 500 MB.
 *
 * Built archives are kept (SQLite under --cache-dir, PostgreSQL as databases on the server), keyed by
 * N, the seed and the generator version, so a second run goes straight to the measurements.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { parseSearchBenchArgs, type SearchBenchOptions, USAGE, UsageError } from './search-args.ts';
import { generateAuthorities } from './search-corpus.ts';
import { type BenchProvider, type CachedArchive, cachedArchive } from './search-load.ts';
import {
  type BenchQuery,
  buildQueryMix,
  percentile,
  QUERY_CLASS_NOTES,
  QUERY_CLASSES,
} from './search-queries.ts';
import { peakMemoryMb, startServer } from './support.ts';

type ProviderResult = {
  archive: CachedArchive;
  sizeMb: number;
  latencies: Map<string, number[]>;
  /** Result counts per class (median), so the reader sees how selective each class was. */
  totals: Map<string, number[]>;
  peakMb: number | undefined;
  startMb: number | undefined;
};

const log = (line: string) => console.log(line);
const format = (n: number, digits = 0) =>
  n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function databaseSizeMb(archive: CachedArchive): Promise<number> {
  if (archive.provider === 'sqlite') {
    const file = archive.databaseUrl.slice('sqlite:'.length);
    const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
    return (size(file) + size(`${file}-wal`)) / 2 ** 20;
  }
  const client = new pg.Client({ connectionString: archive.databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ size: string }>(
      'select pg_database_size(current_database()) as size',
    );
    return Number(result.rows[0]!.size) / 2 ** 20;
  } finally {
    await client.end();
  }
}

async function timeSearch(baseUrl: string, query: BenchQuery): Promise<{ ms: number; total: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/v1/search?${query.params}`);
  const body = (await response.json()) as { total?: number; hits?: unknown[]; facets?: unknown };
  const ms = performance.now() - started;
  if (!response.ok || body.hits === undefined || body.facets === undefined) {
    throw new Error(`${query.params}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
  return { ms, total: body.total ?? 0 };
}

async function measureProvider(
  options: SearchBenchOptions,
  provider: BenchProvider,
  mixes: { warmUp: BenchQuery[]; timed: BenchQuery[] },
): Promise<ProviderResult> {
  log(`\n[${provider}] archive of ${format(options.documents)} documents`);
  const archive = await cachedArchive({
    provider,
    count: options.documents,
    seed: options.seed,
    cacheDir: options.cacheDir,
    postgresUrl: options.postgresUrl,
    rebuild: options.rebuild,
    onProgress: (line) => log(`${new Date().toISOString().slice(11, 19)} ${line}`),
  });
  const { figures } = archive;
  log(
    `  ${archive.built ? 'built' : 'reused (built earlier)'}: records stored in ${format(figures.insertSeconds, 1)} s, ` +
      `index built in ${format(figures.indexSeconds, 1)} s = ${format(figures.documents / figures.indexSeconds)} docs/s`,
  );
  const sizeMb = await databaseSizeMb(archive);
  log(`  database size ${format(sizeMb)} MB`);

  // No background jobs: nothing but the searches should use the server's time.
  const server = await startServer(['--database-url', archive.databaseUrl], {
    CHANCERY_WORKER: 'off',
    CHANCERY_API_RATE_LIMIT: '1000000',
  });
  const pid = server.process.pid!;
  // An interrupted run (Ctrl-C, kill) takes its server down with it instead of leaving it running.
  const stopOnSignal = () => {
    server.process.kill('SIGTERM');
    process.exit(130);
  };
  process.once('SIGINT', stopOnSignal).once('SIGTERM', stopOnSignal);
  const latencies = new Map<string, number[]>(QUERY_CLASSES.map((c) => [c, []]));
  const totals = new Map<string, number[]>(QUERY_CLASSES.map((c) => [c, []]));
  let startMb: number | undefined;
  try {
    startMb = peakMemoryMb(pid);
    log(
      `  server started (pid ${pid}, ${format(startMb ?? 0)} MB); warm-up: ${mixes.warmUp.length} searches`,
    );
    for (const query of mixes.warmUp) await timeSearch(server.baseUrl, query);
    log(`  timing ${mixes.timed.length} searches, one at a time`);
    let done = 0;
    for (const query of mixes.timed) {
      const { ms, total } = await timeSearch(server.baseUrl, query);
      latencies.get(query.queryClass)!.push(ms);
      totals.get(query.queryClass)!.push(total);
      if (++done % 100 === 0) log(`    ${done} of ${mixes.timed.length}`);
    }
    const all = [...latencies.values()].flat().sort((a, b) => a - b);
    log(
      `  ${provider}: p50 ${format(percentile(all, 0.5))} ms, p95 ${format(percentile(all, 0.95))} ms, p99 ${format(percentile(all, 0.99))} ms over ${all.length} searches`,
    );
    return { archive, sizeMb, latencies, totals, peakMb: peakMemoryMb(pid), startMb };
  } finally {
    process.off('SIGINT', stopOnSignal).off('SIGTERM', stopOnSignal);
    await server.stop();
  }
}

function report(options: SearchBenchOptions, results: ProviderResult[]) {
  const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
  const stats = (values: readonly number[]) => {
    const s = sorted(values);
    return { p50: percentile(s, 0.5), p95: percentile(s, 0.95), p99: percentile(s, 0.99) };
  };
  const cell = (v: { p50: number; p95: number; p99: number }) =>
    `${format(v.p50)} / ${format(v.p95)} / ${format(v.p99)}`.padStart(22);
  const sqlite = results.find((r) => r.archive.provider === 'sqlite');
  const postgres = results.find((r) => r.archive.provider === 'postgres');

  log(`\nLatency over HTTP, ms (p50 / p95 / p99), ${options.iterations} searches per class and provider:`);
  log(
    `${'class'.padEnd(11)}${results.map((r) => r.archive.provider.padStart(22)).join('')}${sqlite && postgres ? '  PG/SQLite p95'.padStart(16) : ''}   median hits`,
  );
  const rows: [string, (r: ProviderResult) => number[]][] = [
    ...QUERY_CLASSES.map((c): [string, (r: ProviderResult) => number[]] => [c, (r) => r.latencies.get(c)!]),
    ['overall', (r) => [...r.latencies.values()].flat()],
  ];
  for (const [name, values] of rows) {
    const perProvider = results.map((r) => stats(values(r)));
    const ratio =
      sqlite && postgres
        ? `${format(stats(values(postgres)).p95 / stats(values(sqlite)).p95, 2)}`.padStart(16)
        : '';
    const hits =
      name === 'overall'
        ? ''
        : results.map((r) => format(percentile(sorted(r.totals.get(name)!), 0.5))).join(' / ');
    log(`${name.padEnd(11)}${perProvider.map(cell).join('')}${ratio}   ${hits}`);
  }

  log('\nIndex build and size:');
  for (const r of results) {
    const f = r.archive.figures;
    log(
      `  ${r.archive.provider.padEnd(9)} ${format(f.documents / f.indexSeconds)} docs/s (${format(f.indexSeconds)} s for ${format(f.documents)} documents, ` +
        `${format(f.textCharacters / 2 ** 20)} M characters of text); database ${format(r.sizeMb)} MB; ` +
        `server peak RSS ${format(r.peakMb ?? Number.NaN)} MB (${format(r.startMb ?? Number.NaN)} MB after start)`,
    );
  }

  const atScale = options.documents >= 1_000_000;
  log(
    `\nTargets (they apply at 1,000,000 documents${atScale ? '' : '; this run is smaller, so only indicative'}):`,
  );
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  if (sqlite) {
    const p95 = stats([...sqlite.latencies.values()].flat()).p95;
    log(`  SQLite p95 ≤ 100 ms with facets and snippets: ${format(p95)} ms, ${verdict(p95 <= 100)}`);
  }
  if (sqlite && postgres) {
    const ratio =
      stats([...postgres.latencies.values()].flat()).p95 / stats([...sqlite.latencies.values()].flat()).p95;
    log(`  PostgreSQL p95 ≤ 2 × SQLite: ${format(ratio, 2)} ×, ${verdict(ratio <= 2)}`);
  }
  for (const r of results) {
    log(
      `  server memory ≤ 500 MB (${r.archive.provider}): ${format(r.peakMb ?? Number.NaN)} MB, ${verdict((r.peakMb ?? Infinity) <= 500)}`,
    );
  }
}

/** The commit measured, and whether the search code differed from it (figures belong to a version). */
function codeVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const changed = git('status', '--porcelain', '--', 'src/modules/search', 'src/database') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${changed ? ' with uncommitted changes to the search code' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

async function main() {
  let options: SearchBenchOptions;
  try {
    options = parseSearchBenchArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(`bench:search: ${error.message}\n`);
    console.error(USAGE);
    return error.message ? 2 : 0;
  }
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  log(
    `Search benchmark: ${format(options.documents)} documents, ${options.providers.join(' and ')}; ` +
      `${os.cpus().length} cores, ${format(os.totalmem() / 2 ** 30, 1)} GB RAM, Node ${process.version}, load average ${load()}`,
  );
  log(`Code: ${codeVersion()}`);
  const pool = generateAuthorities(options.documents, options.seed);
  const mixOf = (stream: number, perClass: number, exclude: BenchQuery[] = []) =>
    buildQueryMix({ documents: options.documents, pool, seed: options.seed, perClass, stream, exclude });
  const warmUp = mixOf(1, Math.max(3, Math.ceil(options.iterations / 6)));
  const mixes = { warmUp, timed: mixOf(2, options.iterations, warmUp) };
  log('Query mix (each search drawn afresh, none repeated within a class):');
  for (const c of QUERY_CLASSES) log(`  ${c.padEnd(10)} ${QUERY_CLASS_NOTES[c]}`);

  const results: ProviderResult[] = [];
  for (const provider of options.providers) results.push(await measureProvider(options, provider, mixes));
  report(options, results);
  log(`\nLoad average at the end: ${load()}`);
  return 0;
}

process.exitCode = await main();
