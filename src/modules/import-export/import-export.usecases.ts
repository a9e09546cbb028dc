import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Container } from '../../app/container.ts';
import { AppError } from '../../app/errors.ts';
import type { Logger } from '../../app/logger.ts';
import type { DialectName } from '../../database/database.ts';
import type { Database } from '../../database/tables.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import { type BatchEntry, type BatchOutcome, saveDocumentBatch } from '../documents/documents.batch-save.ts';
import {
  type AuthorityRef,
  authorityRecordSchema,
  type DocumentRecord,
  type DocumentRef,
  documentRecordSchema,
} from '../documents/documents.schemas.ts';
import { linkDocuments, RecordFieldError, type SaveDocumentResult } from '../documents/documents.usecases.ts';
import { createCuratedImport, isCuratedLine } from '../themes/curated.records.ts';
import { prepareAssets } from './import-export.assets.ts';
import {
  type AuthorityLedger,
  importAuthority,
  kindsWithParents,
  linkPendingParents,
  newAuthorityLedger,
} from './import-export.authorities.ts';
import {
  describeIssues,
  ImportFileError,
  RecordFieldProblem,
  type RecordProblem,
  recordLabel,
} from './import-export.errors.ts';
import { openImportSource, type ReaderLimits } from './import-export.readers.ts';
import { unknownFields } from './import-export.unknown-fields.ts';

export type ImportExportDeps = {
  db: Kysely<Database>;
  dialect: DialectName;
  storage: BlobStore;
  logger?: Logger | undefined;
};

export const importExportDeps = (container: Container): ImportExportDeps => ({
  db: container.database.db,
  dialect: container.database.dialect,
  storage: container.storage,
  logger: container.logger,
});

export type ImportCounts = { created: number; updated: number };

export type ImportSummary = {
  file: string;
  dryRun: boolean;
  /** Records read, valid or not (blank lines are not records). */
  processed: number;
  documents: ImportCounts;
  authorities: ImportCounts;
  /** Themes and readers (saved at the end of the run). */
  curated: ImportCounts;
  /** Records of which nothing was written. */
  failed: number;
  /** In a dry run: records that would be imported. */
  valid: number;
  /** Related/attachment links that named no document; their records were saved without them. */
  unresolvedLinks: number;
  warnings: number;
  /** The first problems, for callers that show them at the end; every one also goes to onProblem. */
  problems: RecordProblem[];
};

export type ImportProgress = Pick<ImportSummary, 'processed' | 'failed' | 'documents' | 'authorities'> & {
  bytesRead: number;
  totalBytes: number;
};

export type ImportOptions = {
  file: string;
  /** `json` or `jsonl`; by default taken from the file's extension. */
  format?: string | undefined;
  /** Validate every record and check every file, writing nothing. */
  dryRun?: boolean | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  onProblem?: ((problem: RecordProblem) => void) | undefined;
  limits?: Partial<ReaderLimits> | undefined;
  /** Documents per transaction; by default what suits the database (tests set small ones). */
  batchSize?: number | undefined;
};

const keptProblems = 1000;
/** Records failing in a row for reasons that are not theirs (the database is gone) end the run. */
const maxUnexpectedInARow = 10;
/**
 * Documents saved per transaction (see saveDocumentBatch). PostgreSQL keeps it under 64: each record
 * is a savepoint, and past 64 of them in one transaction every other session's snapshot checks get
 * slower until it ends.
 */
const batchSizes = { sqlite: 500, postgres: 60 } as const;
/** Text held in memory for one batch, at most (a few long transcripts end a batch early). */
const maxBatchTextLength = 32_000_000;

export const importHasErrors = (summary: ImportSummary) => summary.failed > 0 || summary.unresolvedLinks > 0;

/**
 * Imports a JSON or JSONL file of records. Each record is validated and its files checked and stored
 * before it is written; a bad record is reported (line, record, field) and skipped, and the run goes
 * on. Documents are written in batches (saveDocumentBatch), each record all or nothing. Links to
 * documents further down the file are made once the whole file is in.
 * Throws ImportFileError only when the file as a whole cannot be read.
 */
export async function importRecords(deps: ImportExportDeps, options: ImportOptions): Promise<ImportSummary> {
  const source = await openImportSource(options.file, { format: options.format, limits: options.limits });
  const baseDir = await fsp.realpath(path.dirname(source.file));
  const dryRun = options.dryRun === true;
  const summary: ImportSummary = {
    file: source.file,
    dryRun,
    processed: 0,
    documents: { created: 0, updated: 0 },
    authorities: { created: 0, updated: 0 },
    curated: { created: 0, updated: 0 },
    failed: 0,
    valid: 0,
    unresolvedLinks: 0,
    warnings: 0,
    problems: [],
  };
  const ledger = newAuthorityLedger();
  const documentIds = new Map<number, number>();
  const failedAuthorityIds = new Set<number>();
  // By document: when a file holds one record twice, only the links of its last version are made.
  const deferred = new Map<
    number,
    {
      id: number;
      links: SaveDocumentResult['deferredLinks'];
      location: string;
      record?: string;
    }
  >();
  let unexpectedInARow = 0;
  const curated = createCuratedImport();
  const batch: PendingDocument[] = [];
  let batchTextLength = 0;

  const report = (problem: RecordProblem) => {
    if (problem.severity === 'warning') summary.warnings++;
    if (summary.problems.length < keptProblems) summary.problems.push(problem);
    options.onProblem?.(problem);
  };

  /** Counts a record that failed for reasons outside it, ending the run after too many in a row. */
  const unexpected = (error: unknown, location: string) => {
    unexpectedInARow++;
    deps.logger?.error('import: a record could not be saved', { location, error: String(error) });
    if (unexpectedInARow >= maxUnexpectedInARow) {
      throw new ImportFileError(
        `Stopped after ${maxUnexpectedInARow} records in a row failed for reasons outside them ` +
          `(last: ${error instanceof Error ? error.message : String(error)}). Records before ${location} were imported.`,
      );
    }
  };

  const progress = () =>
    options.onProgress?.({
      processed: summary.processed,
      failed: summary.failed,
      documents: summary.documents,
      authorities: summary.authorities,
      bytesRead: source.bytesRead(),
      totalBytes: source.byteSize,
    });

  /** Writes the documents waiting in the batch and reports each one's outcome. */
  const flush = async () => {
    if (batch.length === 0) return;
    const pending = batch.splice(0);
    batchTextLength = 0;
    const outcomes = await saveDocumentBatch(
      deps,
      pending.map((p) => p.entry),
    );
    for (const [index, outcome] of outcomes.entries()) {
      const item = pending[index]!;
      const saved = savedOrReported(outcome, item);
      if (!saved) {
        summary.failed++;
        continue;
      }
      unexpectedInARow = 0;
      if (item.fileId !== undefined) documentIds.set(item.fileId, saved.id);
      if (saved.deferredLinks.length > 0) {
        deferred.set(saved.id, {
          id: saved.id,
          links: saved.deferredLinks,
          location: item.location,
          record: item.record,
        });
      } else deferred.delete(saved.id);
      if (saved.created) summary.documents.created++;
      else summary.documents.updated++;
    }
    progress();
  };

  const savedOrReported = (outcome: BatchOutcome, item: PendingDocument): SaveDocumentResult | undefined => {
    if (outcome.ok) return outcome.result;
    const { error } = outcome;
    const fail = (field: string | undefined, message: string) =>
      report({ severity: 'error', location: item.location, record: item.record, field, message });
    if (error instanceof RecordFieldError) fail(error.field, error.message.slice(error.field.length + 2));
    else if (error instanceof AppError) fail(undefined, error.message);
    else {
      fail(undefined, `could not be saved: ${error instanceof Error ? error.message : String(error)}`);
      unexpected(error, item.location);
    }
    return undefined;
  };

  for await (const item of source.items()) {
    const { location } = item;
    if ('warning' in item) {
      report({
        severity: 'warning',
        location,
        record: item.record,
        field: item.field,
        message: item.warning,
      });
      continue;
    }
    summary.processed++;
    if ('error' in item) {
      summary.failed++;
      report({ severity: 'error', location, record: item.record, field: item.field, message: item.error });
      continue;
    }
    const value = item.value;
    // Archive formats say which folder their records' file paths are relative to (a JFK record's
    // scans sit beside the release folder, not in it).
    const itemBaseDir = item.baseDir ? await fsp.realpath(item.baseDir) : baseDir;
    const record = recordLabel(value);
    const fail = (field: string | undefined, message: string) => {
      report({ severity: 'error', location, record, field, message });
    };
    try {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail(undefined, 'expected a JSON object (one record)');
        summary.failed++;
        continue;
      }
      const ok =
        (value as { type?: unknown }).type === 'authority'
          ? await importAuthorityItem(value)
          : isCuratedLine(value)
            ? importCuratedItem(value)
            : await importDocumentItem(value);
      if (!ok) summary.failed++;
      unexpectedInARow = 0;
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      summary.failed++;
      fail(undefined, `could not be saved: ${error instanceof Error ? error.message : String(error)}`);
      unexpected(error, location);
    }
    progress();

    async function importAuthorityItem(input: object): Promise<boolean> {
      const parsed = authorityRecordSchema.safeParse(input);
      const fileId = (input as { id?: unknown }).id;
      if (!parsed.success) {
        for (const issue of describeIssues(parsed.error.issues))
          fail(issue.field || undefined, issue.message);
        if (typeof fileId === 'number') failedAuthorityIds.add(fileId);
        return false;
      }
      warnUnknown(authorityRecordSchema, input);
      if (parsed.data.parent && !kindsWithParents.includes(parsed.data.kind)) {
        fail('parent', `only places and collections have a parent, not a ${parsed.data.kind}`);
        if (parsed.data.id !== undefined) failedAuthorityIds.add(parsed.data.id);
        return false;
      }
      if (dryRun) {
        summary.valid++;
        return true;
      }
      // Documents read before this line are written first: they were read with the authorities as
      // they were, and later documents may refer to this line's ID.
      await flush();
      let created: boolean;
      try {
        ({ created } = await importAuthority(deps, parsed.data, ledger, { baseDir: itemBaseDir }));
      } catch (error) {
        if (!(error instanceof RecordFieldProblem)) throw error;
        fail(error.field, error.message);
        return false;
      }
      if (created) summary.authorities.created++;
      else summary.authorities.updated++;
      return true;
    }

    async function importDocumentItem(input: object): Promise<boolean> {
      const parsed = documentRecordSchema.safeParse(input);
      if (!parsed.success) {
        for (const issue of describeIssues(parsed.error.issues))
          fail(issue.field || undefined, issue.message);
        return false;
      }
      warnUnknown(documentRecordSchema, input);
      // A link by record ID to a document still waiting in the batch needs that document's ID here.
      const refersToBatch = [...parsed.data.related, ...parsed.data.attachments].some(
        (ref) => ref.id !== undefined && batch.some((pending) => pending.fileId === ref.id),
      );
      if (refersToBatch) await flush();
      const document = withIdsOfThisDatabase(parsed.data, ledger, failedAuthorityIds, documentIds);
      let assets: Awaited<ReturnType<typeof prepareAssets>>;
      try {
        assets = await prepareAssets(deps, { baseDir: itemBaseDir, assets: document.assets, dryRun });
      } catch (error) {
        if (!(error instanceof RecordFieldProblem)) throw error;
        fail(error.field, error.message);
        return false;
      }
      if (dryRun) {
        summary.valid++;
        return true;
      }
      batch.push({ entry: { record: document, assets }, location, record, fileId: parsed.data.id });
      batchTextLength += assets.reduce((sum, asset) => sum + (asset.html?.length ?? 0), 0);
      const batchSize = options.batchSize ?? batchSizes[deps.dialect];
      if (batch.length >= batchSize || batchTextLength >= maxBatchTextLength) await flush();
      return true;
    }

    /** Themes and readers are checked now and saved once the whole file is in. */
    function importCuratedItem(input: object): boolean {
      const valid = curated.read(input, { location, record }, fail);
      if (valid && dryRun) summary.valid++;
      return valid;
    }

    function warnUnknown(schema: Parameters<typeof unknownFields>[0], input: object) {
      for (const field of unknownFields(schema, input)) {
        if (field === 'type' && schema === authorityRecordSchema) continue;
        report({ severity: 'warning', location, record, field, message: 'unknown field, ignored' });
      }
    }
  }

  await flush();
  if (!dryRun) {
    await linkPendingParents(deps, ledger);
    for (const entry of deferred.values()) {
      const links = entry.links.map(({ ref, kind }) => ({ ref: mapDocumentRef(ref, documentIds), kind }));
      const { unresolved } = await linkDocuments(deps, entry.id, links);
      for (const ref of unresolved) {
        summary.unresolvedLinks++;
        const kind = links.find((l) => l.ref === ref)?.kind ?? 'related';
        report({
          severity: 'error',
          location: entry.location,
          record: entry.record,
          field: kind === 'related' ? 'related' : 'attachments',
          message: `no document ${describeDocumentRef(ref)} in the archive or the file; the record was saved without this link`,
        });
      }
    }
  }
  if (!dryRun) {
    await curated.save(deps.db, { authorities: ledger.idsFromFile, documents: documentIds }, report, summary);
  }
  return summary;
}

/** A document record read, checked and waiting in the batch to be written. */
type PendingDocument = {
  entry: BatchEntry;
  location: string;
  record: string | undefined;
  /** The record ID the file gave it, which later records' links may use. */
  fileId: number | undefined;
};

const describeDocumentRef = (ref: DocumentRef) =>
  'externalId' in ref && ref.externalId ? `with external ID "${ref.externalId}"` : `with record ID ${ref.id}`;

function mapDocumentRef(ref: DocumentRef, documentIds: Map<number, number>): DocumentRef {
  if (ref.id === undefined) return ref;
  const mapped = documentIds.get(ref.id);
  return mapped === undefined ? ref : { ...ref, id: mapped };
}

/**
 * IDs in a file are the IDs of the archive that wrote it. Authorities and documents that this file
 * defined may have other IDs here, so references to them are translated; a reference to an
 * authority whose line failed falls back to matching by name rather than trusting the number.
 */
function withIdsOfThisDatabase(
  record: DocumentRecord,
  ledger: AuthorityLedger,
  failedAuthorityIds: Set<number>,
  documentIds: Map<number, number>,
): DocumentRecord {
  const authority = <T extends AuthorityRef>(ref: T): T => {
    if (ref.id === undefined) return ref;
    const mapped = ledger.idsFromFile.get(ref.id);
    if (mapped !== undefined) return { ...ref, id: mapped };
    if (failedAuthorityIds.has(ref.id)) {
      const { id: _dropped, ...rest } = ref;
      return rest as T;
    }
    return ref;
  };
  return {
    ...record,
    repository: record.repository ? authority(record.repository) : null,
    funders: record.funders.map(authority),
    subjects: record.subjects.map(authority),
    places: record.places.map(authority),
    agents: record.agents.map(authority),
    collections: record.collections.map(authority),
    related: record.related.map((ref) => mapDocumentRef(ref, documentIds)),
    attachments: record.attachments.map((ref) => mapDocumentRef(ref, documentIds)),
  };
}
