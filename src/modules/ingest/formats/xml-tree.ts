import { SaxesParser, type SaxesTagNS } from 'saxes';
import { SourceFileError } from './source-text.ts';

/**
 * A small element tree over a strict XML parser (saxes). TEI readers walk documents in order and
 * look at text, attributes and children; a full DOM would be heavier and slower for a 2 MB volume.
 * saxes never fetches DTDs or external entities, so an import file cannot make the server read other
 * files or the network.
 */
export type XmlElement = {
  /** Local name, without a namespace prefix (`div`, `persName`). */
  name: string;
  /** Attributes by qualified name (`type`, `xml:id`, `corresp`). */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Line of the start tag, for error reports. */
  line: number;
};
export type XmlNode = XmlElement | string;

export const isElement = (node: XmlNode | undefined): node is XmlElement =>
  typeof node === 'object' && node !== null;

/** Parses a whole XML text; throws SourceFileError naming the line for anything not well-formed. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: XmlElement = { name: '#document', attrs: {}, children: [], line: 1 };
  const stack: XmlElement[] = [root];
  let failure: SourceFileError | undefined;

  parser.on('error', (error) => {
    if (!failure) failure = new SourceFileError(describeXmlError(error.message), parser.line);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) attrs[name] = attribute.value;
    const element: XmlElement = { name: tag.local, attrs, children: [], line: parser.line };
    stack[stack.length - 1]!.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (text: string) => {
    const parent = stack[stack.length - 1]!;
    const last = parent.children[parent.children.length - 1];
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + text;
    else parent.children.push(text);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  try {
    parser.write(text).close();
  } catch (error) {
    if (!failure) failure = new SourceFileError(describeXmlError((error as Error).message), parser.line);
  }
  if (failure) throw failure;
  const top = root.children.find(isElement);
  if (!top) throw new SourceFileError('the file holds no XML element');
  return top;
}

/** saxes prefixes its messages with a position we report separately; keep the reason readable. */
function describeXmlError(message: string): string {
  const reason = message.replace(/^(?:[^:\d][^:]*:)?\d+:\d+:\s*/, '').trim();
  if (/unclosed tag|unexpected end/i.test(reason)) return `the XML ends too early (truncated?): ${reason}`;
  return `the XML is not well-formed: ${reason}`;
}

/** The XML declaration's encoding, so a Latin-1 file declared as such is read correctly. */
export function xmlDeclaredEncoding(head: string): string | undefined {
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
}

/** Child elements, optionally of one name. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (node): node is XmlElement => isElement(node) && (name === undefined || node.name === name),
  );
}

export const firstChild = (element: XmlElement, name: string): XmlElement | undefined =>
  childElements(element, name)[0];

/** Every descendant element (depth first, in document order) that matches. */
export function descendants(
  element: XmlElement,
  match: (element: XmlElement) => boolean,
  options: { into?: (element: XmlElement) => boolean } = {},
): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (node: XmlElement) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (match(child)) found.push(child);
      if (!options.into || options.into(child)) walk(child);
    }
  };
  walk(element);
  return found;
}

/** Follows a path of child names (`teiHeader/fileDesc/titleStmt`). */
export function path(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = element;
  for (const name of names) {
    if (!current) return undefined;
    current = firstChild(current, name);
  }
  return current;
}

/** The text content, optionally leaving out some elements (notes inside a heading). */
export function textOf(node: XmlNode | undefined, skip?: (element: XmlElement) => boolean): string {
  if (node === undefined) return '';
  if (!isElement(node)) return node;
  if (skip?.(node)) return '';
  if (node.name === 'lb') return ' ';
  return node.children.map((child) => textOf(child, skip)).join('');
}
