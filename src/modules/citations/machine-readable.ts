import type { Authority } from '../authorities/authorities.repository.ts';
import { paths } from '../documents/documents.presenters.ts';
import type { StoredDocument } from '../documents/documents.repository.ts';
import { isoHistoricalDate } from '../documents/historical-date.ts';
import { citationPieces } from './chicago.ts';

type Site = { baseUrl: string; archiveName: string };

const schemaType: Partial<Record<Authority['kind'], string>> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  repository: 'ArchiveOrganization',
};

const thing = (a: Authority, site: Site, fallback = 'Thing') => ({
  '@type': schemaType[a.kind] ?? fallback,
  name: a.name,
  url: `${site.baseUrl}${paths.authority(a)}`,
  ...(a.variants.length > 0 ? { alternateName: a.variants.map((v) => v.name) } : {}),
});

/**
 * The record as schema.org JSON-LD: an ArchiveComponent (a CreativeWork held by an archive) with the
 * holding archive, its date of creation as precise as known, languages, authors, translators, the
 * people and subjects it is about, the places it concerns and the scan as a media object.
 */
export function documentJsonLd(d: StoredDocument, site: Site, pdfUrl: string | undefined) {
  const p = citationPieces(d, site);
  const agentsWith = (role: string) => d.agents.filter((a) => a.role === role).map((a) => thing(a, site));
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ArchiveComponent',
    '@id': p.url,
    url: p.url,
    name: d.title,
  };
  if (d.subtitle) data.alternativeHeadline = d.subtitle;
  if (d.summary) data.description = d.summary;
  if (d.date) data.dateCreated = isoHistoricalDate(d.date);
  if (d.type) data.genre = d.type;
  if (d.languages.length > 0) data.inLanguage = d.languages.length === 1 ? d.languages[0] : d.languages;
  const authors = agentsWith('author');
  if (authors.length > 0) data.author = authors;
  if (p.translators.length > 0) data.translator = p.translators.map((name) => ({ name }));
  const recipients = agentsWith('recipient');
  if (recipients.length > 0) data.recipient = recipients;
  const about = [...agentsWith('participant'), ...d.subjects.map((s) => thing(s, site))];
  if (about.length > 0) data.about = about;
  const mentions = agentsWith('mentioned');
  if (mentions.length > 0) data.mentions = mentions;
  if (d.places.length > 0) data.contentLocation = d.places.map((place) => thing(place, site, 'Place'));
  if (d.placeOfOrigin) data.locationCreated = { '@type': 'Place', name: d.placeOfOrigin };
  if (d.repository) data.holdingArchive = thing(d.repository, site, 'ArchiveOrganization');
  if (d.archivalReference) data.identifier = d.archivalReference;
  if (d.collections.length > 0 || p.program) {
    data.isPartOf = [
      ...(p.program ? [{ '@type': 'Collection', name: p.program }] : []),
      ...d.collections.map((c) => ({ ...thing(c, site), '@type': 'Collection' })),
    ];
  }
  data.publisher = { '@type': 'Organization', name: site.archiveName, url: site.baseUrl };
  if (d.publishedAt) data.datePublished = d.publishedAt.slice(0, 10);
  data.dateModified = d.updatedAt.slice(0, 10);
  if (d.rights) data.copyrightNotice = d.rights;
  if (pdfUrl)
    data.associatedMedia = { '@type': 'MediaObject', contentUrl: pdfUrl, encodingFormat: 'application/pdf' };
  return data;
}

/**
 * JSON for a `<script type="application/ld+json">` block. The block is data, never run (and the CSP
 * would stop it if it were), but an HTML parser still ends it at the first `</script`, so every `<`, `>`
 * and `&` is written as a JSON escape, and so are the line separators old parsers choke on.
 */
export function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A COinS ContextObject (OpenURL 1.0 KEV, Dublin Core format) for the page's `<span class="Z3988">`,
 * which Zotero and link resolvers read when no better metadata is found.
 */
export function coinsTitle(d: StoredDocument, site: Site): string {
  const p = citationPieces(d, site);
  const pairs: [string, string][] = [
    ['ctx_ver', 'Z39.88-2004'],
    ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:dc'],
    ['rfr_id', `info:sid/${new URL(site.baseUrl).host}:chancery`],
    ['rft.type', d.type ?? 'manuscript'],
    ['rft.title', d.title],
  ];
  for (const author of p.authors) pairs.push(['rft.creator', author]);
  for (const translator of p.translators) pairs.push(['rft.contributor', translator]);
  if (d.date) pairs.push(['rft.date', isoHistoricalDate(d.date)]);
  if (p.repository) pairs.push(['rft.source', [p.repository, p.reference].filter(Boolean).join(', ')]);
  pairs.push(['rft.publisher', site.archiveName]);
  for (const language of d.languages) pairs.push(['rft.language', language]);
  for (const subject of d.subjects) pairs.push(['rft.subject', subject.name]);
  if (d.summary) pairs.push(['rft.description', d.summary]);
  pairs.push(['rft.identifier', p.url]);
  return pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
}
