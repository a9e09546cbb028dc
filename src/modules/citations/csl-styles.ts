import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { Config } from '../../config/config.ts';
import type { CitableDocument, CitationOptions } from './chicago.ts';
import { type CitationPart, type FormattedCitation, finishCitation } from './citation-parts.ts';
import { toCslItem } from './citation-record.ts';
import { builtInCitationStyles, type CitationStyle } from './citation-styles.ts';

/** The styles a page offers: the built-in ones, and any CSL style of the configured directory by `?cite=csl:<name>`. */
export type CitationCatalog = {
  builtIn: CitationStyle[];
  /** CSL styles to list in the chooser; empty when the directory holds too many to list. */
  listedCsl: { id: string; label: string }[];
  /** How many CSL styles the directory offers. */
  cslCount: number;
  /** The style an id names, else Chicago notes-bibliography. */
  find: (id: string | undefined) => CitationStyle;
};

/** Beyond this many a chooser becomes a wall of names; a name field takes over. */
const listLimit = 60;
const fileNamePattern = /^[a-z0-9][a-z0-9._-]{0,120}\.csl$/i;
const maxStyleBytes = 1_000_000;

const chicago = builtInCitationStyles[0]!;

/** The `<title>` of a CSL file's `<info>`, with XML entities decoded. */
function styleTitle(xml: string): string | undefined {
  const title = /<info>[\s\S]*?<title>([^<]{1,300})<\/title>/.exec(xml)?.[1];
  return title
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** A style CSL processors can run on its own: a dependent style only points at another one. */
const isIndependent = (xml: string) => xml.includes('<style') && !/rel="independent-parent"/.test(xml);

/** Plain CSL output as citation parts, the record's URL made a link. */
function partsFromText(text: string, url: string): FormattedCitation {
  const at = text.indexOf(url);
  const parts: CitationPart[] =
    at === -1
      ? [{ text }]
      : [{ text: text.slice(0, at) }, { text: url, role: 'url' }, { text: text.slice(at + url.length) }];
  return finishCitation(parts);
}

function cslStyle(id: string, label: string, template: string): CitationStyle {
  return {
    id,
    label,
    format: (doc: CitableDocument, options: CitationOptions) => {
      const item = toCslItem(doc, options);
      const url = String(item.URL);
      try {
        const cite = new Cite([item]);
        const render = (kind: 'citation' | 'bibliography') =>
          cite.format(kind, { format: 'text', template, lang: 'en-US' }).replace(/\s+/g, ' ').trim();
        return [
          { label: 'Citation', citation: partsFromText(render('citation'), url) },
          { label: 'Bibliography', citation: partsFromText(render('bibliography'), url) },
        ];
      } catch {
        // A style the processor cannot run must not take the page down; Chicago stands in, said so.
        return chicago
          .format(doc, options)
          .map((form) => ({ ...form, label: `${form.label} (Chicago: ${label} could not be applied)` }));
      }
    },
  };
}

/**
 * Reads a directory of CSL files once. Only names are listed at first; a file is read, checked and
 * registered with citation-js the first time its style is asked for, so a directory of 2,500 styles
 * costs nothing until used. citation-js keeps templates in one registry per process, so each template
 * is named after its file's path to keep two directories apart.
 */
export function createCitationCatalog(cslDir: string | undefined): CitationCatalog {
  let names: string[] = [];
  if (cslDir) {
    try {
      names = fs
        .readdirSync(cslDir)
        .filter((name) => fileNamePattern.test(name))
        .sort();
    } catch {
      names = [];
    }
  }
  const available = new Set(names.map((name) => name.slice(0, -4).toLowerCase()));
  const loaded = new Map<string, CitationStyle | null>();

  function load(name: string): CitationStyle | null {
    if (loaded.has(name)) return loaded.get(name)!;
    let style: CitationStyle | null = null;
    try {
      const file = path.join(cslDir!, `${names.find((n) => n.slice(0, -4).toLowerCase() === name)}`);
      const stat = fs.statSync(file);
      const xml = stat.isFile() && stat.size <= maxStyleBytes ? fs.readFileSync(file, 'utf8') : '';
      if (isIndependent(xml)) {
        const template = `chancery-${createHash('sha1').update(file).digest('hex').slice(0, 12)}`;
        const registry = plugins.config.get('@csl').styles;
        if (!registry.has(template)) registry.add(template, xml);
        style = cslStyle(`csl:${name}`, `${styleTitle(xml) ?? name} (CSL)`, template);
      }
    } catch {
      style = null;
    }
    loaded.set(name, style);
    return style;
  }

  const listedCsl =
    names.length <= listLimit
      ? names
          .map((n) => load(n.slice(0, -4).toLowerCase()))
          .filter((s): s is CitationStyle => s !== null)
          .map((s) => ({ id: s.id, label: s.label }))
      : [];

  return {
    builtIn: builtInCitationStyles,
    listedCsl,
    cslCount: names.length,
    find: (requested) => {
      const key = requested?.trim().toLowerCase() ?? '';
      const builtIn = builtInCitationStyles.find((s) => s.id === key);
      if (builtIn) return builtIn;
      const name = key.startsWith('csl:') ? key.slice(4) : '';
      return (available.has(name) && load(name)) || chicago;
    },
  };
}

const catalogs = new Map<string, CitationCatalog>();

/** The catalog for a configuration, built once per directory (pages ask for it on every render). */
export function citationCatalogFor(config: Pick<Config, 'cslDir'>): CitationCatalog {
  const key = config.cslDir ?? '';
  let catalog = catalogs.get(key);
  if (!catalog) {
    catalog = createCitationCatalog(config.cslDir);
    catalogs.set(key, catalog);
  }
  return catalog;
}
