import path from 'node:path';
import type { DocumentRecordInput } from '../../documents/documents.schemas.ts';
import { normalizeLanguage } from '../../shared/languages.ts';
import { clip, type FormatItem, problem, type SourcePosition, squash } from './format.ts';
import { parseSourceNote } from './frus-source-note.ts';
import { documentType } from './frus-tei.ts';
import { findEnglishDate, fromIsoRange, fromIsoWhen } from './source-dates.ts';
import { readSourceText, SourceFileError } from './source-text.ts';
import { TeiRenderer } from './tei-html.ts';
import {
  childElements,
  descendants,
  firstChild,
  isElement,
  parseXml,
  textOf,
  type XmlElement,
  xmlDeclaredEncoding,
  path as xmlPath,
} from './xml-tree.ts';

/**
 * Reads a TEI file that holds one archival document (as the Office of the Historian publishes its
 * declassified records about the FRUS series): the header gives the titles and the document's date,
 * the source description links to the published scan, a paragraph before the text cites where the
 * original is held, and the text is one or more `div[@type="document"]` (a letter and its replies are
 * one record). The external ID is the file name without its extension.
 */
export async function* readTeiDocumentFile(file: string, displayName: string): AsyncGenerator<FormatItem> {
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
  const externalId = path.basename(file, path.extname(file));
  const result = teiDocument(tei, externalId);
  if (typeof result === 'string') {
    yield problem(source, result, { record: externalId });
    return;
  }
  for (const warning of result.warnings)
    yield problem(source, warning, { record: externalId, severity: 'warning' });
  yield { kind: 'record', source, record: result.record, baseDir: path.dirname(file) };
}

const historianSite = /^https?:\/\/(?:static\.)?history\.state\.gov\//i;

export function teiDocument(
  tei: XmlElement,
  externalId: string,
): { record: DocumentRecordInput; warnings: string[] } | string {
  const warnings: string[] = [];
  const fileDesc = xmlPath(tei, 'teiHeader', 'fileDesc');
  const titles = fileDesc ? childElements(xmlPath(fileDesc, 'titleStmt') ?? fileDesc, 'title') : [];
  const titleOf = (type: string) => squash(textOf(titles.find((title) => title.attrs.type === type)));
  const body = xmlPath(tei, 'text', 'body');
  if (!body) return 'this TEI file has no text/body';
  const divisions = descendants(body, isDocumentDiv, { into: (element) => !isDocumentDiv(element) });
  const firstHead = squash(textOf(divisions[0] ? firstChild(divisions[0], 'head') : undefined, isNote));
  const title = titleOf('complete') || titleOf('main') || squash(textOf(titles[0])) || firstHead;
  if (!title) return 'the document has no title (teiHeader/fileDesc/titleStmt/title) and no heading';
  const shortTitle = titleOf('short');

  const publicationStmt = fileDesc ? firstChild(fileDesc, 'publicationStmt') : undefined;
  const dates = publicationStmt ? childElements(publicationStmt, 'date') : [];
  const created = dates.find((date) => date.attrs.type === 'created');
  let date = created
    ? (fromIsoWhen(created.attrs.when) ??
      fromIsoRange(created.attrs.from ?? created.attrs.notBefore, created.attrs.to ?? created.attrs.notAfter))
    : undefined;
  if (created && !date)
    warnings.push(`the created date "${created.attrs.when ?? textOf(created)}" could not be read`);
  const firstDateline = divisions[0] ? firstChild(divisions[0], 'dateline') : undefined;
  if (!date && firstDateline) {
    const text = findEnglishDate(textOf(firstDateline));
    if (text) date = { start: text };
  }
  const place = firstDateline
    ? squash(textOf(descendants(firstDateline, (element) => element.name === 'placeName')[0]))
    : '';

  const renderer = new TeiRenderer({
    idPrefix: 'n',
    resolveLink: (target) => resolveLink(target),
  });
  const textParts: string[] = [];
  const sourceParagraphs: XmlElement[] = [];
  for (const node of body.children) {
    if (!isElement(node)) continue;
    if (isDocumentDiv(node)) textParts.push(renderDivision(renderer, node));
    else if (divisions.length > 0 && textParts.length === 0 && node.name === 'p') sourceParagraphs.push(node);
    else textParts.push(renderer.flow([node]));
  }
  const sourceText = sourceParagraphs
    .map((p) => squash(textOf(p)))
    .find((text) => !/^cited in\b/i.test(text));
  const note = sourceText ? parseSourceNote(sourceText) : undefined;

  const scanLinks = fileDesc
    ? descendants(firstChild(fileDesc, 'sourceDesc') ?? fileDesc, (e) => e.name === 'ref')
    : [];
  const sourceDesc = fileDesc ? firstChild(fileDesc, 'sourceDesc') : undefined;
  const lead = [
    ...sourceParagraphs.map((p) => renderer.unmarkedNote(p)),
    ...(sourceDesc ? childElements(sourceDesc, 'p').map((p) => renderer.unmarkedNote(p)) : []),
  ].filter((part) => part !== '');
  const html = [textParts.filter((part) => part !== '').join('\n'), renderer.footnoteSection(lead)]
    .filter((part) => part !== '')
    .join('\n');
  if (textParts.join('').trim() === '') warnings.push('the document has no text in its body');

  const fromHistorian = scanLinks.some((ref) => historianSite.test(ref.attrs.target ?? ''));
  const language = documentLanguage(tei);
  return {
    warnings,
    record: {
      externalId,
      title: clip(title, 2000),
      subtitle: shortTitle && shortTitle !== title ? clip(shortTitle, 2000) : null,
      date: date ?? null,
      placeOfOrigin: place || null,
      type: singleDocumentType(title),
      classifications: note?.classifications ?? [],
      languages: [language],
      repository: note?.repository ?? null,
      archivalReference: note?.archivalReference ? clip(note.archivalReference, 1000) : null,
      program: fromHistorian ? 'US Department of State, Office of the Historian' : null,
      rights: fromHistorian
        ? 'Public domain: a work of the United States Government (17 U.S.C. § 105).'
        : null,
      assets: html === '' ? [] : [{ kind: 'transcript', language, label: 'Transcript', html }],
    },
  };
}

const isDocumentDiv = (element: XmlElement) => element.name === 'div' && element.attrs.type === 'document';
const isNote = (element: XmlElement) => element.name === 'note';

/** A division's heading is part of the text (the letter's own heading), so it stays, as a heading. */
function renderDivision(renderer: TeiRenderer, division: XmlElement): string {
  const head = firstChild(division, 'head');
  const rest = division.children.filter((node) => node !== head);
  const heading = head ? renderer.flow(head.children).replace(/^<p>([\s\S]*)<\/p>$/, '<h2>$1</h2>') : '';
  return [heading, renderer.flow(rest)].filter((part) => part !== '').join('\n');
}

/** Links out to the web stay; the Historian's relative links ("../chapter-7#fn81") point to its site. */
function resolveLink(target: string): string | undefined {
  const value = target.trim();
  if (/^https?:\/\//i.test(value)) return value;
  const relative = /^\.\.\/([\w-]+(?:#[\w.-]+)?)$/.exec(value);
  if (relative) return `https://history.state.gov/historicaldocuments/frus-history/${relative[1]}`;
  return undefined;
}

function documentLanguage(tei: XmlElement): string {
  const declared =
    tei.attrs['xml:lang'] ??
    xmlPath(tei, 'text')?.attrs['xml:lang'] ??
    xmlPath(tei, 'teiHeader', 'profileDesc', 'langUsage', 'language')?.attrs.ident;
  return (declared && normalizeLanguage(declared)) || 'en';
}

function singleDocumentType(title: string): string | null {
  if (/^minutes\b/i.test(title)) return 'minutes';
  if (/^correspondence\b/i.test(title)) return 'correspondence';
  if (/^(?:summary|record|notes?)\b.*\bmeeting\b/i.test(title)) return 'minutes';
  return documentType(title) ?? (/\breport\b/i.test(title) ? 'report' : null);
}
