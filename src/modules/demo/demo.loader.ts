import path from 'node:path';
import type { Container } from '../../app/container.ts';
import { safeFileName } from '../assets/asset-files.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { authorityRefSchema, documentRecordSchema } from '../documents/documents.schemas.ts';
import {
  linkDocuments,
  type PreparedAsset,
  resolveAuthority,
  type SaveDocumentDeps,
  type SaveDocumentResult,
  saveDocument,
} from '../documents/documents.usecases.ts';
import { demoAuthorities } from './content/authorities.ts';
import { demoDocuments } from './content/index.ts';
import { loadDemoDiscovery } from './demo.discovery.ts';
import { createDemoRepository, demoLoadStates } from './demo.repository.ts';
import { storeScan } from './demo.scans.ts';
import type { DemoDocument } from './demo.types.ts';
import { demoTextToHtml } from './demo-text.ts';

export type DemoLoadResult = { loaded: boolean; documents: number };

/**
 * Fills an empty archive with the demo documents (`chancery serve --demo`, `npm start`), so a new
 * installation has something real-looking to read, search and cite.
 *
 * A database that holds any document is never touched: the demo must not mix into a real archive.
 * The one exception is a demo load that was interrupted (the process stopped half-way): its
 * `site_state` mark says so, and when every document present is a demo record the load is finished,
 * which is safe because saving a record with a known external ID updates it instead of adding another.
 */
export async function loadDemoArchive(
  container: Container,
  documents: DemoDocument[] = demoDocuments,
): Promise<DemoLoadResult> {
  const { db, dialect } = container.database;
  const repository = createDemoRepository({ db });
  const present = await repository.countDocuments();
  if (present > 0) {
    const interrupted =
      (await repository.readState()) === demoLoadStates.loading &&
      (await repository.countOtherDocuments()) === 0;
    if (!interrupted) {
      container.logger.info('The archive already holds documents, so the demo archive was not loaded', {
        documents: present,
      });
      return { loaded: false, documents: 0 };
    }
    container.logger.info('Finishing an interrupted load of the demo archive', { documents: present });
  }

  const started = performance.now();
  await repository.writeState(demoLoadStates.loading);
  const deps = { db, dialect };
  await registerAuthorities(deps);
  const pending: { id: number; links: SaveDocumentResult['deferredLinks'] }[] = [];
  const cacheDir = path.join(container.config.dataDir, 'cache', 'demo-scans');
  for (const document of documents) {
    const assets = await prepareAssets(container, cacheDir, document);
    const record = documentRecordSchema.parse(document.record);
    // Related records may come later in the list: links to them are made once all are saved.
    const result = await saveDocument(deps, record, assets, { missingLinks: 'defer' });
    if (result.deferredLinks.length > 0) pending.push({ id: result.id, links: result.deferredLinks });
  }
  for (const { id, links } of pending) {
    const { unresolved } = await linkDocuments(deps, id, links);
    if (unresolved.length > 0) {
      throw new Error(
        `demo record ${id} links to records that are not in the demo: ${JSON.stringify(unresolved)}`,
      );
    }
  }
  // Themes and readers name the documents, so they come after them.
  await loadDemoDiscovery(container);
  await repository.writeState(demoLoadStates.loaded);
  container.logger.info('Loaded the demo archive', {
    documents: documents.length,
    milliseconds: Math.round(performance.now() - started),
  });
  return { loaded: true, documents: documents.length };
}

/** Creates (or completes) every demo authority in one transaction, before any document names it. */
async function registerAuthorities(deps: SaveDocumentDeps): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const resolver = {
      authorities: createAuthoritiesRepository({ db: trx }),
      db: trx,
      dialect: deps.dialect,
    };
    for (const { kind, authority } of demoAuthorities) {
      await resolveAuthority(resolver, kind, authorityRefSchema.parse(authority));
    }
  });
}

/** The texts of a demo document as sanitised HTML, and its generated scan stored in the blob store. */
async function prepareAssets(
  container: Container,
  cacheDir: string,
  document: DemoDocument,
): Promise<PreparedAsset[]> {
  const textAsset = (
    kind: 'transcript' | 'translation',
    text: DemoDocument['original'],
    translator: string | null,
  ) => ({
    kind,
    language: text.language,
    label: null,
    translator,
    html: demoTextToHtml(text),
    blobSha256: null,
    fileName: null,
    mediaType: null,
    pageCount: null,
    blob: null,
  });
  const assets: PreparedAsset[] = [
    ...(document.translations ?? []).map((text) => ({
      ...textAsset('translation', text, text.translator),
      alignment: text.alignment ? { pairs: text.alignment } : undefined,
    })),
    textAsset('transcript', document.original, null),
  ];
  const scan = await storeScan(container.storage, cacheDir, document);
  if (scan && document.scan) {
    assets.push({
      kind: 'scan',
      language: document.original.language,
      label: 'Original scan',
      translator: null,
      html: null,
      blobSha256: scan.sha256,
      fileName: safeFileName(document.scan.fileName),
      mediaType: scan.mediaType,
      pageCount: scan.pageCount,
      blob: { sha256: scan.sha256, byteSize: scan.byteSize, mediaType: scan.mediaType },
    });
  }
  return assets;
}
