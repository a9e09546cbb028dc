import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../src/database/database.ts';
import { syncIdentity } from '../src/database/identity.ts';
import { migrateToLatest } from '../src/database/migrate.ts';
import type { Database } from '../src/database/tables.ts';
import { nameMatchKey } from '../src/modules/authorities/authorities.repository.ts';
import {
  type AuthorityPool,
  type DocumentSpec,
  GENERATOR_VERSION,
  generateAuthorities,
  generateDocument,
} from './search-corpus.ts';

/**
 * Fills an empty, migrated database with the synthetic archive: rows go straight into the real tables
 * through Kysely, many per statement and thousands per transaction (the import path saves one record
 * at a time and would take hours at a million). The search index is then built by the real code,
 * `reindexAll`, which is what `chancery reindex` runs; its rate is measured on its own.
 */

const STAMP = '2026-01-01T00:00:00.000Z';
/** Rows per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters at 16 columns. */
const ROWS_PER_INSERT = 500;

async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_INSERT) as never)
      .execute();
  }
}

async function insertAuthorities(db: Kysely<Database>, pool: AuthorityPool): Promise<void> {
  await insertRows(
    db,
    'authorities',
    pool.all.map((a) => ({
      id: a.id,
      kind: a.kind,
      name: a.name,
      slug: a.slug,
      parent_id: a.parentId,
      note: null,
      dates: null,
      created_at: STAMP,
      updated_at: STAMP,
    })),
  );
  await insertRows(
    db,
    'authority_names',
    pool.all.flatMap((a) =>
      [{ name: a.name, language: null as string | null }, ...a.variants].map((n, position) => ({
        authority_id: a.id,
        name: n.name,
        match_key: nameMatchKey(n.name),
        language: n.language,
        position,
      })),
    ),
  );
}

async function insertDocuments(db: Kysely<Database>, documents: readonly DocumentSpec[]): Promise<void> {
  await insertRows(
    db,
    'documents',
    documents.map((d) => ({
      id: d.number,
      external_id: `bench/${d.number}`,
      status: 'published',
      title: d.title,
      subtitle: d.subtitle,
      summary: d.summary,
      date_start: d.dateStart,
      date_end: d.dateEnd,
      date_precision: d.datePrecision,
      date_circa: 0,
      date_time: null,
      place_of_origin: null,
      document_type: d.type,
      repository_id: d.repositoryId,
      archival_reference: d.archivalReference,
      program: null,
      rights: null,
      withdrawal_reason: null,
      created_at: STAMP,
      updated_at: STAMP,
      // Publication times spread over a year, so "recently added" has an order to follow.
      published_at: new Date(Date.parse(STAMP) + d.number * 30_000).toISOString(),
      scheduled_for: null,
    })),
  );
  await insertRows(
    db,
    'document_languages',
    documents.map((d) => ({ document_id: d.number, language: d.language, position: 0 })),
  );
  await insertRows(
    db,
    'document_classifications',
    documents.flatMap((d) =>
      d.classifications.map((marking, position) => ({ document_id: d.number, marking, position })),
    ),
  );
  await insertRows(
    db,
    'document_authorities',
    documents.flatMap((d) =>
      d.links.map((l, position) => ({
        document_id: d.number,
        authority_id: l.authorityId,
        role: l.role,
        position,
      })),
    ),
  );
  await insertRows(
    db,
    'assets',
    documents.flatMap((d) =>
      d.assets.map((a, position) => ({
        document_id: d.number,
        kind: a.kind,
        language: a.language,
        label: null,
        translator: null,
        html: a.html,
        blob_sha256: null,
        file_name: null,
        media_type: null,
        page_count: null,
        position,
        created_at: STAMP,
        updated_at: STAMP,
      })),
    ),
  );
}

export type LoadFigures = {
  documents: number;
  /** Seconds to generate and insert the records (no index). */
  insertSeconds: number;
  /** Seconds `reindexAll` took to index every document (and optimise the index). */
  indexSeconds: number;
  /** Characters of document text (titles, summaries, asset HTML) in the archive. */
  textCharacters: number;
};

/**
 * Generates and stores `count` documents, then builds the search index. `onProgress` hears a line
 * now and then (generation at a million documents takes a while).
 */
export async function loadArchive(
  database: DatabaseHandle,
  count: number,
  seed: number,
  onProgress: (line: string) => void,
): Promise<LoadFigures> {
  const { db, dialect } = database;
  const started = performance.now();
  const pool = generateAuthorities(count, seed);
  await db.transaction().execute((trx) => insertAuthorities(trx, pool));
  let textCharacters = 0;
  const batch = 2000;
  let lastReport = performance.now();
  for (let first = 1; first <= count; first += batch) {
    const documents: DocumentSpec[] = [];
    for (let n = first; n < Math.min(first + batch, count + 1); n++) {
      const d = generateDocument(n, pool, seed);
      textCharacters +=
        d.title.length + (d.summary?.length ?? 0) + d.assets.reduce((sum, a) => sum + a.html.length, 0);
      documents.push(d);
    }
    await db.transaction().execute((trx) => insertDocuments(trx, documents));
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      const done = Math.min(first + batch - 1, count);
      const rate = done / ((performance.now() - started) / 1000);
      onProgress(
        `  inserted ${done.toLocaleString('en')} of ${count.toLocaleString('en')} records (${rate.toFixed(0)}/s)`,
      );
    }
  }
  await syncIdentity(db, dialect, 'documents');
  await syncIdentity(db, dialect, 'authorities');
  const insertSeconds = (performance.now() - started) / 1000;
  onProgress(`  records stored in ${insertSeconds.toFixed(0)} s; building the search index (reindexAll)`);

  // Imported when needed: storing a million records takes the better part of an hour, and the index
  // is then built by the indexing code present at that moment (it can be improved meanwhile).
  const { reindexAll } = await import('../src/modules/search/search.indexer.ts');
  const indexStarted = performance.now();
  let lastIndexReport = performance.now();
  await reindexAll(
    { db, dialect },
    {
      batchSize: 500,
      onProgress: ({ done, total }) => {
        if (performance.now() - lastIndexReport < 10_000 && done < total) return;
        lastIndexReport = performance.now();
        const rate = done / ((performance.now() - indexStarted) / 1000);
        onProgress(
          `  indexed ${done.toLocaleString('en')} of ${total.toLocaleString('en')} (${rate.toFixed(0)} docs/s)`,
        );
      },
    },
  );
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  return { documents: count, insertSeconds, indexSeconds, textCharacters };
}

export type BenchProvider = 'sqlite' | 'postgres';

export type CachedArchive = {
  provider: BenchProvider;
  /** DATABASE_URL of the built archive. */
  databaseUrl: string;
  figures: LoadFigures;
  /** Whether this run built it (false: reused from an earlier run). */
  built: boolean;
};

const cacheName = (count: number, seed: number) => `search-v${GENERATOR_VERSION}-s${seed}-n${count}`;

/**
 * The archive of `count` documents on `provider`, built once and reused: SQLite files under
 * `cacheDir`, PostgreSQL databases on the server of `postgresUrl`, named by the document count, the
 * seed and the generator version. A build goes to a temporary name and is renamed when complete, and
 * its figures are kept in a JSON file beside, so an interrupted build is never taken for a finished one.
 */
export async function cachedArchive(options: {
  provider: BenchProvider;
  count: number;
  seed: number;
  cacheDir: string;
  postgresUrl: string;
  rebuild: boolean;
  onProgress: (line: string) => void;
}): Promise<CachedArchive> {
  const { provider, count, seed, cacheDir, onProgress } = options;
  const name = cacheName(count, seed);
  const manifestFile = path.join(cacheDir, `${name}-${provider}.json`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const target =
    provider === 'sqlite' ? sqliteTarget(cacheDir, name) : postgresTarget(options.postgresUrl, name);
  if (!options.rebuild && fs.existsSync(manifestFile) && (await target.exists())) {
    const figures = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as LoadFigures;
    return { provider, databaseUrl: target.url, figures, built: false };
  }
  fs.rmSync(manifestFile, { force: true });
  await target.prepareBuild();
  const database = openDatabase(target.buildUrl);
  let figures: LoadFigures;
  try {
    await migrateToLatest(database.db, database.dialect);
    figures = await loadArchive(database, count, seed, onProgress);
  } finally {
    await database.destroy();
  }
  await target.finishBuild();
  fs.writeFileSync(manifestFile, `${JSON.stringify(figures, null, 2)}\n`);
  return { provider, databaseUrl: target.url, figures, built: true };
}

type BuildTarget = {
  url: string;
  buildUrl: string;
  exists: () => Promise<boolean>;
  prepareBuild: () => Promise<void>;
  finishBuild: () => Promise<void>;
};

function sqliteTarget(cacheDir: string, name: string): BuildTarget {
  const file = path.resolve(cacheDir, `${name}.db`);
  const building = `${file}.building`;
  const removeWithJournal = (f: string) => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${f}${suffix}`, { force: true });
  };
  return {
    url: `sqlite:${file}`,
    buildUrl: `sqlite:${building}`,
    exists: async () => fs.existsSync(file),
    prepareBuild: async () => removeWithJournal(building),
    finishBuild: async () => {
      // Closing the last connection checkpointed the WAL into the file, so the file alone is the archive.
      removeWithJournal(file);
      fs.renameSync(building, file);
    },
  };
}

/** The server's URL with another database name. */
const withDatabase = (serverUrl: string, database: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

function postgresTarget(serverUrl: string, name: string): BuildTarget {
  const database = name.replaceAll('-', '_');
  const building = `${database}_building`;
  const admin = async (run: (client: pg.Client) => Promise<unknown>) => {
    const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  };
  return {
    url: withDatabase(serverUrl, database),
    buildUrl: withDatabase(serverUrl, building),
    exists: async () => {
      const result = (await admin((c) =>
        c.query('select 1 from pg_database where datname = $1', [database]),
      )) as pg.QueryResult;
      return result.rowCount === 1;
    },
    prepareBuild: async () => {
      await admin(async (c) => {
        await c.query(`drop database if exists ${building} with (force)`);
        await c.query(`create database ${building}`);
      });
    },
    finishBuild: async () => {
      await admin(async (c) => {
        await c.query(`drop database if exists ${database} with (force)`);
        await c.query(`alter database ${building} rename to ${database}`);
      });
    },
  };
}
