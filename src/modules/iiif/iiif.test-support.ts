import type { Container } from '../../app/container.ts';
import { sniffMediaType } from '../assets/media-type.ts';
import { createDocumentsRepository } from '../documents/documents.repository.ts';
import { type DocumentRecordInput, documentRecordSchema } from '../documents/documents.schemas.ts';
import { type PreparedAsset, saveDocument } from '../documents/documents.usecases.ts';
import { changeStatus } from '../editor/editor.workflow.ts';
import { makeScanImage, makeTextPdf } from '../ingest/pipeline/pipeline.test-support.ts';
import { createArchiveWorker } from '../jobs/jobs.runtime.ts';

/** Documents with real scans, processed by the real pipeline, for the IIIF tests. */

export type IiifFixture = {
  /** Published: a two-page PDF scan and a one-page image scan, rich metadata. */
  publishedId: number;
  pdfAssetId: number;
  imageAssetId: number;
  draftId: number;
  draftAssetId: number;
  withdrawnId: number;
  withdrawnAssetId: number;
  /** A collection holding the published document and the draft. */
  collectionSlug: string;
};

async function scanAsset(
  container: Container,
  bytes: Uint8Array,
  fileName: string,
  label: string | null = null,
): Promise<PreparedAsset> {
  const mediaType = sniffMediaType(bytes.subarray(0, 16)) ?? 'application/octet-stream';
  const blob = await container.storage.put(bytes);
  return {
    kind: 'scan',
    language: null,
    label,
    translator: null,
    html: null,
    blobSha256: blob.sha256,
    fileName,
    mediaType,
    pageCount: null,
    blob: { ...blob, mediaType },
  };
}

export const publishedRecord: DocumentRecordInput = {
  externalId: 'iiif/published',
  title: 'Record of a conversation with Mao Zedong on the joint fleet',
  summary: 'Yudin reports Mao’s objections to a joint submarine fleet.',
  date: '1958-07-22',
  type: 'memorandum of conversation',
  languages: ['ru', 'zh'],
  classifications: ['Top secret'],
  archivalReference: 'Fond 0100, Opis 51, Papka 432, Delo 6',
  repository: {
    name: 'Archive of Foreign Policy',
    variants: [{ name: 'Архив внешней политики', language: 'ru' }],
  },
  rights: 'Invented text written for tests. Released under CC0 1.0.',
  agents: [
    { name: 'Pavel Yudin', variants: [{ name: 'Павел Юдин', language: 'ru' }], role: 'author' },
    { name: 'Mao Zedong', variants: [{ name: '毛泽东', language: 'zh' }], role: 'participant' },
  ],
  subjects: ['Naval cooperation'],
  places: ['Beijing'],
  credits: [{ role: 'translator', name: 'Test Translator' }],
  collections: ['Naval talks'],
};

/** Saves the documents and runs the worker until every scan has pages and tiles. */
export async function buildIiifFixture(container: Container): Promise<IiifFixture> {
  const deps = container.database;
  const documents = createDocumentsRepository({ db: deps.db });
  const pdf = await makeTextPdf(['Yudin telegram, first page', 'Second page on the joint fleet']);
  const image = makeScanImage(['Memorandum, image scan']);
  const { id: publishedId } = await saveDocument(deps, documentRecordSchema.parse(publishedRecord), [
    await scanAsset(container, pdf, 'yudin.pdf', 'Typescript'),
    await scanAsset(container, image, 'yudin.png', 'Photograph'),
  ]);
  const save = async (externalId: string, status: 'draft' | 'published', bytes: Uint8Array) => {
    const record = documentRecordSchema.parse({
      externalId,
      title: `Hidden ${externalId}`,
      status,
      collections: ['Naval talks'],
    });
    const { id } = await saveDocument(deps, record, [await scanAsset(container, bytes, 'hidden.pdf')]);
    return id;
  };
  const draftId = await save('iiif/draft', 'draft', await makeTextPdf(['Draft scan page of the record']));
  const withdrawnId = await save('iiif/withdrawn', 'published', await makeTextPdf(['Withdrawn scan page']));
  const worker = createArchiveWorker(container, { pollMs: 20 });
  await worker.runUntilIdle();
  await worker.close();
  await changeStatus(deps, {
    id: withdrawnId,
    action: 'withdraw',
    role: 'editor',
    context: { actor: { id: null, label: 'editor@example.org' }, ip: null, userAgent: null },
    reason: 'Returned for review.',
  });
  const assetsOf = async (id: number) => (await documents.findById(id))!.assets;
  const published = await assetsOf(publishedId);
  return {
    publishedId,
    pdfAssetId: published.find((a) => a.mediaType === 'application/pdf')!.id,
    imageAssetId: published.find((a) => a.mediaType === 'image/png')!.id,
    draftId,
    draftAssetId: (await assetsOf(draftId))[0]!.id,
    withdrawnId,
    withdrawnAssetId: (await assetsOf(withdrawnId))[0]!.id,
    collectionSlug: (await documents.findById(publishedId))!.collections[0]!.slug,
  };
}
