import type { Authority } from '../authorities/authorities.repository.ts';
import type { DocumentStub, StoredAsset, StoredDocument } from './documents.repository.ts';
import { formatHistoricalDate, type HistoricalDate, isoHistoricalDate } from './historical-date.ts';

/** URL paths of public resources, in one place so pages, API and feeds agree. */
export const paths = {
  document: (id: number) => `/documents/${id}`,
  documentView: (id: number, view: string) => `/documents/${id}?view=${encodeURIComponent(view)}`,
  asset: (documentId: number, asset: Pick<StoredAsset, 'id' | 'fileName'>) =>
    `/documents/${documentId}/files/${asset.id}/${encodeURIComponent(asset.fileName ?? 'file')}`,
  authority: (authority: Pick<Authority, 'id' | 'kind' | 'slug'>) =>
    authority.kind === 'collection'
      ? `/collections/${encodeURIComponent(authority.slug)}`
      : `/${authorityPathSegment[authority.kind]}/${authority.id}`,
};

export const authorityPathSegment = {
  person: 'people',
  organization: 'organizations',
  place: 'places',
  subject: 'subjects',
  repository: 'repositories',
  funder: 'funders',
  collection: 'collections',
} as const;

export const presentDate = (date: HistoricalDate | null) =>
  date
    ? {
        display: formatHistoricalDate(date),
        iso: isoHistoricalDate(date),
        start: date.start,
        end: date.end,
        precision: date.precision,
        circa: date.circa,
        time: date.time,
      }
    : null;

const presentAuthority = (a: Authority, baseUrl: string) => ({
  id: a.id,
  kind: a.kind,
  name: a.name,
  variants: a.variants,
  url: `${baseUrl}${paths.authority(a)}`,
});

const presentStub = (d: DocumentStub, baseUrl: string) => ({
  id: d.id,
  externalId: d.externalId,
  title: d.title,
  date: presentDate(d.date),
  url: `${baseUrl}${paths.document(d.id)}`,
});

/** The public JSON form of a whole record (API v1). */
export function presentDocument(d: StoredDocument, baseUrl: string) {
  return {
    id: d.id,
    externalId: d.externalId,
    url: `${baseUrl}${paths.document(d.id)}`,
    title: d.title,
    subtitle: d.subtitle,
    summary: d.summary,
    date: presentDate(d.date),
    placeOfOrigin: d.placeOfOrigin,
    type: d.type,
    classifications: d.classifications,
    languages: d.languages,
    repository: d.repository ? presentAuthority(d.repository, baseUrl) : null,
    archivalReference: d.archivalReference,
    program: d.program,
    credits: d.credits,
    rights: d.rights,
    funders: d.funders.map((a) => presentAuthority(a, baseUrl)),
    subjects: d.subjects.map((a) => presentAuthority(a, baseUrl)),
    places: d.places.map((a) => presentAuthority(a, baseUrl)),
    agents: d.agents.map((a) => ({ ...presentAuthority(a, baseUrl), role: a.role })),
    collections: d.collections.map((a) => presentAuthority(a, baseUrl)),
    related: d.related.map((r) => presentStub(r, baseUrl)),
    attachments: d.attachments.map((r) => presentStub(r, baseUrl)),
    attachedTo: d.attachedTo.map((r) => presentStub(r, baseUrl)),
    assets: d.assets.map((a) => ({
      id: a.id,
      kind: a.kind,
      language: a.language,
      label: a.label,
      translator: a.translator,
      mediaType: a.kind === 'scan' ? a.mediaType : 'text/html',
      fileName: a.fileName,
      byteSize: a.byteSize,
      pageCount: a.pageCount,
      url: a.blobSha256 ? `${baseUrl}${paths.asset(d.id, a)}` : null,
      html: a.html,
      updatedAt: a.updatedAt,
    })),
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    publishedAt: d.publishedAt,
  };
}

export const presentDocumentSummary = (d: DocumentStub, baseUrl: string) => presentStub(d, baseUrl);
