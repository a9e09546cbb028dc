import { languageName, primaryLanguage } from '../../shared/languages.ts';
import type { StoredAsset } from '../documents.repository.ts';

/**
 * The versions of a document a reader can switch between: one per translation, one per original-language
 * transcript, one per scan. Each has a stable key used in `?view=` (`translation-en`, `original-zh`,
 * `scan`); when two versions would share a key the later ones get `-2`, `-3`, in stored order.
 */
export type DocumentView = {
  key: string;
  kind: StoredAsset['kind'];
  label: string;
  asset: StoredAsset;
};

const baseKey = (asset: StoredAsset): string => {
  const lang = asset.language?.toLowerCase();
  if (asset.kind === 'scan') return 'scan';
  const prefix = asset.kind === 'translation' ? 'translation' : 'original';
  return lang ? `${prefix}-${lang}` : prefix;
};

const baseLabel = (asset: StoredAsset): string => {
  if (asset.label) return asset.label;
  const language = asset.language ? languageName(asset.language) : undefined;
  if (asset.kind === 'scan') return 'Original scan';
  if (asset.kind === 'translation') return language ? `${language} translation` : 'Translation';
  return language ? `${language} original` : 'Original text';
};

/** Whether a version has something to show: text, or a file. */
const isShowable = (asset: StoredAsset) => Boolean(asset.html) || Boolean(asset.blobSha256);

export function documentViews(assets: StoredAsset[]): DocumentView[] {
  const keyCounts = new Map<string, number>();
  const labelCounts = new Map<string, number>();
  const views = assets.filter(isShowable).map((asset) => {
    const base = baseKey(asset);
    const n = (keyCounts.get(base) ?? 0) + 1;
    keyCounts.set(base, n);
    return { key: n === 1 ? base : `${base}-${n}`, kind: asset.kind, label: baseLabel(asset), asset };
  });
  for (const view of views) labelCounts.set(view.label, (labelCounts.get(view.label) ?? 0) + 1);
  // Two versions with one label ("English translation" twice) are told apart by translator, else by number.
  const seen = new Map<string, number>();
  return views.map((view) => {
    if ((labelCounts.get(view.label) ?? 0) < 2) return view;
    const n = (seen.get(view.label) ?? 0) + 1;
    seen.set(view.label, n);
    const by = view.asset.translator ? ` (${view.asset.translator})` : ` (${n})`;
    return { ...view, label: `${view.label}${by}` };
  });
}

/** The version shown first: the English translation, else the first transcript, else the first of any. */
export function defaultView(views: DocumentView[]): DocumentView | undefined {
  return (
    views.find(
      (v) => v.kind === 'translation' && v.asset.language && primaryLanguage(v.asset.language) === 'en',
    ) ??
    views.find((v) => v.kind === 'transcript') ??
    views.find((v) => v.kind === 'translation') ??
    views.find((v) => v.kind === 'scan')
  );
}

/**
 * The version a `?view=` value asks for. An unknown or malformed value falls back to the default
 * version: an old link to a version since removed should still show the document.
 */
export function selectView(views: DocumentView[], requested: string | undefined): DocumentView | undefined {
  const match =
    requested === undefined ? undefined : views.find((v) => v.key === requested.trim().toLowerCase());
  return match ?? defaultView(views);
}
