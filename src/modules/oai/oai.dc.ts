import { paths } from '../documents/documents.presenters.ts';
import type { StoredDocument } from '../documents/documents.repository.ts';
import { isoHistoricalDate } from '../documents/historical-date.ts';
import { element, textElement } from '../feeds/xml.ts';

/**
 * A published record as simple Dublin Core (`oai_dc`). Only public fields: the record passed in has
 * already gone through the published-only query, which also drops links to unpublished records.
 */
export function dublinCore(d: StoredDocument, site: { baseUrl: string; archiveName: string }): string {
  const fields: [string, string | null | undefined][] = [];
  const add = (name: string, values: (string | null | undefined)[]) => {
    for (const value of values) if (value && value.trim() !== '') fields.push([name, value]);
  };
  const url = (path: string) => `${site.baseUrl}${path}`;

  add('title', [d.title, d.subtitle]);
  add(
    'creator',
    d.agents.filter((a) => a.role === 'author').map((a) => a.name),
  );
  add(
    'contributor',
    d.credits.map((c) => (c.role === 'translator' ? `${c.name} (translator)` : `${c.name} (${c.role})`)),
  );
  add(
    'subject',
    d.subjects.map((s) => s.name),
  );
  add('description', [d.summary]);
  add('publisher', [site.archiveName]);
  add('date', [d.date ? isoHistoricalDate(d.date) : null]);
  add('type', ['Text', d.type]);
  add('identifier', [url(paths.document(d.id))]);
  add('language', d.languages);
  add('coverage', [...d.places.map((p) => p.name), d.placeOfOrigin]);
  add('source', [[d.repository?.name, d.archivalReference].filter(Boolean).join(', ') || null]);
  add(
    'relation',
    [...d.related, ...d.attachments, ...d.attachedTo].map((r) => url(paths.document(r.id))),
  );
  add(
    'relation',
    d.collections.map((c) => url(paths.authority(c))),
  );
  add('rights', [d.rights]);

  return element(
    'oai_dc:dc',
    fields.map(([name, value]) => textElement(`dc:${name}`, value ?? '')),
    {
      'xmlns:oai_dc': 'http://www.openarchives.org/OAI/2.0/oai_dc/',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation':
        'http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
    },
  );
}
