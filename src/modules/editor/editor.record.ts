import type { ZodError } from 'zod';
import type { AuthorityKind } from '../../database/tables.ts';
import { nameMatchKey } from '../authorities/authorities.repository.ts';
import type { StoredDocument } from '../documents/documents.repository.ts';
import { type DocumentRecord, documentRecordSchema, languageSchema } from '../documents/documents.schemas.ts';
import type { PreparedAsset } from '../documents/documents.usecases.ts';
import { sanitizeDocumentHtml } from '../shared/sanitize-html.ts';
import { textToHtml } from '../uploads/text-sources.ts';
import type { AuthorityGroup, AuthorityRow, EditorForm, LinkRow } from './editor.form.ts';

export type FieldError = { field: string; message: string };

/** Labels used in error messages, by the form field's id. */
const labels: Record<string, string> = {
  externalId: 'External ID',
  title: 'Title',
  subtitle: 'Subtitle',
  summary: 'Summary',
  dateStart: 'Date',
  placeOfOrigin: 'Place of origin',
  type: 'Type of document',
  classifications: 'Classification markings',
  languages: 'Languages of the original',
  'repository-name': 'Archive holding the original',
  archivalReference: 'Archival reference',
  program: 'Program',
  rights: 'Rights',
};

const groupLabels: Record<string, string> = {
  agents: 'Person or organization',
  subjects: 'Subject',
  places: 'Place',
  collections: 'Collection',
  funders: 'Funder',
  credits: 'Credit',
  related: 'Related document',
  attachments: 'Attachment',
  assets: 'Text or scan',
};

/** Where each record list came from in the form: record index → form row index. */
type RowMaps = Record<string, number[]>;

const authorityKindOf: Record<AuthorityGroup, AuthorityKind> = {
  subjects: 'subject',
  places: 'place',
  collections: 'collection',
  funders: 'funder',
};

export { authorityKindOf };

/** A picked record is used only while its name is still the one it was picked with. */
function authorityRef(row: AuthorityRow): { id?: number; name: string } {
  const name = row.name.trim();
  if (row.id && nameMatchKey(name) === nameMatchKey(row.idName)) return { id: Number(row.id), name };
  return { name };
}

function documentRef(row: LinkRow): { id: number } | { externalId: string } {
  const ref = row.ref.trim().replace(/^#/, '');
  return /^\d{1,12}$/.test(ref) ? { id: Number(ref) } : { externalId: ref };
}

function filled<T>(rows: T[], isFilled: (row: T) => boolean): { values: T[]; indexes: number[] } {
  const values: T[] = [];
  const indexes: number[] = [];
  rows.forEach((row, index) => {
    if (!isFilled(row)) return;
    values.push(row);
    indexes.push(index);
  });
  return { values, indexes };
}

/** The form field a record path points at (`agents.2.name` → `agents-5-name` when rows were blank). */
export function fieldOfPath(path: readonly PropertyKey[], rows: RowMaps): string {
  const [head, index, key] = path;
  if (typeof head !== 'string') return 'title';
  if (head === 'date') return 'dateStart';
  if (head === 'repository') return 'repository-name';
  if (head === 'classifications' || head === 'languages') return head;
  if (typeof index === 'number' && rows[head]) {
    const row = rows[head][index] ?? index;
    if (head === 'related' || head === 'attachments') return `${head}-${row}-ref`;
    if (head === 'credits') return `credits-${row}-${key === 'role' ? 'role' : 'name'}`;
    return `${head}-${row}-name`;
  }
  return head;
}

/** A record field error from saveDocument (`related[2]`, `externalId`) as a form field. */
export function fieldOfRecordError(field: string, rows: RowMaps): string {
  const match = /^(\w+)(?:\[(\d+)\])?/.exec(field);
  if (!match) return 'title';
  const group = match[1]!;
  return fieldOfPath(match[2] === undefined ? [group] : [group, Number(match[2])], rows);
}

export function describeField(field: string, message: string): string {
  const [group, row] = field.split('-');
  if (group && row !== undefined && groupLabels[group]) {
    return `${groupLabels[group]} ${Number(row) + 1}: ${message}`;
  }
  return `${labels[field] ?? field}: ${message}`;
}

export function errorsOfZod(error: ZodError, rows: RowMaps): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const field = fieldOfPath(issue.path, rows);
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: describeField(field, issue.message) });
  }
  return errors;
}

export type RecordFromForm =
  | { ok: true; record: DocumentRecord; assets: PreparedAsset[]; rows: RowMaps }
  | { ok: false; errors: FieldError[]; rows: RowMaps };

/**
 * Turns the typed form into a record for saveDocument, keeping the workflow fields (status, schedule,
 * withdrawal) of the stored document: the form edits content; status moves go through the workflow.
 */
export function recordFromForm(form: EditorForm, current: StoredDocument | undefined): RecordFromForm {
  const errors: FieldError[] = [];
  const agents = filled(form.agents, (r) => r.name.trim() !== '');
  const groups = Object.fromEntries(
    (['subjects', 'places', 'collections', 'funders'] as const).map((g) => [
      g,
      filled(form[g], (r) => r.name.trim() !== ''),
    ]),
  ) as Record<AuthorityGroup, { values: AuthorityRow[]; indexes: number[] }>;
  const credits = filled(form.credits, (r) => r.name.trim() !== '');
  const related = filled(form.related, (r) => r.ref.trim() !== '');
  const attachments = filled(form.attachments, (r) => r.ref.trim() !== '');
  const rows: RowMaps = {
    agents: agents.indexes,
    ...Object.fromEntries(Object.entries(groups).map(([g, v]) => [g, v.indexes])),
    credits: credits.indexes,
    related: related.indexes,
    attachments: attachments.indexes,
  };

  const dateStart = form.dateStart.trim();
  const input = {
    externalId: form.externalId.trim() || null,
    status: current?.status ?? 'draft',
    scheduledFor: current?.scheduledFor ?? null,
    withdrawalReason: current?.withdrawalReason ?? null,
    title: form.title,
    subtitle: form.subtitle,
    summary: form.summary,
    date: dateStart
      ? {
          start: dateStart,
          end: form.dateEnd.trim() || undefined,
          precision: form.datePrecision || undefined,
          circa: form.dateCirca,
          time: form.dateTime.trim() || null,
        }
      : null,
    placeOfOrigin: form.placeOfOrigin,
    type: form.type,
    classifications: form.classifications
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    languages: form.languages
      .split(/[\s,;]+/)
      .map((code) => code.trim())
      .filter((code) => code !== ''),
    repository: form.repository.name.trim() ? authorityRef(form.repository) : null,
    archivalReference: form.archivalReference,
    program: form.program,
    rights: form.rights,
    agents: agents.values.map((row) => ({ ...authorityRef(row), kind: row.kind, role: row.role })),
    ...Object.fromEntries(Object.entries(groups).map(([g, v]) => [g, v.values.map(authorityRef)])),
    credits: credits.values.map((row) => ({ role: row.role, name: row.name })),
    related: related.values.map(documentRef),
    attachments: attachments.values.map(documentRef),
    assets: [],
  };
  const parsed = documentRecordSchema.safeParse(input);
  if (!parsed.success) errors.push(...errorsOfZod(parsed.error, rows));

  const assets = assetsFromForm(form, current, errors);
  if (errors.length > 0 || !parsed.success) return { ok: false, errors, rows };
  return { ok: true, record: parsed.data, assets, rows };
}

function languageOf(value: string, field: string, errors: FieldError[]): string | null {
  if (!value.trim()) return null;
  const parsed = languageSchema.safeParse(value.trim());
  if (parsed.success) return parsed.data;
  errors.push({
    field,
    message: describeField(field, `“${value.trim().slice(0, 40)}” is not a language code`),
  });
  return null;
}

/** Stored assets with the form's edits applied, in the chosen order, plus a pasted text if any. */
function assetsFromForm(
  form: EditorForm,
  current: StoredDocument | undefined,
  errors: FieldError[],
): PreparedAsset[] {
  const stored = new Map((current?.assets ?? []).map((a) => [String(a.id), a]));
  const kept = form.assets
    .map((row, index) => ({ row, index, order: Number.parseFloat(row.order) }))
    .filter(({ row }) => !row.remove && stored.has(row.key))
    .sort((a, b) => (Number.isFinite(a.order) ? a.order : 1e9) - (Number.isFinite(b.order) ? b.order : 1e9));
  const assets: PreparedAsset[] = [];
  for (const { row, index } of kept) {
    const asset = stored.get(row.key)!;
    let html = asset.html;
    if (asset.kind !== 'scan') {
      html = sanitizeDocumentHtml(row.html);
      if (html === '' && !asset.blobSha256) {
        errors.push({
          field: `assets-${index}-html`,
          message: describeField(`assets-${index}`, 'the text is empty; tick “Remove” to delete it instead'),
        });
      }
    }
    assets.push({
      kind: asset.kind,
      language: languageOf(row.language, `assets-${index}-language`, errors),
      label: row.label.trim().slice(0, 200) || null,
      translator: asset.kind === 'scan' ? null : row.translator.trim().slice(0, 500) || null,
      html,
      blobSha256: asset.blobSha256,
      fileName: asset.fileName,
      mediaType: asset.mediaType,
      pageCount: asset.pageCount,
      blob:
        asset.blobSha256 && asset.mediaType
          ? { sha256: asset.blobSha256, byteSize: asset.byteSize ?? 0, mediaType: asset.mediaType }
          : null,
    });
  }
  const pasted = form.newText;
  if (pasted.text.trim() !== '') {
    const html = textToHtml(pasted.text, pasted.format);
    if (html === '') {
      errors.push({
        field: 'newText-0-text',
        message: 'New text: nothing is left once the markup is cleaned.',
      });
    }
    assets.push({
      kind: pasted.kind,
      language: languageOf(pasted.language, 'newText-0-language', errors),
      label: pasted.label.trim().slice(0, 200) || null,
      translator: pasted.translator.trim().slice(0, 500) || null,
      html,
      blobSha256: null,
      fileName: null,
      mediaType: null,
      pageCount: null,
      blob: null,
    });
  }
  return assets;
}
