/**
 * A tiny XML writer for the machine-readable surfaces (OAI-PMH, sitemaps, Atom). Text reaches
 * harvesters verbatim, so everything goes through `escapeXml`, which also drops characters XML 1.0
 * forbids (control characters, lone surrogates): one stray byte in a title must not make a whole
 * harvest unparseable.
 */

const forbiddenInXml =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(value: string): string {
  return value
    .replace(forbiddenInXml, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export type XmlAttributes = Record<string, string | number | undefined | null>;

/** Renders attributes, skipping absent ones, in the order given. */
export function xmlAttributes(attributes: XmlAttributes = {}): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

/** One element with text content (escaped), or empty when the text is empty. */
export function textElement(name: string, text: string | number, attributes?: XmlAttributes): string {
  return `<${name}${xmlAttributes(attributes)}>${escapeXml(String(text))}</${name}>`;
}

/** One element around already-rendered children. */
export function element(name: string, children: string | string[], attributes?: XmlAttributes): string {
  const inner = Array.isArray(children) ? children.join('') : children;
  return inner === ''
    ? `<${name}${xmlAttributes(attributes)}/>`
    : `<${name}${xmlAttributes(attributes)}>${inner}</${name}>`;
}

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
