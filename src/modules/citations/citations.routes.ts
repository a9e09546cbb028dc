import { Hono } from 'hono';
import type { Container } from '../../app/container.ts';
import { notFound } from '../../app/errors.ts';
import { parseRecordId } from '../../app/route-params.ts';
import { DocumentWithdrawnError, getPublicDocument } from '../documents/documents.queries.ts';
import type { StoredDocument } from '../documents/documents.repository.ts';
import { toBiblatex } from './biblatex.ts';
import type { CitationOptions } from './chicago.ts';
import { type CitationFormat, citationFormats } from './citation-links.ts';
import { toCslItem } from './citation-record.ts';
import { toRis } from './ris.ts';

const writers: Record<CitationFormat, (doc: StoredDocument, options: CitationOptions) => string> = {
  ris: toRis,
  bib: toBiblatex,
  json: (doc, options) => `${JSON.stringify([toCslItem(doc, options)], null, 2)}\n`,
};

/**
 * Citation downloads at stable addresses beside the page: `/documents/1234.ris`, `.bib`, `.json`
 * (CSL-JSON). The pattern admits digits and a known extension only, so `/documents/1234` stays the
 * page's and `/documents/abc.ris` is simply not found. Unlike the page these are not cached: they carry
 * the day of the request as the access date, which a cached page could not do truthfully.
 */
export function citationRoutes({ database, config }: Pick<Container, 'database' | 'config'>) {
  const app = new Hono();

  app.get('/documents/:file{[0-9]+\\.(?:ris|bib|json)}', async (c) => {
    const file = c.req.param('file');
    const dot = file.lastIndexOf('.');
    const format = file.slice(dot + 1) as CitationFormat;
    const id = parseRecordId(file.slice(0, dot));
    if (id === undefined)
      throw notFound('documents.not_found', 'There is no published document at this address.');
    let document: StoredDocument;
    try {
      document = await getPublicDocument(database, id);
    } catch (error) {
      if (!(error instanceof DocumentWithdrawnError)) throw error;
      c.header('Content-Type', 'text/plain; charset=utf-8');
      return c.body(`Record ${id} has been withdrawn from the archive; its page says why.\n`, 410);
    }
    const body = writers[format](document, {
      baseUrl: config.baseUrl,
      archiveName: config.archiveName,
      accessedOn: new Date(),
    });
    const { mediaType, charset } = citationFormats[format];
    c.header('Content-Type', charset ? `${mediaType}; charset=utf-8` : mediaType);
    // The file name is built from the record ID alone, so no title can smuggle quotes or paths into it.
    c.header('Content-Disposition', `attachment; filename="chancery-document-${id}.${format}"`);
    c.header('Cache-Control', 'no-cache');
    c.header('Link', `<${config.baseUrl}/documents/${id}>; rel="canonical"`);
    return c.body(body);
  });

  return app;
}
