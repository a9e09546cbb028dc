import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';
import { exportedAlignment } from '../alignment/alignment.export.ts';
import { createAlignmentRepository } from '../alignment/alignment.repository.ts';
import { extensionFor } from '../assets/media-type.ts';
import { type Authority, createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import {
  createDocumentsRepository,
  type StoredAsset,
  type StoredDocument,
} from '../documents/documents.repository.ts';
import { curatedLines } from '../themes/curated.records.ts';
import { ImportFileError } from './import-export.errors.ts';
import type { ImportExportDeps } from './import-export.usecases.ts';

export type ExportProgress = {
  documents: number;
  totalDocuments: number;
  authorities: number;
  files: number;
};

export type ExportSummary = {
  file: string;
  filesDir: string;
  authorities: number;
  documents: number;
  /** Files written in this run (unchanged files from an earlier export into the same place are kept). */
  filesWritten: number;
  filesKept: number;
  /** Things the backup lacks, e.g. a file missing from the blob store; the export says so and exits 1. */
  problems: string[];
};

export type ExportOptions = { file: string; onProgress?: ((progress: ExportProgress) => void) | undefined };

/** Files of an export are named by content, so a later export into the same place reuses them. */
const exportedFileName = /^[0-9a-f]{64}\.[a-z0-9]+$/;

/**
 * Writes every authority and every document (all statuses: this is a backup) in the import format,
 * with files copied beside it into `<file>.files/`. It reads one consistent snapshot of the database
 * and writes to a temporary name renamed at the end, so a failed export never leaves a file that
 * looks complete. `.json` gets one JSON object; anything else JSON Lines.
 */
export async function exportRecords(deps: ImportExportDeps, options: ExportOptions): Promise<ExportSummary> {
  const target = path.resolve(options.file);
  const stat = await fsp.stat(target).catch(() => undefined);
  if (stat?.isDirectory())
    throw new ImportFileError(`${options.file} is a folder; give the name of the file to write`);
  try {
    await fsp.mkdir(path.dirname(target), { recursive: true });
  } catch {
    throw new ImportFileError(`Cannot create the folder of ${options.file}`);
  }
  const asJson = path.extname(target).toLowerCase() === '.json';
  const filesDirName = `${path.basename(target)}.files`;
  const filesDir = path.join(path.dirname(target), filesDirName);
  // A backup holds drafts and withdrawn documents: readable by the operator alone, whatever the umask.
  await fsp.mkdir(filesDir, { recursive: true, mode: 0o700 });
  const partial = `${target}.partial-${process.pid}`;

  const summary: ExportSummary = {
    file: target,
    filesDir,
    authorities: 0,
    documents: 0,
    filesWritten: 0,
    filesKept: 0,
    problems: [],
  };
  const referenced = new Set<string>();
  const out = fs.createWriteStream(partial, { flags: 'w', mode: 0o600 });
  const outClosed = new Promise<void>((resolve, reject) => {
    out.once('close', resolve);
    out.once('error', reject);
  });
  const write = async (text: string) => {
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };

  try {
    // One transaction = one snapshot: records written while the export runs are in it entirely or not at all.
    let transaction = deps.db.transaction();
    if (deps.dialect === 'postgres')
      transaction = transaction.setIsolationLevel('repeatable read').setAccessMode('read only');
    await transaction.execute(async (trx) => {
      const authorities = await allAuthorities(trx);
      const nameOf = new Map(authorities.map((a) => [a.id, a.name]));
      const ids = await createDocumentsRepository({ db: trx }).allIds();
      const progress = () =>
        options.onProgress?.({
          documents: summary.documents,
          totalDocuments: ids.length,
          authorities: summary.authorities,
          files: summary.filesWritten + summary.filesKept,
        });

      if (asJson) await write('{"authorities": [\n');
      const details = await discoveryDetails(trx);
      for (const [index, authority] of authorities.entries()) {
        const extra = details.get(authority.id);
        const image =
          extra?.image_sha256 && extra.image_media_type
            ? await copyFile(
                { blobSha256: extra.image_sha256, mediaType: extra.image_media_type },
                `authority ${authority.id} (${authority.name}), picture`,
              )
            : undefined;
        const line = JSON.stringify({
          ...authorityLine(authority, nameOf),
          ...(extra?.latitude != null && extra.longitude != null
            ? { position: { latitude: extra.latitude, longitude: extra.longitude } }
            : {}),
          ...(image ? { image: { file: image, alt: extra?.image_alt ?? '' } } : {}),
        });
        await write(asJson ? `${index === 0 ? '' : ',\n'}${line}` : `${line}\n`);
        summary.authorities++;
      }
      if (asJson) await write('\n],\n"documents": [\n');
      progress();

      const documents = createDocumentsRepository({ db: trx });
      for (const [index, id] of ids.entries()) {
        const document = await documents.findById(id);
        if (!document) continue;
        const assets: Record<string, unknown>[] = [];
        const alignments = await createAlignmentRepository({ db: trx }).forDocument(id);
        for (const [position, asset] of document.assets.entries()) {
          const where = `document ${document.id} (${document.externalId ?? document.title}), asset ${position + 1}`;
          const file = asset.blobSha256 ? await copyFile(asset, where) : undefined;
          const exported = assetEntry(asset, file, exportedAlignment(asset, document.assets, alignments));
          if (exported) assets.push(exported);
          else summary.problems.push(`${where}: left out, as it is nothing without its file`);
        }
        const line = JSON.stringify(documentLine(document, assets));
        await write(asJson ? `${index === 0 ? '' : ',\n'}${line}` : `${line}\n`);
        summary.documents++;
        progress();
      }
      // Themes and readers name collections and documents, so they come after them.
      for (const [index, curated] of (await curatedLines(trx)).entries()) {
        const line = JSON.stringify(curated);
        await write(asJson ? `${index === 0 && summary.documents === 0 ? '' : ',\n'}${line}` : `${line}\n`);
      }
      if (asJson) await write('\n]}\n');
    });
    out.end();
    await outClosed;
    await fsp.rename(partial, target);
  } catch (error) {
    out.destroy();
    await fsp.rm(partial, { force: true });
    throw error;
  }
  await removeStaleFiles(filesDir, referenced);
  return summary;

  /** Copies one blob beside the export, checking its digest on the way. */
  async function copyFile(
    asset: Pick<StoredAsset, 'blobSha256' | 'mediaType'>,
    where: string,
  ): Promise<string | undefined> {
    const sha256 = asset.blobSha256!;
    const name = `${sha256}.${extensionFor(asset.mediaType ?? '')}`;
    const destination = path.join(filesDir, name);
    const relative = `${filesDirName}/${name}`;
    const size = await deps.storage.size(sha256);
    if (size === undefined) {
      summary.problems.push(`${where}: file ${sha256} is missing from the file store`);
      return undefined;
    }
    referenced.add(name);
    const existing = await fsp.stat(destination).catch(() => undefined);
    if (existing?.isFile() && existing.size === size) {
      summary.filesKept++;
      return relative;
    }
    const input = await deps.storage.open(sha256);
    if (!input) {
      summary.problems.push(`${where}: file ${sha256} is missing from the file store`);
      return undefined;
    }
    const hash = createHash('sha256');
    const digest = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    const temporary = `${destination}.partial-${process.pid}`;
    await pipeline(input, digest, fs.createWriteStream(temporary, { mode: 0o600 }));
    if (hash.digest('hex') !== sha256) {
      await fsp.rm(temporary, { force: true });
      referenced.delete(name);
      summary.problems.push(`${where}: file ${sha256} in the file store does not match its digest (damaged)`);
      return undefined;
    }
    await fsp.rename(temporary, destination);
    summary.filesWritten++;
    return relative;
  }
}

/** Coordinates of places and pictures of collections (migration 0006), by authority ID. */
async function discoveryDetails(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('authorities')
    .select(['id', 'latitude', 'longitude', 'image_sha256', 'image_media_type', 'image_alt'])
    .where((eb) => eb.or([eb('latitude', 'is not', null), eb('image_sha256', 'is not', null)]))
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

async function allAuthorities(db: Kysely<Database>): Promise<Authority[]> {
  const list = await createAuthoritiesRepository({ db }).list();
  return list.sort((a, b) => a.id - b.id);
}

/** An authority line: everything the authority holds, its parent by name. */
function authorityLine(authority: Authority, nameOf: Map<number, string>) {
  return {
    type: 'authority',
    id: authority.id,
    kind: authority.kind,
    name: authority.name,
    slug: authority.slug,
    variants: authority.variants.map((v) => (v.language ? { name: v.name, language: v.language } : v.name)),
    parent: authority.parentId === null ? null : (nameOf.get(authority.parentId) ?? null),
    note: authority.note,
    dates: authority.dates,
  };
}

/** References carry the ID (exact on the way back) and the name (readable, and a fallback). */
const authorityRef = (authority: Authority) => ({ id: authority.id, name: authority.name });

const documentRef = (document: { id: number; externalId: string | null }) =>
  document.externalId ? { id: document.id, externalId: document.externalId } : { id: document.id };

/** A document in the record format (the export line); revisions keep the same shape as their snapshot. */
export function documentLine(document: StoredDocument, assets: Record<string, unknown>[]) {
  return {
    id: document.id,
    externalId: document.externalId,
    status: document.status,
    title: document.title,
    subtitle: document.subtitle,
    summary: document.summary,
    date: document.date,
    placeOfOrigin: document.placeOfOrigin,
    type: document.type,
    classifications: document.classifications,
    languages: document.languages,
    repository: document.repository ? authorityRef(document.repository) : null,
    archivalReference: document.archivalReference,
    program: document.program,
    credits: document.credits,
    funders: document.funders.map(authorityRef),
    rights: document.rights,
    subjects: document.subjects.map(authorityRef),
    places: document.places.map(authorityRef),
    agents: document.agents.map((agent) => ({ ...authorityRef(agent), kind: agent.kind, role: agent.role })),
    collections: document.collections.map(authorityRef),
    related: document.related.map(documentRef),
    attachments: document.attachments.map(documentRef),
    assets,
    withdrawalReason: document.withdrawalReason,
    scheduledFor: document.scheduledFor,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    publishedAt: document.publishedAt,
  };
}

/** An asset entry; undefined when its file could not be exported and nothing else is left of it. */
function assetEntry(
  asset: StoredAsset,
  file: string | undefined,
  alignment: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!file && (asset.kind === 'scan' || asset.html === null)) return undefined;
  return {
    kind: asset.kind,
    language: asset.language,
    label: asset.label,
    ...(asset.kind === 'scan' ? {} : { translator: asset.translator }),
    ...(asset.html === null ? {} : { html: asset.html }),
    ...(file
      ? {
          file,
          fileName: asset.fileName ?? undefined,
          mediaType: asset.mediaType ?? undefined,
          pageCount: asset.pageCount ?? undefined,
        }
      : {}),
    ...(alignment ? { alignment } : {}),
  };
}

/** Files an earlier export into the same place wrote and no record uses any more. */
async function removeStaleFiles(filesDir: string, referenced: Set<string>): Promise<void> {
  const names = await fsp.readdir(filesDir);
  for (const name of names) {
    if (exportedFileName.test(name) && !referenced.has(name))
      await fsp.rm(path.join(filesDir, name), { force: true });
  }
  // An archive without files gets no empty folder beside its export.
  if ((await fsp.readdir(filesDir)).length === 0) await fsp.rmdir(filesDir);
}
