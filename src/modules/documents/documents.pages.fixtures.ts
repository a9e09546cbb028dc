import type { TestContext } from '../../../test/support/databases.ts';
import { sanitizeDocumentHtml } from '../shared/sanitize-html.ts';
import { type DocumentRecordInput, documentRecordSchema } from './documents.schemas.ts';
import { type PreparedAsset, saveDocument } from './documents.usecases.ts';

/** A file given to a test record: its bytes go into the real blob store of the test context. */
export type FixtureFile = {
  kind: 'scan';
  bytes: Uint8Array;
  fileName: string;
  mediaType: string;
  pageCount?: number;
};

/** A minimal but real PDF header is all the pages need; nothing here parses the file. */
export const tinyPdf = () =>
  new TextEncoder().encode('%PDF-1.4\n%fixture\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The bytes of a 1×1 PNG. */
export const tinyPng = () =>
  Uint8Array.from(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=',
      'base64',
    ),
  );

/**
 * Saves a record the way an import does (validated by the record schema, texts sanitised, files in the
 * blob store, one transaction), so page tests run against exactly what production stores.
 */
export async function saveFixture(
  context: TestContext,
  input: DocumentRecordInput,
  files: FixtureFile[] = [],
): Promise<number> {
  const record = documentRecordSchema.parse(input);
  const texts: PreparedAsset[] = record.assets
    .filter((a) => a.kind !== 'scan')
    .map((a) => ({
      kind: a.kind,
      language: a.language,
      label: a.label,
      translator: a.translator,
      html: sanitizeDocumentHtml(a.html ?? ''),
      blobSha256: null,
      fileName: null,
      mediaType: null,
      pageCount: null,
      blob: null,
      alignment: a.alignment,
    }));
  const scans: PreparedAsset[] = [];
  for (const file of files) {
    const { sha256, byteSize } = await context.container.storage.put(file.bytes);
    scans.push({
      kind: file.kind,
      language: null,
      label: null,
      translator: null,
      html: null,
      blobSha256: sha256,
      fileName: file.fileName,
      mediaType: file.mediaType,
      pageCount: file.pageCount ?? null,
      blob: { sha256, byteSize, mediaType: file.mediaType },
    });
  }
  const { db, dialect } = context.container.database;
  const { id } = await saveDocument({ db, dialect }, { ...record, assets: [] }, [...texts, ...scans]);
  return id;
}

/** The Huang Zhen–Mesyatsev record of 9 August 1962, in the shape of the reference page (own wording). */
export const huangZhenRecord = (overrides: Partial<DocumentRecordInput> = {}): DocumentRecordInput => ({
  externalId: 'fixture/huang-zhen-1962-08-09',
  title:
    "Minutes of Vice Minister Huang Zhen's Talk with [Nikolai] Mesyatsev, Chargé d'affaires Ad Interim of the Soviet Embassy in Beijing",
  subtitle: 'Statement of the Soviet Government on Xinjiang residents who crossed into the Soviet Union',
  summary:
    'A vice foreign minister receives the acting Soviet chargé, who hands over a statement on border crossings.',
  date: { start: '1962-08-09', time: '18:00' },
  placeOfOrigin: 'Beijing',
  type: 'meeting minutes',
  classifications: ['Secret'],
  languages: ['zh'],
  repository: 'PRC Foreign Ministry Archive',
  archivalReference: 'PRC FMA 118-01767-01, 1-6',
  program: 'History and Public Policy Program',
  credits: [{ role: 'translator', name: 'Example Translation Agency' }],
  funders: ['MacArthur Foundation', 'Henry Luce Foundation'],
  rights: 'Reusable for research with attribution.',
  subjects: ['Illegal border crossings'],
  places: [{ name: 'Xinjiang', parent: 'China', variants: [{ name: '新疆', language: 'zh' }] }],
  agents: [
    { name: 'Huang Zhen', role: 'participant', variants: [{ name: '黄镇', language: 'zh' }] },
    {
      name: 'Nikolai Mesyatsev',
      role: 'participant',
      variants: [{ name: 'Николай Месяцев', language: 'ru' }],
    },
    { name: 'Ji Pengfei', role: 'mentioned' },
  ],
  collections: [{ name: 'Xinjiang Border Crossings', parent: 'Sino-Soviet Relations' }],
  assets: [
    {
      kind: 'translation',
      language: 'en',
      translator: 'Example Translation Agency',
      html: '<h1>Minutes</h1><p class="header-line">Time: 9 August 1962, 6:00 p.m.</p><p><span class="speaker">Huang:</span> We have received the statement.</p>',
    },
    { kind: 'transcript', language: 'zh', html: '<h1>谈话记录</h1><p>黄：我们收到了这个声明。</p>' },
  ],
  ...overrides,
});
