import path from 'node:path';
import type { AgentRef, DocumentRecordInput } from '../../documents/documents.schemas.ts';
import { clip, type FormatItem, problem, type SourcePosition, squash } from './format.ts';
import { parseSourceNote } from './frus-source-note.ts';
import { type FrusVolume, readBibliography, readVolumeHeader, volumeCollection } from './frus-volume.ts';
import { findEnglishDate, fromIsoRange, fromIsoWhen } from './source-dates.ts';
import { readSourceText, SourceFileError } from './source-text.ts';
import { TeiRenderer } from './tei-html.ts';
import {
  descendants,
  firstChild,
  isElement,
  parseXml,
  textOf,
  type XmlElement,
  xmlDeclaredEncoding,
} from './xml-tree.ts';

/**
 * Reads one volume of the Foreign Relations of the United States (TEI P5 as the Office of the
 * Historian publishes it): every `div[@type="document"]` becomes one record with the external ID
 * `<volume id>/<xml:id>`, e.g. `frus1961-63v06/d12`.
 */
export async function* readFrusVolumeFile(file: string, displayName: string): AsyncGenerator<FormatItem> {
  const source: SourcePosition = { file: displayName };
  let tei: XmlElement;
  try {
    tei = parseXml(await readSourceText(file, 'TEI XML file', xmlDeclaredEncoding));
  } catch (error) {
    if (!(error instanceof SourceFileError)) throw error;
    yield problem({ ...source, ...(error.line ? { line: error.line } : {}) }, error.message);
    return;
  }
  if (tei.name !== 'TEI') {
    yield problem(source, `this XML is a <${tei.name}>, not a TEI document`);
    return;
  }
  const documents = descendants(tei, isDocumentDiv, { into: (element) => !isDocumentDiv(element) });
  if (documents.length === 0) {
    yield problem(source, 'this TEI file has no div type="document" (is it a FRUS volume?)');
    return;
  }
  const header = readVolumeHeader(tei, path.basename(file, path.extname(file)));
  const volume: FrusVolume = {
    ...header,
    documentIds: new Set(documents.map((div) => div.attrs['xml:id']).filter((id): id is string => !!id)),
  };
  try {
    const bibliography = await readBibliography(file, volume.id);
    if (bibliography) {
      volume.summary = bibliography.summary;
      volume.publishedYear = bibliography.publishedYear ?? volume.publishedYear;
    }
  } catch (error) {
    const message = error instanceof SourceFileError ? error.message : String(error);
    yield problem(source, `the bibliography record of ${volume.id} was ignored: ${message}`, {
      severity: 'warning',
    });
  }

  for (const [index, div] of documents.entries()) {
    const position = { ...source, line: div.line };
    const id = div.attrs['xml:id'] ?? (div.attrs.n ? `d${div.attrs.n}` : undefined);
    if (!id) {
      yield problem(position, 'a document has neither xml:id nor n, so it cannot be identified', {
        field: 'externalId',
      });
      continue;
    }
    yield {
      kind: 'record',
      source: position,
      record: frusDocument(div, id, volume),
      baseDir: path.dirname(file),
      progress: (index + 1) / documents.length,
    };
  }
}

const isDocumentDiv = (element: XmlElement) => element.name === 'div' && element.attrs.type === 'document';

const historianBase = 'https://history.state.gov/historicaldocuments';

export function frusDocument(div: XmlElement, id: string, volume: FrusVolume): DocumentRecordInput {
  const externalId = `${volume.id}/${id}`;
  const head = firstChild(div, 'head');
  const sourceNote = head ? findSourceNote(head) : undefined;
  const number = div.attrs.n ?? id.replace(/^d/, '');
  const title = head ? squash(textOf(head, (element) => element.name === 'note')) : '';
  const cleanTitle = title.replace(new RegExp(`^${escapeRegExp(number)}\\.\\s*`), '') || `Document ${number}`;

  const note = sourceNote ? parseSourceNote(textOf(sourceNote)) : undefined;
  const dateline =
    firstChild(div, 'dateline') ?? descendants(div, (element) => element.name === 'dateline')[0];
  const dateElement = dateline ? descendants(dateline, (element) => element.name === 'date')[0] : undefined;
  const date = dateElement
    ? (fromIsoWhen(dateElement.attrs.when) ??
      fromIsoRange(
        dateElement.attrs.from ?? dateElement.attrs.notBefore,
        dateElement.attrs.to ?? dateElement.attrs.notAfter,
      ) ??
      findEnglishDate(textOf(dateElement)))
    : undefined;
  const place = dateline
    ? squash(textOf(descendants(dateline, (element) => element.name === 'placeName')[0]))
    : '';

  const related = new Set<string>();
  const renderer = new TeiRenderer({
    idPrefix: id,
    glossary: new Map([...volume.terms].map(([termId, term]) => [termId, term.expansion])),
    resolveLink: (target) => {
      const link = frusLink(target, volume);
      if (link?.document && link.document !== externalId) related.add(link.document);
      return link?.href;
    },
  });
  const body = renderer.flow(div.children.filter((node) => !(isElement(node) && node.name === 'head')));
  const notes = renderer.footnoteSection(sourceNote ? [renderer.unmarkedNote(sourceNote)] : []);
  const html = [body, notes].filter((part) => part !== '').join('\n');

  const translation = note?.translation;
  const editors = volume.editors.map((editor) => ({ role: 'editor' as const, name: editor.name }));
  return {
    externalId,
    title: clip(cleanTitle, 2000),
    subtitle: `${volume.title}, Document ${number}`,
    date: date ?? null,
    placeOfOrigin: place || null,
    type: documentType(cleanTitle),
    classifications: note?.classifications ?? [],
    languages: translation ? (translation.originalLanguage ? [translation.originalLanguage] : []) : ['en'],
    repository: note?.repository ?? null,
    archivalReference: note?.archivalReference ? clip(note.archivalReference, 1000) : null,
    program: 'US Department of State, Office of the Historian',
    credits: editors,
    rights: 'Public domain: a work of the United States Government (17 U.S.C. § 105).',
    agents: frusAgents(div, head, volume),
    subjects: frusSubjects(div, volume),
    collections: [volumeCollection(volume)],
    related: [...related].slice(0, 200).map((ref) => ({ externalId: ref })),
    assets:
      html === ''
        ? []
        : [
            translation
              ? {
                  kind: 'translation',
                  language: 'en',
                  label: translation.label,
                  translator: translation.translator,
                  html,
                }
              : { kind: 'transcript', language: 'en', label: 'Transcript (FRUS edition)', html },
          ],
  };
}

function findSourceNote(head: XmlElement): XmlElement | undefined {
  const notes = descendants(head, (element) => element.name === 'note');
  return notes.find((note) => note.attrs.type === 'source') ?? notes[0];
}

/** A `ref/@target` of a FRUS volume as a public address, and the document it names, if any. */
export function frusLink(
  target: string,
  volume: Pick<FrusVolume, 'id' | 'documentIds'>,
): { href: string; document?: string } | undefined {
  const value = target.trim();
  if (/^https?:\/\//i.test(value)) return { href: value };
  const match = /^([\w.-]*)#([\w.-]+)$/.exec(value) ?? /^(frus[\w.-]+)$/.exec(value);
  if (!match) return undefined;
  const volumeId = match[1] || volume.id;
  const fragment = match[2] ?? '';
  const documentId = /^(d\d+)(?:fn\d+)?$/.exec(fragment)?.[1];
  const href = fragment
    ? `${historianBase}/${volumeId}/${documentId ?? fragment}`
    : `${historianBase}/${volumeId}`;
  // Only documents of this volume become record links: another volume may never be imported.
  if (documentId && volumeId === volume.id && volume.documentIds.has(documentId)) {
    return { href, document: `${volumeId}/${documentId}` };
  }
  return { href };
}

const rolePriority: Record<AgentRef['role'], number> = {
  author: 0,
  recipient: 1,
  participant: 2,
  mentioned: 3,
};

/**
 * People and organizations: the heading's `type="from"`/`type="to"` names are the authors and
 * recipients, names in a participants list took part, and every other person of the volume's list
 * of names that the text points to is mentioned.
 */
function frusAgents(div: XmlElement, head: XmlElement | undefined, volume: FrusVolume) {
  const agents = new Map<
    string,
    {
      name: string;
      kind: 'person' | 'organization';
      role: AgentRef['role'];
      note: string | null;
      variants: string[];
    }
  >();
  const add = (
    key: string,
    entry: {
      name: string;
      kind: 'person' | 'organization';
      role: AgentRef['role'];
      note?: string | null;
      variants?: string[];
    },
  ) => {
    const existing = agents.get(key);
    if (existing && rolePriority[existing.role] <= rolePriority[entry.role]) return;
    agents.set(key, {
      name: entry.name,
      kind: entry.kind,
      role: entry.role,
      note: entry.note ?? existing?.note ?? null,
      variants: entry.variants ?? existing?.variants ?? [],
    });
  };
  const person = (corresp: string | undefined, text: string, role: AgentRef['role']) => {
    const ids = (corresp ?? '')
      .split(/\s+/)
      .map((ref) => ref.replace(/^#/, ''))
      .filter(Boolean);
    for (const personId of ids) {
      const known = volume.persons.get(personId);
      if (!known) continue;
      add(`p:${personId}`, {
        name: known.name,
        kind: 'person',
        role,
        note: known.note,
        variants: directOrder(known.name),
      });
    }
    if (ids.length === 0 && role !== 'mentioned' && text !== '')
      add(`n:${text.toLowerCase()}`, { name: text, kind: 'person', role });
  };

  if (head) {
    for (const element of descendants(head, (e) => e.attrs.type === 'from' || e.attrs.type === 'to', {
      into: (e) => e.name !== 'note',
    })) {
      const role = element.attrs.type === 'from' ? 'author' : 'recipient';
      const text = squash(textOf(element));
      if (element.name === 'persName') person(element.attrs.corresp, text, role);
      else if ((element.name === 'gloss' || element.name === 'orgName') && text !== '') {
        const expansion = element.attrs.target
          ? volume.terms.get(element.attrs.target.replace(/^#/, ''))?.expansion
          : undefined;
        const name = expansion && element.name === 'gloss' && isOrganization(expansion) ? expansion : text;
        add(`o:${name.toLowerCase()}`, { name: clip(name, 500), kind: 'organization', role });
      }
    }
  }
  for (const list of descendants(div, (e) => e.name === 'list' && e.attrs.type === 'participants')) {
    for (const element of descendants(list, (e) => e.name === 'persName'))
      person(element.attrs.corresp, '', 'participant');
  }
  for (const element of descendants(div, (e) => e.name === 'persName' && !!e.attrs.corresp)) {
    person(element.attrs.corresp, '', 'mentioned');
  }
  for (const termId of glossTargets(div)) {
    const term = volume.terms.get(termId);
    if (!term || !isOrganization(term.expansion)) continue;
    const name = organizationName(term.expansion);
    add(`o:${name.toLowerCase()}`, { name, kind: 'organization', role: 'mentioned', variants: term.forms });
  }
  return [...agents.values()].slice(0, 500).map((agent) => ({
    name: agent.name,
    kind: agent.kind,
    role: agent.role,
    note: agent.note ? clip(agent.note, 10_000) : null,
    variants: agent.variants.filter((variant) => variant !== agent.name).slice(0, 100),
  }));
}

/** Abbreviations and cryptonyms the document uses, as subjects ("PBSUCCESS", "USSR"). */
function frusSubjects(div: XmlElement, volume: FrusVolume) {
  const subjects = new Map<string, { name: string; variants: string[]; note: string | null }>();
  for (const termId of glossTargets(div)) {
    const term = volume.terms.get(termId);
    // Generic abbreviations ("a/c: aircraft", "sab: sabotage") are shorthand, not subjects.
    if (
      !term ||
      !/^[A-Z“"]/.test(term.expansion) ||
      isOrganization(term.expansion) ||
      isPosition(term.expansion)
    )
      continue;
    const name = term.forms.reduce((longest, form) => (form.length > longest.length ? form : longest), '');
    if (name === '' || subjects.has(name.toLowerCase())) continue;
    subjects.set(name.toLowerCase(), {
      name: clip(name, 500),
      variants: term.forms.filter((form) => form !== name),
      note: clip(term.expansion, 10_000),
    });
  }
  return [...subjects.values()].slice(0, 200);
}

function glossTargets(div: XmlElement): string[] {
  const ids = descendants(div, (e) => e.name === 'gloss' && !!e.attrs.target).flatMap((e) =>
    e.attrs.target!.split(/\s+/).map((ref) => ref.replace(/^#/, '')),
  );
  return [...new Set(ids)];
}

const organizationWords =
  /\b(Agency|Organi[sz]ation|Company|Department|Office|Bureau|Board|Committee|Council|Federation|Confederation|Party|Front|Administration|Station|Mission|Association|Airlines|Press|Government|Embassy|Commission|Nations|Staff|Division|Headquarters|Force|Navy|Army|Ministry|Secretariat|Institute|Service)\b/;

const isPosition = (expansion: string) =>
  /^(Acting |Deputy |Assistant |Chief|Director|Head|Secretary|Special Assistant|Under Secretary|Ambassador|Executive Secretary)\b/.test(
    expansion,
  );

/**
 * An expansion that names an organization ("Central Intelligence Agency", "CIA Station in
 * Guatemala"), as opposed to one that describes something ("Central Intelligence Agency covert
 * operation to overthrow ..."): a name has capitalised words apart from short joining words.
 */
function isOrganization(expansion: string): boolean {
  if (!/^[A-Z]/.test(expansion) || /;/.test(expansion) || isPosition(expansion)) return false;
  const bare = expansion.replace(/\s*\([^)]*\)/g, '');
  if (!organizationWords.test(bare)) return false;
  return bare
    .split(/\s+/)
    .every(
      (word) =>
        /^[\p{Lu}\d[“"(]/u.test(word) ||
        /^(of|the|and|for|in|to|on|at|de|del|la|las|los|y|du|des)$/.test(word),
    );
}

const organizationName = (expansion: string) => clip(expansion.split(';')[0]!.trim(), 500);

/**
 * "Adenauer, Conrad" is also written "Conrad Adenauer"; both should find the same person. A rank
 * ("Colonel") is left out of the direct form, and a pseudonym in parentheses becomes a name of its own.
 */
function directOrder(name: string): string[] {
  const pseudonym = /\(([^)]+)\)/.exec(name)?.[1]?.trim();
  const plain = name.replace(/\s*\([^)]*\)/g, '').trim();
  const match = /^([^,]+),\s*([^,]+)$/.exec(plain);
  const given = match?.[2]?.replace(
    /^(?:Colonel|General|Admiral|Major|Captain|Lieutenant|Dr\.|Mr\.|Mrs\.|Sir)\s+/i,
    '',
  );
  const variants = match ? [`${given} ${match[1]}`] : [];
  if (plain !== name) variants.push(plain);
  if (pseudonym && /^[A-Z][\p{L}.'-]+(?:\s+[A-Z][\p{L}.'-]*)+$/u.test(pseudonym)) variants.push(pseudonym);
  return variants;
}

/** The kind of document, from the way FRUS titles begin ("Telegram From ...", "Memorandum of ..."). */
export function documentType(title: string): string | null {
  const patterns: [RegExp, string][] = [
    [/^editorial note/i, 'editorial note'],
    [/^memorandum of (?:a )?conversation/i, 'memorandum of conversation'],
    [/^memorandum of (?:a )?telephone conversation/i, 'memorandum of telephone conversation'],
    [/^memorand(?:um|urn) for the record/i, 'memorandum for the record'],
    [/^memorand(?:um|urn)\b/i, 'memorandum'],
    [/^(?:letter|note) from\b/i, 'letter'],
    [/^message from\b/i, 'message'],
    [/^(?:telegram|cable)\b/i, 'telegram'],
    [/^dispatch\b|^despatch\b/i, 'dispatch'],
    [/^minutes\b/i, 'minutes'],
    [/^record of\b/i, 'record'],
    [/^transcript\b/i, 'transcript'],
    [/^contact report\b/i, 'contact report'],
    [/^(?:national |special )?intelligence estimate\b/i, 'intelligence estimate'],
    [/^(?:intelligence )?report\b|\breport prepared\b|\breport summary\b/i, 'report'],
    [/^(?:special )?paper\b/i, 'paper'],
    [/^oral statement\b/i, 'oral statement'],
    [/^summary\b/i, 'summary'],
    [/^notes?\b/i, 'notes'],
    [/^instructions?\b/i, 'instruction'],
    [/^(?:draft )?(?:joint )?statement\b/i, 'statement'],
  ];
  return patterns.find(([pattern]) => pattern.test(title))?.[1] ?? null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
