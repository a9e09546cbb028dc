import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Container, createContainer } from '../../../app/container.ts';
import { createLogger } from '../../../app/logger.ts';
import { loadConfig } from '../../../config/config.ts';
import { importExportDeps, importRecords } from '../../import-export/import-export.usecases.ts';

/**
 * The real documents the relevance evaluation searches: the development corpus beside the
 * repository (`../shared/corpus`), imported through the same path as `chancery import`, into a
 * fresh database per provider that is thrown away afterwards.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const corpusRoot = path.resolve(repoRoot, '../shared/corpus');

/**
 * The subsets imported, each in its own format: FRUS TEI volumes, single-document TEI, DFAT
 * Markdown, JFK OCR text with NARA metadata, Chinese laws with their English translations. The
 * `pdf/` scans are left out: their text only arrives through OCR jobs, and the JFK subset already
 * carries the OCR text of the same records.
 */
export const evalSubsets = ['frus', 'frus-history-documents', 'dfat', 'jfk', 'bilingual-zh-en'] as const;

export type ProviderKind = 'sqlite' | 'postgres';

export type EvalDatabase = { kind: ProviderKind; container: Container; dispose: () => Promise<void> };

/** A new, empty archive on SQLite (a temporary file) or on PostgreSQL (a database created for the run). */
export async function openEvalDatabase(kind: ProviderKind, postgresUrl: string): Promise<EvalDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `chancery-eval-${kind}-`));
  let databaseUrl = `sqlite:${path.join(dataDir, 'archive.db')}`;
  let dropDatabase = async () => {};
  if (kind === 'postgres') {
    const name = `chancery_eval_${randomBytes(6).toString('hex')}`;
    await onServer(postgresUrl, `create database ${name}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = () => onServer(postgresUrl, `drop database if exists ${name} with (force)`);
  }
  const removeAll = async () => {
    await dropDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const container = await createContainer(
      loadConfig({ CHANCERY_DATA_DIR: dataDir, DATABASE_URL: databaseUrl }),
      { logger: createLogger({ silent: true }) },
    );
    return {
      kind,
      container,
      dispose: async () => {
        await container.close();
        await removeAll();
      },
    };
  } catch (error) {
    await removeAll();
    throw error;
  }
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Whether a PostgreSQL server answers at `url`; the reason when it does not. */
export async function postgresReachable(url: string): Promise<true | string> {
  try {
    await onServer(url, 'select 1');
    return true;
  } catch (error) {
    return (error as Error).message || String(error);
  }
}

export type CorpusImport = { documents: number; failed: number; seconds: number };

/** Imports every subset; a record that fails is counted, as `chancery import` would report it. */
export async function importCorpus(container: Container, root = corpusRoot): Promise<CorpusImport> {
  const started = performance.now();
  let documents = 0;
  let failed = 0;
  for (const subset of evalSubsets) {
    const summary = await importRecords(importExportDeps(container), { file: path.join(root, subset) });
    documents += summary.documents.created + summary.documents.updated;
    failed += summary.failed;
  }
  return { documents, failed, seconds: (performance.now() - started) / 1000 };
}

export const hasCorpus = () => evalSubsets.every((subset) => fs.existsSync(path.join(corpusRoot, subset)));
