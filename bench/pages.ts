/**
 * `npm run bench:pages`: throughput and tail latency of the document page against a trivial route of
 * the same server, measured in one run with the same load (autocannon, 50 connections). Figures depend
 * on the machine; the ratio is what to compare across runs.
 */
import autocannon from 'autocannon';
import { startServer } from './support.ts';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = 50;

async function measure(url: string) {
  const result = await autocannon({ url, connections, duration });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99 };
}

// Scan processing (OCR) would compete with the load for the two cores; this measures page serving only.
const server = await startServer(['--demo'], { CHANCERY_WORKER: 'off' });
try {
  const list = (await (await fetch(`${server.baseUrl}/api/v1/documents?per_page=100`)).json()) as {
    documents: { id: number; externalId: string | null }[];
  };
  const record =
    list.documents.find((d) => d.externalId === 'demo/1962-08-09-huang-mesyatsev') ?? list.documents[0];
  if (!record) throw new Error('the demo archive has no documents');
  const pageUrl = `${server.baseUrl}/documents/${record.id}`;
  // One warm-up pass so both routes are measured in steady state.
  await autocannon({ url: pageUrl, connections: 10, duration: 2 });

  const trivial = await measure(`${server.baseUrl}/healthz`);
  const page = await measure(pageUrl);
  const ratio = page.requestsPerSecond / trivial.requestsPerSecond;
  const row = (name: string, m: { requestsPerSecond: number; p99: number }) =>
    `${name.padEnd(28)} ${m.requestsPerSecond.toFixed(0).padStart(8)} req/s   p99 ${String(m.p99).padStart(4)} ms`;
  console.log(`autocannon: ${connections} connections, ${duration} s per route`);
  console.log(row('GET /healthz (trivial)', trivial));
  console.log(row(`GET /documents/${record.id}`, page));
  console.log(`document page / trivial route throughput: ${ratio.toFixed(2)} (goal: at least 0.50)`);
} finally {
  await server.stop();
}
