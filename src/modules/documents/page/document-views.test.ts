import { describe, expect, it } from 'vitest';
import type { StoredAsset } from '../documents.repository.ts';
import { defaultView, documentViews, selectView } from './document-views.ts';

let nextId = 1;
const asset = (fields: Partial<StoredAsset>): StoredAsset => ({
  id: nextId++,
  kind: 'translation',
  language: null,
  label: null,
  translator: null,
  html: '<p>x</p>',
  blobSha256: null,
  fileName: null,
  mediaType: null,
  byteSize: null,
  pageCount: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

describe('document versions', () => {
  it('names each version and gives it a stable key', () => {
    const views = documentViews([
      asset({ kind: 'transcript', language: 'zh' }),
      asset({ kind: 'translation', language: 'en' }),
      asset({ kind: 'scan', html: null, blobSha256: 'a'.repeat(64), mediaType: 'application/pdf' }),
    ]);
    expect(views.map((v) => [v.key, v.label])).toEqual([
      ['original-zh', 'Chinese original'],
      ['translation-en', 'English translation'],
      ['scan', 'Original scan'],
    ]);
  });

  it('tells apart two versions that would share a key and a label', () => {
    const views = documentViews([
      asset({ language: 'en', translator: 'Agency A' }),
      asset({ language: 'en', translator: 'Agency B' }),
      asset({ kind: 'scan', html: null, blobSha256: 'b'.repeat(64) }),
      asset({ kind: 'scan', html: null, blobSha256: 'c'.repeat(64) }),
    ]);
    expect(views.map((v) => v.key)).toEqual(['translation-en', 'translation-en-2', 'scan', 'scan-2']);
    expect(views.map((v) => v.label)).toEqual([
      'English translation (Agency A)',
      'English translation (Agency B)',
      'Original scan (1)',
      'Original scan (2)',
    ]);
  });

  it('shows the English translation first, else the transcript, else the scan', () => {
    const zh = asset({ kind: 'transcript', language: 'zh' });
    const ru = asset({ kind: 'translation', language: 'ru' });
    const en = asset({ kind: 'translation', language: 'en' });
    const scan = asset({ kind: 'scan', html: null, blobSha256: 'd'.repeat(64) });
    expect(defaultView(documentViews([zh, ru, en, scan]))?.asset).toBe(en);
    expect(defaultView(documentViews([scan, ru, zh]))?.asset).toBe(zh);
    expect(defaultView(documentViews([scan, ru]))?.asset).toBe(ru);
    expect(defaultView(documentViews([scan]))?.asset).toBe(scan);
    expect(defaultView(documentViews([]))).toBeUndefined();
  });

  it('leaves out versions with nothing to show, and falls back for unknown keys', () => {
    const views = documentViews([asset({ html: null }), asset({ kind: 'transcript', language: 'ru' })]);
    expect(views).toHaveLength(1);
    expect(selectView(views, 'no-such-view')?.key).toBe('original-ru');
    expect(selectView(views, 'ORIGINAL-RU')?.key).toBe('original-ru');
  });
});
