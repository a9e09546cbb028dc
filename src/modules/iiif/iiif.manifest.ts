import type { SiteInfo } from '../../app/ui/layout.tsx';
import type { Authority } from '../authorities/authorities.repository.ts';
import { citationDownloadPath } from '../citations/citation-links.ts';
import { paths } from '../documents/documents.presenters.ts';
import type { StoredDocument } from '../documents/documents.repository.ts';
import { formatHistoricalDate } from '../documents/historical-date.ts';
import { languageName } from '../shared/languages.ts';
import { iiifPaths, type ScanWithPages } from './iiif.scans.ts';

/**
 * A document as a IIIF Presentation API 3.0 Manifest: one Canvas per scan page, each painted with
 * the page's reading image and a level-0 Image API 3 service for deep zoom, plus the record's
 * description (label, summary, metadata, rights, homepage, citation downloads) for viewers like
 * Mirador and for aggregators.
 */

export const presentationContext = 'http://iiif.io/api/presentation/3/context.json';
export const presentationMediaType = `application/ld+json;profile="${presentationContext}"`;

/** A IIIF language map: language tag (or `none`) to values. */
export type LanguageMap = Record<string, string[]>;

/** The language the catalogue is written in (titles, summaries, notes): the language of the pages. */
const catalogueLanguage = 'en';

const cyrillicLanguages = ['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'mn', 'tg'];

/**
 * The language of a piece of catalogue text. Text in Latin script is the catalogue's own language;
 * text in Han or Cyrillic script is taken to be in the document's language of that script; anything
 * else (a shelfmark of digits, a script the document's languages do not explain) is `none`.
 */
export function languageOfText(text: string, documentLanguages: string[]): string {
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const other = (text.match(/\p{L}/gu) ?? []).length - latin - han - cyrillic;
  if (latin > 0 && latin >= han + cyrillic + other) return catalogueLanguage;
  const primary = (tag: string) => tag.toLowerCase().split('-')[0]!;
  if (han > 0 && han >= cyrillic + other) {
    return documentLanguages.find((tag) => ['zh', 'ja'].includes(primary(tag))) ?? 'none';
  }
  if (cyrillic > 0 && cyrillic >= other) {
    return documentLanguages.find((tag) => cyrillicLanguages.includes(primary(tag))) ?? 'none';
  }
  return 'none';
}

const inCatalogue = (...values: string[]): LanguageMap => ({ [catalogueLanguage]: values });
const textMap = (text: string, documentLanguages: string[]): LanguageMap => ({
  [languageOfText(text, documentLanguages)]: [text],
});

/**
 * Names of authorities as a language map: the preferred names, plus the same list in every language
 * some of them have a variant in (Мао Цзэдун, 毛泽东), a name without one keeping its preferred form,
 * so that a viewer set to Russian or Chinese shows the names as that reader writes them.
 */
export function namesMap(authorities: Authority[]): LanguageMap {
  const preferred = authorities.map((a) => a.name);
  const allLatin = preferred.every((name) => languageOfText(name, []) === catalogueLanguage);
  const map: LanguageMap = { [allLatin ? catalogueLanguage : 'none']: [preferred.join('; ')] };
  const languages = new Set(
    authorities.flatMap((a) => a.variants.map((v) => v.language).filter((l): l is string => Boolean(l))),
  );
  for (const language of languages) {
    if (language in map) continue;
    const names = authorities.map((a) => a.variants.find((v) => v.language === language)?.name ?? a.name);
    map[language] = [names.join('; ')];
  }
  return map;
}

/**
 * Creative Commons licences named in a rights statement, as the URIs the Presentation API asks for
 * in `rights` (it accepts Creative Commons and RightsStatements.org URIs, in their http form).
 */
export function rightsUri(statement: string | null): string | undefined {
  if (!statement) return undefined;
  const trimmed = statement.trim();
  if (/^https?:\/\/\S+$/.test(trimmed))
    return trimmed.replace(/^https:\/\/(creativecommons|rightsstatements)\.org/, 'http://$1.org');
  if (/\bCC0(?: 1\.0)?\b/.test(trimmed)) return 'http://creativecommons.org/publicdomain/zero/1.0/';
  const licence = /\bCC[ -]BY((?:-(?:SA|NC|ND)){0,2}) ([1-4]\.0)\b/.exec(trimmed);
  if (licence) return `http://creativecommons.org/licenses/by${licence[1]!.toLowerCase()}/${licence[2]}/`;
  return undefined;
}

/** Where the citation downloads point and what they are, for `seeAlso`. */
const citationProfiles = {
  ris: {
    format: 'application/x-research-info-systems',
    profile: 'https://en.wikipedia.org/wiki/RIS_(file_format)',
    label: 'Citation (RIS)',
  },
  bib: {
    format: 'application/x-bibtex',
    profile: 'https://ctan.org/pkg/biblatex',
    label: 'Citation (BibLaTeX)',
  },
  json: {
    format: 'application/vnd.citationstyles.csl+json',
    profile: 'https://resource.citationstyles.org/schema/v1.0/input/json/csl-data.json',
    label: 'Citation (CSL-JSON)',
  },
} as const;

type MetadataEntry = { label: LanguageMap; value: LanguageMap };

function metadataOf(d: StoredDocument): MetadataEntry[] {
  const entries: MetadataEntry[] = [];
  const add = (label: string, value: LanguageMap | undefined) => {
    if (value) entries.push({ label: inCatalogue(label), value });
  };
  const text = (value: string | null | undefined) => (value ? textMap(value, d.languages) : undefined);
  const names = (list: Authority[]) => (list.length > 0 ? namesMap(list) : undefined);
  add('Date', d.date ? inCatalogue(formatHistoricalDate(d.date)) : undefined);
  add('Type', text(d.type));
  add('Place of origin', text(d.placeOfOrigin));
  for (const [role, label] of [
    ['author', 'Authors'],
    ['recipient', 'Recipients'],
    ['participant', 'Participants'],
    ['mentioned', 'People and organizations mentioned'],
  ] as const) {
    add(label, names(d.agents.filter((a) => a.role === role)));
  }
  add('Repository', d.repository ? namesMap([d.repository]) : undefined);
  add('Archival reference', d.archivalReference ? { none: [d.archivalReference] } : undefined);
  add('Classification', d.classifications.length > 0 ? text(d.classifications.join('; ')) : undefined);
  add(
    'Languages',
    d.languages.length > 0 ? inCatalogue(d.languages.map(languageName).join('; ')) : undefined,
  );
  add('Subjects', names(d.subjects));
  add('Places', names(d.places));
  add('Collections', names(d.collections));
  add('Funders', names(d.funders));
  for (const role of ['translator', 'transcriber', 'editor', 'contributor'] as const) {
    const people = d.credits.filter((c) => c.role === role).map((c) => c.name);
    const label = {
      translator: 'Translated by',
      transcriber: 'Transcribed by',
      editor: 'Edited by',
      contributor: 'Contributed by',
    }[role];
    add(label, people.length > 0 ? { none: [people.join('; ')] } : undefined);
  }
  add('Program', text(d.program));
  add('Record ID', { none: [String(d.id)] });
  return entries;
}

export function buildManifest(d: StoredDocument, scans: ScanWithPages[], site: SiteInfo) {
  const base = site.baseUrl;
  const manifestId = `${base}${iiifPaths.manifest(d.id)}`;
  const severalScans = scans.length > 1;
  const canvases = scans.flatMap(({ view, pages }) =>
    pages.map((page) => {
      const key = `${view.asset.id}-${page.page}`;
      const canvasId = `${base}/iiif/${d.id}/canvas/${key}`;
      const thumbnail = page.thumbnailSha256
        ? [
            {
              id: `${base}${iiifPaths.pageImage(d.id, view.asset.id, page.page, 'thumbnail')}`,
              type: 'Image',
              format: 'image/webp',
            },
          ]
        : undefined;
      return {
        id: canvasId,
        type: 'Canvas',
        label: inCatalogue(severalScans ? `${view.label}, page ${page.page}` : `Page ${page.page}`),
        width: page.width,
        height: page.height,
        ...(thumbnail ? { thumbnail } : {}),
        items: [
          {
            id: `${base}/iiif/${d.id}/page/${key}`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${base}/iiif/${d.id}/annotation/${key}`,
                type: 'Annotation',
                motivation: 'painting',
                target: canvasId,
                body: {
                  id: `${base}${iiifPaths.pageImage(d.id, view.asset.id, page.page, 'image')}`,
                  type: 'Image',
                  format: 'image/webp',
                  width: page.width,
                  height: page.height,
                  service: [
                    {
                      id: `${base}${iiifPaths.imageService(d.id, view.asset.id, page.page)}`,
                      type: 'ImageService3',
                      profile: 'level0',
                    },
                  ],
                },
              },
            ],
          },
        ],
      };
    }),
  );
  const rights = rightsUri(d.rights);
  const permalink = `${base}${paths.document(d.id)}`;
  const pdfs = scans.filter((s) => s.view.asset.mediaType === 'application/pdf');
  const firstThumbnail = canvases.find((c) => c.thumbnail)?.thumbnail;
  return {
    '@context': presentationContext,
    id: manifestId,
    type: 'Manifest',
    label: textMap(d.title, d.languages),
    ...(d.summary ? { summary: textMap(d.summary, d.languages) } : {}),
    metadata: metadataOf(d),
    // A statement that is not itself a URI is shown to every reader; a licence it names goes in `rights`.
    requiredStatement: d.rights
      ? { label: inCatalogue('Rights'), value: textMap(d.rights, d.languages) }
      : { label: inCatalogue('Provided by'), value: inCatalogue(site.archiveName) },
    ...(rights ? { rights } : {}),
    ...(d.date ? { navDate: `${d.date.start}T00:00:00Z` } : {}),
    ...(d.collections.length > 0
      ? {
          partOf: d.collections.map((collection) => ({
            id: `${base}${iiifPaths.collection(collection.slug)}`,
            type: 'Collection',
            label: textMap(collection.name, []),
          })),
        }
      : {}),
    provider: [
      {
        id: `${base}/`,
        type: 'Agent',
        label: inCatalogue(site.archiveName),
        homepage: [
          { id: `${base}/`, type: 'Text', label: inCatalogue(site.archiveName), format: 'text/html' },
        ],
      },
    ],
    homepage: [
      {
        id: permalink,
        type: 'Text',
        label: textMap(d.title, d.languages),
        format: 'text/html',
        language: [catalogueLanguage],
      },
    ],
    seeAlso: [
      ...(Object.keys(citationProfiles) as (keyof typeof citationProfiles)[]).map((format) => ({
        id: `${base}${citationDownloadPath(d.id, format)}`,
        type: 'Dataset',
        label: inCatalogue(citationProfiles[format].label),
        format: citationProfiles[format].format,
        profile: citationProfiles[format].profile,
      })),
      {
        id: `${base}/api/v1/documents/${d.id}`,
        type: 'Dataset',
        label: inCatalogue('Record (JSON API)'),
        format: 'application/json',
        profile: `${base}/api/v1/openapi.json`,
      },
    ],
    ...(pdfs.length > 0
      ? {
          rendering: pdfs.map((scan) => ({
            id: `${base}${paths.asset(d.id, scan.view.asset)}`,
            type: 'Text',
            label: inCatalogue(`${scan.view.label} (PDF)`),
            format: 'application/pdf',
          })),
        }
      : {}),
    ...(firstThumbnail ? { thumbnail: firstThumbnail } : {}),
    items: canvases,
  };
}
