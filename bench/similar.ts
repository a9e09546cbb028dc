/**
 * `npm run bench:similar`: how long "similar documents" takes on the real development corpus
 * (`../shared/corpus`, imported as `chancery import` would), computed afresh and then from the cache,
 * on SQLite and, when CHANCERY_TEST_DATABASE_URL names a server, on PostgreSQL. Prints a few
 * documents with their three nearest, to judge the answers by eye.
 */
import { computeSimilar, findSimilarDocuments } from '../src/modules/documents/similar/similar-documents.ts';
import {
  hasCorpus,
  importCorpus,
  openEvalDatabase,
  type ProviderKind,
} from '../src/modules/search/eval/search-eval.corpus.ts';

const SAMPLE = Number(process.env.SAMPLE ?? 100);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function run(kind: ProviderKind, postgresUrl: string): Promise<void> {
  const database = await openEvalDatabase(kind, postgresUrl);
  try {
    process.stdout.write(`\n${kind}: importing the corpus ... `);
    const imported = await importCorpus(database.container);
    console.log(`${imported.documents} documents in ${imported.seconds.toFixed(0)} s`);
    const deps = database.container.database;
    const ids = (
      await deps.db.selectFrom('search_documents').select('document_id').orderBy('document_id').execute()
    ).map((r) => r.document_id);
    // An even spread over the archive, so every subset is sampled.
    const sample = Array.from(
      { length: Math.min(SAMPLE, ids.length) },
      (_, i) => ids[Math.floor((i * ids.length) / Math.min(SAMPLE, ids.length))]!,
    );
    const fresh: number[] = [];
    for (const id of sample) {
      const started = performance.now();
      await computeSimilar(deps, id);
      fresh.push(performance.now() - started);
    }
    // Word frequencies do not depend on the document: within one content version they are looked up once.
    const memo = new Map<string, number>();
    const warm: number[] = [];
    for (const id of sample) {
      const started = performance.now();
      await computeSimilar(deps, id, memo);
      warm.push(performance.now() - started);
    }
    for (const id of sample) await findSimilarDocuments(deps, id);
    const cached: number[] = [];
    for (const id of sample) {
      const started = performance.now();
      await findSimilarDocuments(deps, id);
      cached.push(performance.now() - started);
    }
    const ms = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`;
    };
    console.log(`${kind}: ${sample.length} documents, computed: ${ms(fresh)}`);
    console.log(`${kind}: ${sample.length} documents, computed, word frequencies shared: ${ms(warm)}`);
    console.log(`${kind}: ${sample.length} documents, from the cache: ${ms(cached)}`);

    const titles = new Map(
      (await deps.db.selectFrom('documents').select(['id', 'title']).execute()).map((r) => [r.id, r.title]),
    );
    const short = (id: number) => (titles.get(id) ?? '').replace(/\s+/g, ' ').slice(0, 90);
    for (const id of sample
      .filter((_, i) => i % Math.max(1, Math.floor(sample.length / 6)) === 0)
      .slice(0, 6)) {
      console.log(`\n  ${id} ${short(id)}`);
      for (const similar of await findSimilarDocuments(deps, id, { limit: 3 })) {
        console.log(`    ${similar.score.toFixed(2)}  ${similar.id} ${short(similar.id)}`);
      }
    }
  } finally {
    await database.dispose();
  }
}

if (!hasCorpus()) {
  console.error(
    'The development corpus is not beside the repository (../shared/corpus); nothing to measure.',
  );
  process.exit(1);
}
const postgresUrl = process.env.CHANCERY_TEST_DATABASE_URL ?? '';
await run('sqlite', postgresUrl);
if (postgresUrl) await run('postgres', postgresUrl);
