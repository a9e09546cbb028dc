import {
  type AgentRole,
  type AssetKind,
  agentRoles,
  type CreditRole,
  creditRoles,
  type DatePrecision,
  datePrecisions,
} from '../../database/tables.ts';
import type { Authority } from '../authorities/authorities.repository.ts';
import type { StoredDocument } from '../documents/documents.repository.ts';
import { makeHistoricalDate } from '../documents/historical-date.ts';
import { type TextFormat, textFormats } from '../uploads/text-sources.ts';

/**
 * The editor's form, as typed: every value is kept as the raw text that was sent, so a form with
 * errors comes back exactly as it left (nothing typed is lost), and converting it to a record is a
 * separate step (editor.record.ts).
 */

/** A picked authority: the name typed, and the record it was picked from (kept while the name is). */
export type AuthorityRow = { name: string; id: string; idName: string };
export type AgentRow = AuthorityRow & { kind: 'person' | 'organization'; role: AgentRole };
export type CreditRow = { role: CreditRole; name: string };
export type LinkRow = { ref: string; title: string };
export type AssetFormRow = {
  /** The stored asset's ID. */
  key: string;
  kind: AssetKind;
  language: string;
  label: string;
  translator: string;
  /** Text of transcripts and translations (HTML); scans have none. */
  html: string;
  order: string;
  remove: boolean;
  /** Shown, never sent back: the file behind a scan. */
  fileName: string;
  mediaType: string;
  byteSize: number | null;
};
export type NewTextRow = {
  kind: 'transcript' | 'translation';
  language: string;
  label: string;
  translator: string;
  format: TextFormat;
  text: string;
};

export const authorityGroups = ['subjects', 'places', 'collections', 'funders'] as const;
export type AuthorityGroup = (typeof authorityGroups)[number];
export const rowGroups = ['agents', ...authorityGroups, 'credits', 'related', 'attachments'] as const;
export type RowGroup = (typeof rowGroups)[number];

export type EditorForm = {
  externalId: string;
  title: string;
  subtitle: string;
  summary: string;
  dateStart: string;
  dateEnd: string;
  datePrecision: DatePrecision | '';
  dateCirca: boolean;
  dateTime: string;
  placeOfOrigin: string;
  type: string;
  /** One per line. */
  classifications: string;
  /** Codes separated by commas or spaces. */
  languages: string;
  repository: AuthorityRow;
  archivalReference: string;
  program: string;
  rights: string;
  agents: AgentRow[];
  subjects: AuthorityRow[];
  places: AuthorityRow[];
  collections: AuthorityRow[];
  funders: AuthorityRow[];
  credits: CreditRow[];
  related: LinkRow[];
  attachments: LinkRow[];
  assets: AssetFormRow[];
  newText: NewTextRow;
  /** What the revision says about this save. */
  note: string;
  /** The latest revision when the form was opened, to notice someone else's save in between. */
  baseRevision: string;
};

export const blankAuthority = (): AuthorityRow => ({ name: '', id: '', idName: '' });
export const blankAgent = (): AgentRow => ({ ...blankAuthority(), kind: 'person', role: 'mentioned' });
const blankCredit = (): CreditRow => ({ role: 'translator', name: '' });
const blankLink = (): LinkRow => ({ ref: '', title: '' });
const blankNewText = (): NewTextRow => ({
  kind: 'translation',
  language: '',
  label: '',
  translator: '',
  format: 'plain',
  text: '',
});

export const blankRowOf: Record<RowGroup, () => AgentRow | AuthorityRow | CreditRow | LinkRow> = {
  agents: blankAgent,
  subjects: blankAuthority,
  places: blankAuthority,
  collections: blankAuthority,
  funders: blankAuthority,
  credits: blankCredit,
  related: blankLink,
  attachments: blankLink,
};

/** Blank rows offered after the filled ones, so people can add without scripts. */
export const spareRows = 2;
/** More rows than any record may hold are not read (the schema caps every list lower). */
const maxRows = 600;

export function emptyForm(): EditorForm {
  return {
    externalId: '',
    title: '',
    subtitle: '',
    summary: '',
    dateStart: '',
    dateEnd: '',
    datePrecision: '',
    dateCirca: false,
    dateTime: '',
    placeOfOrigin: '',
    type: '',
    classifications: '',
    languages: '',
    repository: blankAuthority(),
    archivalReference: '',
    program: '',
    rights: '',
    agents: [],
    subjects: [],
    places: [],
    collections: [],
    funders: [],
    credits: [],
    related: [],
    attachments: [],
    assets: [],
    newText: blankNewText(),
    note: '',
    baseRevision: '0',
  };
}

const pick = (a: Authority): AuthorityRow => ({ name: a.name, id: String(a.id), idName: a.name });

/** A date bound as it was probably written: `1962-08` for a month, `1960s` for a decade. */
function writtenForm(iso: string, precision: DatePrecision, side: 'start' | 'end'): string {
  const candidate =
    precision === 'day'
      ? iso
      : precision === 'month'
        ? iso.slice(0, 7)
        : precision === 'year'
          ? iso.slice(0, 4)
          : `${iso.slice(0, 3)}0s`;
  try {
    const expanded = makeHistoricalDate({ start: candidate });
    return expanded[side] === iso ? candidate : iso;
  } catch {
    return iso;
  }
}

export function formFromDocument(document: StoredDocument, latestRevision: number): EditorForm {
  const date = document.date;
  let dateEnd = '';
  if (date) {
    const impliedEnd = makeHistoricalDate({ start: writtenForm(date.start, date.precision, 'start') }).end;
    if (impliedEnd !== date.end) dateEnd = writtenForm(date.end, date.precision, 'end');
  }
  return {
    ...emptyForm(),
    externalId: document.externalId ?? '',
    title: document.title,
    subtitle: document.subtitle ?? '',
    summary: document.summary ?? '',
    dateStart: date ? writtenForm(date.start, date.precision, 'start') : '',
    dateEnd,
    datePrecision: date?.precision ?? '',
    dateCirca: date?.circa ?? false,
    dateTime: date?.time ?? '',
    placeOfOrigin: document.placeOfOrigin ?? '',
    type: document.type ?? '',
    classifications: document.classifications.join('\n'),
    languages: document.languages.join(', '),
    repository: document.repository ? pick(document.repository) : blankAuthority(),
    archivalReference: document.archivalReference ?? '',
    program: document.program ?? '',
    rights: document.rights ?? '',
    agents: document.agents.map((a) => ({
      ...pick(a),
      kind: a.kind === 'organization' ? 'organization' : 'person',
      role: a.role,
    })),
    subjects: document.subjects.map(pick),
    places: document.places.map(pick),
    collections: document.collections.map(pick),
    funders: document.funders.map(pick),
    credits: document.credits.map((c) => ({ role: c.role, name: c.name })),
    related: document.related.map((d) => ({ ref: String(d.id), title: d.title })),
    attachments: document.attachments.map((d) => ({ ref: String(d.id), title: d.title })),
    assets: document.assets.map((a, index) => ({
      key: String(a.id),
      kind: a.kind,
      language: a.language ?? '',
      label: a.label ?? '',
      translator: a.translator ?? '',
      html: a.html ?? '',
      order: String(index + 1),
      remove: false,
      fileName: a.fileName ?? '',
      mediaType: a.mediaType ?? '',
      byteSize: a.byteSize,
    })),
    baseRevision: String(latestRevision),
  };
}

type Body = Record<string, string | File | (string | File)[]>;

const fieldValue = (body: Body, name: string): string => {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
};

const oneOf = <T extends string>(allowed: readonly T[], value: string, fallback: T): T =>
  (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/** Rows of a group from names like `agents.3.name`, in index order, gaps closed. */
function rowsOf(body: Body, group: string): Map<number, Record<string, string>> {
  const rows = new Map<number, Record<string, string>>();
  const prefix = `${group}.`;
  for (const name of Object.keys(body)) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d{1,4})\.([a-zA-Z]{1,20})$/.exec(name.slice(prefix.length));
    if (!match) continue;
    const index = Number(match[1]);
    if (index >= maxRows) continue;
    const row = rows.get(index) ?? {};
    row[match[2]!] = fieldValue(body, name);
    rows.set(index, row);
  }
  return new Map([...rows.entries()].sort(([a], [b]) => a - b));
}

const authorityRow = (row: Record<string, string>): AuthorityRow => ({
  name: row.name ?? '',
  id: /^\d{1,12}$/.test(row.id ?? '') ? row.id! : '',
  idName: row.idName ?? '',
});

/**
 * The form as sent. Stored assets are merged in from `current` (their files and types are never
 * taken from the browser); rows are read only for assets the document really has.
 */
export function formFromBody(body: Body, current: StoredDocument | undefined): EditorForm {
  const text = (name: string) => fieldValue(body, name);
  const assetRows = rowsOf(body, 'assets');
  const byKey = new Map([...assetRows.values()].map((row) => [row.key ?? '', row]));
  const storedForm = current ? formFromDocument(current, 0).assets : [];
  const newText = rowsOf(body, 'newText').get(0) ?? {};
  return {
    externalId: text('externalId'),
    title: text('title'),
    subtitle: text('subtitle'),
    summary: text('summary'),
    dateStart: text('dateStart'),
    dateEnd: text('dateEnd'),
    datePrecision: oneOf(['', ...datePrecisions], text('datePrecision'), ''),
    dateCirca: text('dateCirca') !== '',
    dateTime: text('dateTime'),
    placeOfOrigin: text('placeOfOrigin'),
    type: text('type'),
    classifications: text('classifications'),
    languages: text('languages'),
    repository: authorityRow({
      name: text('repository.name'),
      id: text('repository.id'),
      idName: text('repository.idName'),
    }),
    archivalReference: text('archivalReference'),
    program: text('program'),
    rights: text('rights'),
    agents: [...rowsOf(body, 'agents').values()].map((row) => ({
      ...authorityRow(row),
      kind: oneOf(['person', 'organization'], row.kind ?? '', 'person'),
      role: oneOf(agentRoles, row.role ?? '', 'mentioned'),
    })),
    subjects: [...rowsOf(body, 'subjects').values()].map(authorityRow),
    places: [...rowsOf(body, 'places').values()].map(authorityRow),
    collections: [...rowsOf(body, 'collections').values()].map(authorityRow),
    funders: [...rowsOf(body, 'funders').values()].map(authorityRow),
    credits: [...rowsOf(body, 'credits').values()].map((row) => ({
      role: oneOf(creditRoles, row.role ?? '', 'translator'),
      name: row.name ?? '',
    })),
    related: [...rowsOf(body, 'related').values()].map((row) => ({
      ref: row.ref ?? '',
      title: row.title ?? '',
    })),
    attachments: [...rowsOf(body, 'attachments').values()].map((row) => ({
      ref: row.ref ?? '',
      title: row.title ?? '',
    })),
    assets: storedForm.map((stored) => {
      const sent = byKey.get(stored.key);
      if (!sent) return stored;
      return {
        ...stored,
        language: sent.language ?? stored.language,
        label: sent.label ?? stored.label,
        translator: sent.translator ?? stored.translator,
        html: stored.kind === 'scan' ? '' : (sent.html ?? stored.html),
        order: sent.order ?? stored.order,
        remove: (sent.remove ?? '') !== '',
      };
    }),
    newText: {
      kind: oneOf(['transcript', 'translation'], newText.kind ?? '', 'translation'),
      language: newText.language ?? '',
      label: newText.label ?? '',
      translator: newText.translator ?? '',
      format: oneOf(textFormats, newText.format ?? '', 'plain'),
      text: newText.text ?? '',
    },
    note: text('note'),
    baseRevision: /^\d{1,9}$/.test(text('baseRevision')) ? text('baseRevision') : '0',
  };
}

/** The form with `count` more blank rows in one group (the no-script "add more" buttons). */
export function withMoreRows(form: EditorForm, group: RowGroup, count = 3): EditorForm {
  const rows = [...(form[group] as unknown[])];
  for (let i = 0; i < count; i++) rows.push(blankRowOf[group]());
  return { ...form, [group]: rows };
}

export const isRowGroup = (value: string): value is RowGroup =>
  (rowGroups as readonly string[]).includes(value);
