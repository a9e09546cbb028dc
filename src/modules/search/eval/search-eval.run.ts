/**
 * `npm run eval:search [-- --verbose] [-- --provider sqlite|postgres]`: how well search ranks real
 * documents. Imports the development corpus into a fresh database per provider, runs the judged
 * query set (judgements.json) through the same search the API and the page use, and prints MRR@10,
 * nDCG@10 and recall@10 per provider, a breakdown by kind of query, and the time taken.
 *
 * PostgreSQL is reached at CHANCERY_TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test;
 * a database is created for the run and dropped after it. When no server answers, the PostgreSQL
 * provider is skipped with a note.
 */

import { parseSearchParameters } from '../search.schemas.ts';
import { searchDocuments } from '../search.usecases.ts';
import {
  corpusRoot,
  hasCorpus,
  importCorpus,
  openEvalDatabase,
  type ProviderKind,
  postgresReachable,
} from './search-eval.corpus.ts';
import { type JudgedQuery, loadJudgements } from './search-eval.judgements.ts';
import { meanScores, type QueryScores, scoreRanking } from './search-eval.metrics.ts';

const cutOff = 10;
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const providerArg = args[args.indexOf('--provider') + 1];
const providers: ProviderKind[] =
  args.includes('--provider') && (providerArg === 'sqlite' || providerArg === 'postgres')
    ? [providerArg]
    : ['sqlite', 'postgres'];
const postgresUrl = process.env.CHANCERY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type QueryRun = { query: JudgedQuery; ranked: string[]; scores: QueryScores; ms: number; note: string };
type ProviderRun = {
  kind: ProviderKind;
  documents: number;
  importSeconds: number;
  runs: QueryRun[];
};

const fixed = (n: number) => n.toFixed(3);

async function evaluateProvider(kind: ProviderKind, queries: JudgedQuery[]): Promise<ProviderRun> {
  const database = await openEvalDatabase(kind, postgresUrl);
  try {
    process.stdout.write(`\n${kind}: importing ${corpusRoot} ... `);
    const imported = await importCorpus(database.container);
    console.log(
      `${imported.documents} documents in ${imported.seconds.toFixed(1)} s` +
        (imported.failed > 0 ? ` (${imported.failed} records failed)` : ''),
    );
    const { db, dialect } = database.container.database;
    const known = new Set(
      (await db.selectFrom('documents').select('external_id').execute()).map((row) => row.external_id),
    );
    const unknown = queries.flatMap((q) => Object.keys(q.relevant).filter((key) => !known.has(key)));
    if (unknown.length > 0) {
      throw new Error(`judged documents that the import did not produce: ${unknown.join(', ')}`);
    }

    const runs: QueryRun[] = [];
    for (const query of queries) {
      const { request } = parseSearchParameters({ q: [query.query], facets: ['0'] });
      const started = performance.now();
      const result = await searchDocuments({ db, dialect }, request);
      const ms = performance.now() - started;
      const ranked = result.hits.map((hit) => hit.externalId ?? `#${hit.id}`).slice(0, cutOff);
      const notes = [
        result.correctedFrom ? `corrected to "${result.query}"` : '',
        result.didYouMean ? `did you mean "${result.didYouMean}"` : '',
        result.relaxed ? `relaxed (${result.exactTotal} with every word)` : '',
        `${result.total} found`,
      ].filter(Boolean);
      runs.push({
        query,
        ranked,
        scores: scoreRanking(ranked, query.relevant, cutOff),
        ms,
        note: notes.join('; '),
      });
    }
    return { kind, documents: imported.documents, importSeconds: imported.seconds, runs };
  } finally {
    await database.dispose();
  }
}

function printQueries(run: ProviderRun) {
  console.log(`\nPer query (${run.kind}): RR, nDCG@10, recall@10; the first hits marked with their grade`);
  for (const { query, ranked, scores, note } of run.runs) {
    const shown = ranked
      .slice(0, 5)
      .map((key) => `${key}${query.relevant[key] ? `[${query.relevant[key]}]` : ''}`)
      .join(' ');
    const missed = Object.entries(query.relevant)
      .filter(([key, grade]) => grade === 2 && !ranked.includes(key))
      .map(([key]) => key);
    console.log(
      `${query.id} ${fixed(scores.reciprocalRank)} ${fixed(scores.ndcg)} ${fixed(scores.recall)}  ${JSON.stringify(query.query)}  (${note})`,
    );
    console.log(`      top: ${shown || '(nothing)'}`);
    if (missed.length > 0)
      console.log(`      highly relevant, not in the first ${cutOff}: ${missed.join(' ')}`);
  }
}

function printSummary(results: ProviderRun[], queries: JudgedQuery[]) {
  const rows = results.map((run) => {
    const mean = meanScores(run.runs.map((r) => r.scores));
    const searchMs = run.runs.reduce((sum, r) => sum + r.ms, 0);
    return [
      run.kind,
      String(run.runs.length),
      fixed(mean.reciprocalRank),
      fixed(mean.ndcg),
      fixed(mean.recall),
      `${run.documents} docs, ${run.importSeconds.toFixed(1)} s`,
      `${(searchMs / run.runs.length).toFixed(0)} ms/query`,
    ];
  });
  printTable(['provider', 'queries', 'MRR@10', 'nDCG@10', 'recall@10', 'import', 'search'], rows);

  const kinds = [...new Set(queries.flatMap((q) => q.kinds))].sort();
  console.log('\nnDCG@10 by kind of query (a query can be of several kinds)');
  printTable(
    ['kind', 'queries', ...results.map((r) => r.kind)],
    kinds.map((kind) => {
      const ids = new Set(queries.filter((q) => q.kinds.includes(kind)).map((q) => q.id));
      return [
        kind,
        String(ids.size),
        ...results.map((run) =>
          fixed(meanScores(run.runs.filter((r) => ids.has(r.query.id)).map((r) => r.scores)).ndcg),
        ),
      ];
    }),
  );
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<number> {
  if (!hasCorpus()) {
    console.error(`The development corpus is not at ${corpusRoot}; nothing to evaluate.`);
    return 1;
  }
  const queries = loadJudgements();
  const started = performance.now();
  console.log(`Judged query set: ${queries.length} queries`);
  const results: ProviderRun[] = [];
  for (const kind of providers) {
    if (kind === 'postgres') {
      const reachable = await postgresReachable(postgresUrl);
      if (reachable !== true) {
        console.log(`\npostgres: skipped, no server at ${postgresUrl} (${reachable})`);
        continue;
      }
    }
    const run = await evaluateProvider(kind, queries);
    if (verbose) printQueries(run);
    results.push(run);
  }
  console.log(`\nRelevance at ${cutOff} (${queries.length} judged queries, grades 2 and 1)`);
  printSummary(results, queries);
  console.log(`\nTotal time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

process.exitCode = await main();
