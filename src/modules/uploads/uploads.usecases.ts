import type { Kysely } from 'kysely';
import { AppError } from '../../app/errors.ts';
import type { DialectName } from '../../database/database.ts';
import type { AssetKind, Database } from '../../database/tables.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import type { ActionContext } from '../accounts/accounts.context.ts';
import { countPdfPages, safeFileName } from '../assets/asset-files.ts';
import { sniffMediaType } from '../assets/media-type.ts';
import { createAuditLog } from '../audit/audit.usecases.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import { languageSchema } from '../documents/documents.schemas.ts';
import { type PreparedAsset, saveDocument } from '../documents/documents.usecases.ts';
import { assetsFromSnapshot, recordFromSnapshot, snapshotOf } from '../revisions/revisions.snapshot.ts';
import { DocxProblem, docxToHtml } from './docx.ts';
import { collect, type IncomingFile, openWithHead, readMultipart, UploadProblem } from './multipart.ts';
import { decodeText, formatOfFileName, maxTextBytes, TextSourceProblem, textToHtml } from './text-sources.ts';

/** Scans staff may upload: what the ingest pipeline reads (pages, text layer, OCR). */
export const uploadScanTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff'];

/** A Word file is read whole to convert it; larger ones are almost always full of images. */
const maxDocxBytes = 50 * 1024 * 1024;
/** PDFs up to this size are opened to count their pages now; the pipeline counts the rest. */
const maxPdfBytesToCount = 64 * 1024 * 1024;

export type UploadDeps = {
  db: Kysely<Database>;
  dialect: DialectName;
  storage: BlobStore;
  /** Largest scan, in bytes. */
  maxFileBytes: number;
};

export type ReceivedAsset = { asset: PreparedAsset; warnings: string[] };

const describeMb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

const text = (value: string | undefined, max: number): string | null => {
  const trimmed = value?.trim().slice(0, max);
  return trimmed ? trimmed : null;
};

/** The asset fields of the upload form, checked before the file is read. */
function assetFields(fields: Record<string, string>) {
  const kind = fields.kind as AssetKind | undefined;
  if (kind !== 'scan' && kind !== 'transcript' && kind !== 'translation') {
    throw new UploadProblem(422, 'Choose whether the file is a scan, a transcript or a translation.', 'kind');
  }
  let language: string | null = null;
  if (fields.language?.trim()) {
    const parsed = languageSchema.safeParse(fields.language.trim());
    if (!parsed.success) {
      throw new UploadProblem(
        422,
        `“${fields.language.slice(0, 40)}” is not a language code (en, zh, ru).`,
        'language',
      );
    }
    language = parsed.data;
  }
  return {
    kind,
    language,
    label: text(fields.label, 200),
    translator: kind === 'scan' ? null : text(fields.translator, 500),
  };
}

/**
 * Receives the upload form of a document's page: a scan is streamed into the blob store (its type
 * read from its first bytes, its size capped as it arrives); a transcript or translation is read
 * (bounded) and converted to sanitised HTML. Nothing is stored for a refused file.
 */
export async function receiveAssetUpload(deps: UploadDeps, request: Request): Promise<ReceivedAsset> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  // A generous allowance for the form's other fields and boundaries.
  if (Number.isFinite(declared) && declared > deps.maxFileBytes + 1024 * 1024) {
    throw new UploadProblem(413, `This file is larger than the limit of ${describeMb(deps.maxFileBytes)}.`);
  }
  const { file } = await readMultipart(request, (fields, incoming) => receiveFile(deps, fields, incoming));
  if (!file) throw new UploadProblem(422, 'Choose a file to upload.');
  return file;
}

async function receiveFile(
  deps: UploadDeps,
  fields: Record<string, string>,
  incoming: IncomingFile,
): Promise<ReceivedAsset> {
  const fieldsOf = assetFields(fields);
  // Browsers send a bare name; folders or control characters in it mean a crafted request.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\\/\u0000-\u001f\u007f]/.test(incoming.fileName) || /^\.+$/.test(incoming.fileName.trim())) {
    incoming.stream.resume();
    throw new UploadProblem(
      400,
      'The file name must be a plain name, without folders or control characters.',
    );
  }
  const fileName = safeFileName(incoming.fileName || 'file');
  if (fieldsOf.kind === 'scan') {
    const { head, whole } = await openWithHead(
      incoming.stream,
      16,
      deps.maxFileBytes,
      `This file is larger than the limit of ${describeMb(deps.maxFileBytes)}.`,
    );
    if (head.length === 0) throw new UploadProblem(422, 'The file is empty.');
    const mediaType = sniffMediaType(head);
    if (!mediaType || !uploadScanTypes.includes(mediaType)) {
      whole.destroy();
      throw new UploadProblem(
        415,
        `${fileName} is not a PDF, JPEG, PNG or TIFF file. The type is read from the file itself, not its name.`,
      );
    }
    const { sha256, byteSize } = await deps.storage.put(whole);
    return {
      asset: {
        ...fieldsOf,
        html: null,
        blobSha256: sha256,
        fileName,
        mediaType,
        pageCount: await pageCountOf(deps.storage, sha256, mediaType, byteSize),
        blob: { sha256, byteSize, mediaType },
      },
      warnings: [],
    };
  }

  const format = formatOfFileName(fileName);
  if (!format) {
    incoming.stream.resume();
    throw new UploadProblem(
      415,
      'A transcript or translation must be a Word (.docx), HTML (.html), Markdown (.md) or plain text (.txt) file.',
    );
  }
  const limit = format === 'docx' ? maxDocxBytes : maxTextBytes;
  const { head, whole } = await openWithHead(
    incoming.stream,
    16,
    Math.min(limit, deps.maxFileBytes),
    `This ${format === 'docx' ? 'Word' : 'text'} file is larger than the limit of ${describeMb(Math.min(limit, deps.maxFileBytes))}.`,
  );
  if (head.length === 0) throw new UploadProblem(422, 'The file is empty.');
  const sniffed = sniffMediaType(head);
  const bytes = await collect(whole);
  let html: string;
  let warnings: string[] = [];
  try {
    if (format === 'docx') {
      if (sniffed !== 'application/zip') throw new DocxProblem('This file is not a Word document (.docx).');
      ({ html, warnings } = await docxToHtml(bytes));
    } else {
      if (sniffed) {
        throw new TextSourceProblem(`${fileName} is not a text file (its content is ${sniffed}).`);
      }
      html = textToHtml(decodeText(bytes), format);
    }
  } catch (error) {
    if (error instanceof DocxProblem || error instanceof TextSourceProblem) {
      throw new UploadProblem(422, error.message);
    }
    throw error;
  }
  if (html.trim() === '') throw new UploadProblem(422, 'The file holds no text.');
  return {
    asset: {
      ...fieldsOf,
      html,
      blobSha256: null,
      fileName: null,
      mediaType: null,
      pageCount: null,
      blob: null,
    },
    warnings,
  };
}

async function pageCountOf(
  storage: BlobStore,
  sha256: string,
  mediaType: string,
  byteSize: number,
): Promise<number | null> {
  if (mediaType !== 'application/pdf') return 1;
  if (byteSize > maxPdfBytesToCount) return null;
  const stream = await storage.open(sha256);
  if (!stream) return null;
  return countPdfPages(await collect(stream));
}

/**
 * Adds a received file to a document as its last asset, through saveDocument (so the search index,
 * the content version, the revision and the scan job follow), with the audit entry in the same
 * transaction.
 */
export async function addAssetToDocument(
  deps: Pick<UploadDeps, 'db' | 'dialect' | 'storage'>,
  input: { documentId: number; received: ReceivedAsset; context: ActionContext },
): Promise<void> {
  const document = await createDocumentsRepository({ db: deps.db }).findById(input.documentId);
  if (!document) throw new AppError('documents.not_found', 404, `There is no document ${input.documentId}.`);
  const snapshot = snapshotOf(document);
  const { assets } = await assetsFromSnapshot(deps.storage, snapshot);
  const { asset } = input.received;
  await saveDocument(deps, recordFromSnapshot(snapshot), [...assets, asset], {
    missingLinks: 'defer',
    target: document.id,
    revision: { author: input.context.actor, action: 'file added', note: asset.fileName ?? asset.kind },
    onSaved: async (trx) => {
      await createAuditLog({ db: trx }).record({
        ...input.context,
        action: 'document.file_added',
        target: { type: 'document', id: document.id, label: document.title },
        details: {
          kind: asset.kind,
          fileName: asset.fileName,
          mediaType: asset.mediaType,
          sha256: asset.blobSha256,
        },
      });
    },
  });
}
