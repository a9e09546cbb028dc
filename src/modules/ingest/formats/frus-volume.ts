import fsp from 'node:fs/promises';
import path from 'node:path';
import { squash, uniqueValues } from './format.ts';
import { readSourceText } from './source-text.ts';
import {
  childElements,
  descendants,
  firstChild,
  parseXml,
  textOf,
  type XmlElement,
  xmlDeclaredEncoding,
  path as xmlPath,
} from './xml-tree.ts';

/**
 * What a FRUS volume says about itself (teiHeader, front matter, and the bibliography record that
 * the Office of the Historian keeps beside it): what every document of the volume shares.
 */
export type FrusVolume = {
  id: string;
  title: string;
  editors: { name: string; role: string }[];
  publishedYear: string | null;
  summary: string | null;
  persons: Map<string, { name: string; note: string | null }>;
  terms: Map<string, { forms: string[]; expansion: string }>;
  /** xml:ids of the volume's documents, to tell in-volume cross-references from others. */
  documentIds: Set<string>;
};

export const frusSeriesTitle = 'Foreign Relations of the United States';

export function readVolumeHeader(tei: XmlElement, fallbackId: string): Omit<FrusVolume, 'documentIds'> {
  const titleStmt = xmlPath(tei, 'teiHeader', 'fileDesc', 'titleStmt');
  const titles = new Map<string, string>();
  for (const title of titleStmt ? childElements(titleStmt, 'title') : []) {
    titles.set(title.attrs.type ?? 'main', squash(textOf(title)));
  }
  const publicationStmt = xmlPath(tei, 'teiHeader', 'fileDesc', 'publicationStmt');
  const idno = publicationStmt
    ? childElements(publicationStmt, 'idno').find((element) => element.attrs.type === 'frus')
    : undefined;
  const id = squash(textOf(idno)) || fallbackId;
  const title =
    titles.get('complete') ||
    [titles.get('series'), titles.get('subseries'), titles.get('volumenumber'), titles.get('volume')]
      .filter(Boolean)
      .join(', ') ||
    id;
  const editors = titleStmt
    ? childElements(titleStmt, 'editor')
        .map((editor) => ({ name: squash(textOf(editor)), role: editor.attrs.role ?? 'editor' }))
        .filter((editor) => editor.name !== '')
    : [];
  const date = publicationStmt ? squash(textOf(firstChild(publicationStmt, 'date'))) : '';
  return {
    id,
    title,
    editors,
    publishedYear: /^\d{4}$/.test(date) ? date : null,
    summary: null,
    persons: readPersons(tei),
    terms: readTerms(tei),
  };
}

/** The "List of Names": `persName/@xml:id` with the description that follows it in the item. */
function readPersons(tei: XmlElement): FrusVolume['persons'] {
  const persons: FrusVolume['persons'] = new Map();
  const front = xmlPath(tei, 'text', 'front');
  if (!front) return persons;
  for (const item of descendants(front, (element) => element.name === 'item')) {
    const person = descendants(
      item,
      (element) => element.name === 'persName' && !!element.attrs['xml:id'],
    )[0];
    if (!person) continue;
    const name = squash(textOf(person)).replace(/[,\s]+$/, '');
    const whole = squash(textOf(item));
    const note = squash(whole.slice(whole.indexOf(name) + name.length).replace(/^[\s,;:]+/, ''));
    if (name !== '') persons.set(person.attrs['xml:id']!, { name, note: note === '' ? null : note });
  }
  return persons;
}

/** The "List of Abbreviations" (and cryptonyms): `term/@xml:id` with its expansion. */
function readTerms(tei: XmlElement): FrusVolume['terms'] {
  const terms: FrusVolume['terms'] = new Map();
  const front = xmlPath(tei, 'text', 'front');
  if (!front) return terms;
  for (const item of descendants(front, (element) => element.name === 'item')) {
    const term = descendants(item, (element) => element.name === 'term' && !!element.attrs['xml:id'])[0];
    if (!term) continue;
    const label = squash(textOf(term)).replace(/[,\s]+$/, '');
    const whole = squash(textOf(item));
    const expansion = squash(whole.slice(whole.indexOf(label) + label.length).replace(/^[\s,;:]+/, ''));
    if (label === '') continue;
    terms.set(term.attrs['xml:id']!, { forms: uniqueValues(label.split(/,\s*/)), expansion });
  }
  return terms;
}

/**
 * The bibliography record (`bibliography/<id>.xml`, beside the `volumes/` folder or the volume
 * itself): the volume's summary, publication year and editors. Optional: a volume imports without.
 */
export async function readBibliography(
  volumeFile: string,
  volumeId: string,
): Promise<{ summary: string | null; publishedYear: string | null; title: string | null } | undefined> {
  const folder = path.dirname(volumeFile);
  const candidates = [
    path.join(folder, '..', 'bibliography', `${volumeId}.xml`),
    path.join(folder, 'bibliography', `${volumeId}.xml`),
  ];
  for (const candidate of candidates) {
    const exists = await fsp
      .stat(candidate)
      .then((stat) => stat.isFile())
      .catch(() => false);
    if (!exists) continue;
    const root = parseXml(await readSourceText(candidate, 'XML file', xmlDeclaredEncoding));
    const summaryElement = firstChild(root, 'summary');
    const paragraphs = summaryElement ? childElements(summaryElement, 'p').map((p) => squash(textOf(p))) : [];
    const year = squash(textOf(firstChild(root, 'published-year')));
    const title = childElements(root, 'title').find((element) => element.attrs.type === 'complete');
    return {
      summary: paragraphs.length > 0 ? paragraphs.join('\n\n') : null,
      publishedYear: /^\d{4}$/.test(year) ? year : null,
      title: title ? squash(textOf(title)) || null : null,
    };
  }
  return undefined;
}

/** The volume as a collection authority: its title, nested under the series, with what it covers. */
export function volumeCollection(volume: FrusVolume) {
  const editors = volume.editors.map((editor) => `${editor.name} (${editor.role})`).join('; ');
  const note = [
    volume.summary,
    volume.publishedYear ? `Published ${volume.publishedYear}.` : null,
    editors ? `Editors: ${editors}.` : null,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    name: volume.title,
    variants: [volume.id],
    note: note === '' ? null : note.slice(0, 10_000),
    parent: frusSeriesTitle,
  };
}
