import { diffArrays } from 'diff';
import { formatHistoricalDate, type HistoricalDate } from '../documents/historical-date.ts';
import { htmlToText } from '../shared/sanitize-html.ts';
import type { RevisionSnapshot, SnapshotAsset } from './revisions.snapshot.ts';

/**
 * Comparing two revisions field by field, as an editor reads them: each field as text, and for
 * transcripts and translations a word-level diff of their text. Words are cut with Intl.Segmenter,
 * so Chinese and Japanese (written without spaces) diff by word too, not by whole sentence.
 */

export type WordChange = { text: string; change: 'same' | 'added' | 'removed' };

export type FieldChange = {
  field: string;
  label: string;
  before: string;
  after: string;
  /** For long texts: the words that changed, in order. Null when the texts are too different to align. */
  words: WordChange[] | null;
};

type Ref = { id?: number; name?: string; externalId?: string; role?: string; kind?: string };

const names = (refs: Ref[] | null | undefined) =>
  (refs ?? [])
    .map((r) => (r.role ? `${r.name} (${r.role})` : (r.name ?? r.externalId ?? `#${r.id}`)))
    .join('\n');

const documentRefs = (refs: Ref[] | null | undefined) =>
  (refs ?? []).map((r) => (r.externalId ? `#${r.id} (${r.externalId})` : `#${r.id}`)).join('\n');

const dateText = (date: HistoricalDate | null | undefined) =>
  date
    ? `${formatHistoricalDate(date)}${date.time ? `, ${date.time}` : ''} [${date.start}..${date.end}, ${date.precision}${date.circa ? ', circa' : ''}]`
    : '';

/** Every compared field: its label and how to read it from a snapshot. */
const fields: { field: string; label: string; read: (s: RevisionSnapshot) => string; long?: boolean }[] = [
  { field: 'status', label: 'Status', read: (s) => s.status },
  { field: 'scheduledFor', label: 'Scheduled for', read: (s) => s.scheduledFor ?? '' },
  { field: 'withdrawalReason', label: 'Reason for withdrawal', read: (s) => s.withdrawalReason ?? '' },
  { field: 'title', label: 'Title', read: (s) => s.title },
  { field: 'subtitle', label: 'Subtitle', read: (s) => s.subtitle ?? '' },
  { field: 'externalId', label: 'External ID', read: (s) => s.externalId ?? '' },
  { field: 'type', label: 'Type of document', read: (s) => s.type ?? '' },
  { field: 'date', label: 'Date', read: (s) => dateText(s.date) },
  { field: 'placeOfOrigin', label: 'Place of origin', read: (s) => s.placeOfOrigin ?? '' },
  { field: 'summary', label: 'Summary', read: (s) => s.summary ?? '', long: true },
  { field: 'classifications', label: 'Classification markings', read: (s) => s.classifications.join('\n') },
  { field: 'languages', label: 'Languages of the original', read: (s) => s.languages.join(', ') },
  { field: 'agents', label: 'People and organizations', read: (s) => names(s.agents) },
  { field: 'places', label: 'Places', read: (s) => names(s.places) },
  { field: 'subjects', label: 'Subjects', read: (s) => names(s.subjects) },
  { field: 'collections', label: 'Collections', read: (s) => names(s.collections) },
  {
    field: 'repository',
    label: 'Archive holding the original',
    read: (s) => names(s.repository ? [s.repository] : []),
  },
  { field: 'archivalReference', label: 'Archival reference', read: (s) => s.archivalReference ?? '' },
  { field: 'program', label: 'Program', read: (s) => s.program ?? '' },
  { field: 'funders', label: 'Funders', read: (s) => names(s.funders) },
  { field: 'rights', label: 'Rights', read: (s) => s.rights ?? '', long: true },
  {
    field: 'credits',
    label: 'Credits',
    read: (s) => s.credits.map((c) => `${c.name} (${c.role})`).join('\n'),
  },
  { field: 'related', label: 'Related documents', read: (s) => documentRefs(s.related) },
  { field: 'attachments', label: 'Attachments', read: (s) => documentRefs(s.attachments) },
];

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/** Words, spaces and punctuation as separate tokens, so a diff keeps the text's own spacing. */
export function tokenize(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** Word-level differences; null when aligning would cost too much (texts that share almost nothing). */
export function diffWords(before: string, after: string): WordChange[] | null {
  const changes = diffArrays(tokenize(before), tokenize(after), { maxEditLength: 20_000, timeout: 2_000 });
  if (!changes) return null;
  const words: WordChange[] = [];
  for (const change of changes) {
    const text = change.value.join('');
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const last = words.at(-1);
    if (last && last.change === kind) last.text += text;
    else words.push({ text, change: kind });
  }
  return words;
}

const assetTitle = (a: SnapshotAsset, n: number) =>
  `${a.kind === 'scan' ? 'Scan' : a.kind === 'transcript' ? 'Transcript' : 'Translation'} ${n}${a.language ? ` (${a.language})` : ''}`;

const assetFacts = (a: SnapshotAsset | undefined) =>
  a
    ? [
        a.label ? `label: ${a.label}` : '',
        a.translator ? `translator: ${a.translator}` : '',
        a.fileName ? `file: ${a.fileName}` : '',
        a.blobSha256 ? `sha256: ${a.blobSha256.slice(0, 12)}…` : '',
      ]
        .filter(Boolean)
        .join('\n')
    : '';

/** Assets are paired by kind and language in order: the second English translation with the second. */
function pairAssets(a: SnapshotAsset[], b: SnapshotAsset[]) {
  const key = (x: SnapshotAsset) => `${x.kind}|${x.language ?? ''}`;
  const groups = new Map<string, { before: SnapshotAsset[]; after: SnapshotAsset[] }>();
  for (const x of a)
    groups.set(key(x), {
      before: [...(groups.get(key(x))?.before ?? []), x],
      after: groups.get(key(x))?.after ?? [],
    });
  for (const x of b)
    groups.set(key(x), {
      before: groups.get(key(x))?.before ?? [],
      after: [...(groups.get(key(x))?.after ?? []), x],
    });
  const pairs: { before: SnapshotAsset | undefined; after: SnapshotAsset | undefined; n: number }[] = [];
  for (const group of groups.values()) {
    const count = Math.max(group.before.length, group.after.length);
    for (let i = 0; i < count; i++) pairs.push({ before: group.before[i], after: group.after[i], n: i + 1 });
  }
  return pairs;
}

/** What differs between two snapshots; unchanged fields are left out. */
export function compareSnapshots(before: RevisionSnapshot, after: RevisionSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const f of fields) {
    const a = f.read(before);
    const b = f.read(after);
    if (a === b) continue;
    changes.push({
      field: f.field,
      label: f.label,
      before: a,
      after: b,
      words: f.long ? diffWords(a, b) : null,
    });
  }
  for (const { before: a, after: b, n } of pairAssets(before.assets ?? [], after.assets ?? [])) {
    const sample = (b ?? a)!;
    const label = assetTitle(sample, n);
    const factsA = assetFacts(a);
    const factsB = assetFacts(b);
    if (factsA !== factsB || !a || !b) {
      changes.push({
        field: `asset:${label}`,
        label: `${label}: details`,
        before: a ? factsA || '(present)' : '',
        after: b ? factsB || '(present)' : '',
        words: null,
      });
    }
    const textA = a?.html ? htmlToText(a.html) : '';
    const textB = b?.html ? htmlToText(b.html) : '';
    if (textA !== textB) {
      changes.push({
        field: `text:${label}`,
        label: `${label}: text`,
        before: textA,
        after: textB,
        words: diffWords(textA, textB),
      });
    }
  }
  return changes;
}

/** Every filled field of a snapshot as label and text, in the comparison's order: one revision in full. */
export function snapshotFields(snapshot: RevisionSnapshot): { label: string; value: string }[] {
  const shown = fields
    .map((f) => ({ label: f.label, value: f.read(snapshot) }))
    .filter((f) => f.value !== '');
  const counts = new Map<string, number>();
  for (const asset of snapshot.assets ?? []) {
    const key = `${asset.kind}|${asset.language ?? ''}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    const title = assetTitle(asset, n);
    const facts = assetFacts(asset);
    if (facts) shown.push({ label: title, value: facts });
    if (asset.html) shown.push({ label: `${title}: text`, value: htmlToText(asset.html) });
  }
  return shown;
}

/** The names of the fields that differ, for the audit log. */
export const changedFieldNames = (before: RevisionSnapshot, after: RevisionSnapshot): string[] =>
  compareSnapshots(before, after).map((c) => c.field);
