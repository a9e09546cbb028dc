import { type Context, Hono } from 'hono';
import type { Container } from '../../app/container.ts';
import { getPublicDocument } from '../documents/documents.queries.ts';
import type { StoredDocument } from '../documents/documents.repository.ts';
import { element, textElement, xmlDeclaration } from '../feeds/xml.ts';
import { dublinCore } from './oai.dc.ts';
import {
  decodeToken,
  encodeToken,
  exclusiveEnd,
  type OaiError,
  parseDatestamp,
  parseOaiRequest,
  type ResumptionState,
  timestampPrefix,
  toDatestamp,
  type Verb,
} from './oai.protocol.ts';
import { createOaiRepository, type HarvestFilter, type HarvestHeaderRow } from './oai.repository.ts';
import { buildSetHierarchy, rootSetSpec, type SetHierarchy } from './oai.sets.ts';

export type OaiOptions = {
  /** Headers per ListIdentifiers response. */
  identifiersPerPage?: number;
  /** Records per ListRecords response (each is a whole record, so fewer). */
  recordsPerPage?: number;
  /** How long a resumption token stays valid. */
  tokenLifetimeMs?: number;
  now?: () => Date;
};

const oaiNamespace = {
  xmlns: 'http://www.openarchives.org/OAI/2.0/',
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xsi:schemaLocation':
    'http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd',
};

const dcFormat = {
  prefix: 'oai_dc',
  schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
  namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
};

const repositoryIdentifierPattern = /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;

/**
 * The namespace part of OAI identifiers (`oai:archive.example.org:42`): the site's host name, which
 * the oai-identifier scheme requires to be a dotted domain name. A development host (`localhost`,
 * an IP address) gets a fixed stand-in so responses stay valid.
 */
export function repositoryIdentifier(baseUrl: string): string {
  const host = new URL(baseUrl).hostname;
  return repositoryIdentifierPattern.test(host) ? host : 'chancery.localhost';
}

const setSpecPattern = /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/;

function echoable(name: string, value: string): boolean {
  if (name === 'metadataPrefix') return /^[A-Za-z0-9\-_.!~*'()]+$/.test(value);
  if (name === 'set') return setSpecPattern.test(value);
  if (name === 'from' || name === 'until') return parseDatestamp(value) !== undefined;
  if (name === 'identifier') return /^[\x21-\x7e]+$/.test(value) && !/[<>"{}|\\^`]/.test(value);
  return /^[\x21-\x7e]+$/.test(value);
}

/** OAI-PMH 2.0 at `/oai`, GET and POST (application/x-www-form-urlencoded). */
export function oaiRoutes(
  { database, config }: Pick<Container, 'database' | 'config'>,
  options: OaiOptions = {},
) {
  const repository = createOaiRepository(database);
  const identifiersPerPage = options.identifiersPerPage ?? 200;
  const recordsPerPage = options.recordsPerPage ?? 50;
  const tokenLifetimeMs = options.tokenLifetimeMs ?? 24 * 3600 * 1000;
  const now = options.now ?? (() => new Date());
  const baseUrl = `${config.baseUrl}/oai`;
  const namespace = repositoryIdentifier(config.baseUrl);
  const identifierOf = (id: number) => `oai:${namespace}:${id}`;
  const idOfIdentifier = (identifier: string): number | undefined => {
    const prefix = `oai:${namespace}:`;
    if (!identifier.startsWith(prefix)) return undefined;
    const rest = identifier.slice(prefix.length);
    if (!/^[1-9]\d{0,14}$/.test(rest)) return undefined;
    return Number(rest);
  };

  function respond(c: Context, body: string, request: { verb?: Verb; args?: Record<string, string> }) {
    const xml = [
      xmlDeclaration,
      element(
        'OAI-PMH',
        [
          textElement('responseDate', toDatestamp(now().toISOString())),
          textElement('request', baseUrl, request.verb ? { verb: request.verb, ...request.args } : {}),
          body,
        ],
        oaiNamespace,
      ),
    ].join('');
    c.header('Content-Type', 'text/xml; charset=utf-8');
    c.header('Cache-Control', 'no-store');
    return c.body(xml, 200);
  }

  const errorsXml = (errors: OaiError[]) =>
    errors.map((e) => textElement('error', e.message, { code: e.code })).join('');

  async function loadSets(): Promise<SetHierarchy> {
    const [collections, used] = await Promise.all([
      repository.collections(),
      repository.collectionIdsWithPublishedDocuments(),
    ]);
    return buildSetHierarchy(collections, used);
  }

  function headerXml(row: HarvestHeaderRow, specs: string[]) {
    return element(
      'header',
      [
        textElement('identifier', identifierOf(row.id)),
        textElement('datestamp', toDatestamp(row.updatedAt)),
        ...specs.map((spec) => textElement('setSpec', spec)),
      ],
      { status: row.status === 'withdrawn' ? 'deleted' : undefined },
    );
  }

  async function publicRecord(id: number): Promise<StoredDocument | undefined> {
    try {
      return await getPublicDocument(database, id);
    } catch {
      // Withdrawn in between, or a race with an editor: reported as a header only.
      return undefined;
    }
  }

  async function recordXml(row: HarvestHeaderRow, specs: string[]) {
    const document = row.status === 'published' ? await publicRecord(row.id) : undefined;
    const header = headerXml(
      document || row.status !== 'published' ? row : { ...row, status: 'withdrawn' },
      specs,
    );
    return element('record', [
      header,
      ...(document ? [element('metadata', dublinCore(document, config))] : []),
    ]);
  }

  function checkPrefix(prefix: string | undefined): OaiError | undefined {
    return prefix === dcFormat.prefix
      ? undefined
      : {
          code: 'cannotDisseminateFormat',
          message: `This repository disseminates only ${dcFormat.prefix}, not "${prefix}".`,
        };
  }

  async function identify() {
    const earliest = await repository.earliestDatestamp();
    return element('Identify', [
      textElement('repositoryName', config.archiveName),
      textElement('baseURL', baseUrl),
      textElement('protocolVersion', '2.0'),
      textElement('adminEmail', config.adminEmail || `webmaster@${namespace}`),
      textElement('earliestDatestamp', toDatestamp(earliest ?? '1970-01-01T00:00:00.000Z')),
      textElement('deletedRecord', 'persistent'),
      textElement('granularity', 'YYYY-MM-DDThh:mm:ssZ'),
      element(
        'description',
        element(
          'oai-identifier',
          [
            textElement('scheme', 'oai'),
            textElement('repositoryIdentifier', namespace),
            textElement('delimiter', ':'),
            textElement('sampleIdentifier', identifierOf(1)),
          ],
          {
            xmlns: 'http://www.openarchives.org/OAI/2.0/oai-identifier',
            'xsi:schemaLocation':
              'http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd',
          },
        ),
      ),
    ]);
  }

  async function listMetadataFormats(args: Record<string, string>): Promise<string | OaiError[]> {
    if (args.identifier !== undefined) {
      const id = idOfIdentifier(args.identifier);
      if (id === undefined || !(await repository.findHeader(id))) {
        return [{ code: 'idDoesNotExist', message: `There is no record ${args.identifier}.` }];
      }
    }
    return element(
      'ListMetadataFormats',
      element('metadataFormat', [
        textElement('metadataPrefix', dcFormat.prefix),
        textElement('schema', dcFormat.schema),
        textElement('metadataNamespace', dcFormat.namespace),
      ]),
    );
  }

  async function listSets(args: Record<string, string>): Promise<string | OaiError[]> {
    if (args.resumptionToken !== undefined) {
      return [
        {
          code: 'badResumptionToken',
          message: 'ListSets answers in one response; this token was not issued here.',
        },
      ];
    }
    const hierarchy = await loadSets();
    if (hierarchy.sets.length === 0) {
      return [{ code: 'noSetHierarchy', message: 'This archive has no collections, so it has no sets.' }];
    }
    const setXml = (spec: string, name: string, description: string | null) =>
      element('set', [
        textElement('setSpec', spec),
        textElement('setName', name),
        ...(description
          ? [
              element(
                'setDescription',
                element('oai_dc:dc', textElement('dc:description', description), {
                  'xmlns:oai_dc': dcFormat.namespace,
                  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
                  'xsi:schemaLocation': `${dcFormat.namespace} ${dcFormat.schema}`,
                }),
              ),
            ]
          : []),
      ]);
    return element('ListSets', [
      setXml(rootSetSpec, 'All collections', 'Every record filed in a collection of this archive.'),
      ...hierarchy.sets.map((set) => setXml(set.spec, set.name, set.description)),
    ]);
  }

  async function list(
    verb: 'ListIdentifiers' | 'ListRecords',
    args: Record<string, string>,
  ): Promise<string | OaiError[]> {
    let state: ResumptionState;
    const resumed = args.resumptionToken !== undefined;
    if (args.resumptionToken !== undefined) {
      const decoded = decodeToken(args.resumptionToken, now());
      if ('code' in decoded) return [decoded];
      if (decoded.verb !== verb)
        return [{ code: 'badResumptionToken', message: `This token belongs to ${decoded.verb}.` }];
      state = decoded;
    } else {
      state = {
        v: 1,
        verb,
        prefix: args.metadataPrefix,
        set: args.set,
        from: args.from,
        until: args.until,
        cursor: 0,
        expires: 0,
      };
    }

    const errors: OaiError[] = [];
    const from = state.from === undefined ? undefined : parseDatestamp(state.from);
    const until = state.until === undefined ? undefined : parseDatestamp(state.until);
    if (state.from !== undefined && !from) {
      errors.push({
        code: 'badArgument',
        message: `from "${state.from}" is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.`,
      });
    }
    if (state.until !== undefined && !until) {
      errors.push({
        code: 'badArgument',
        message: `until "${state.until}" is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.`,
      });
    }
    if (from && until && from.granularity !== until.granularity) {
      errors.push({ code: 'badArgument', message: 'from and until must have the same granularity.' });
    } else if (from && until && from.date > until.date) {
      errors.push({ code: 'badArgument', message: 'from is later than until.' });
    }
    const formatError = checkPrefix(state.prefix);
    if (formatError) errors.push(formatError);
    if (errors.length > 0) return errors;

    const hierarchy = await loadSets();
    const filter: HarvestFilter = {
      fromPrefix: from ? timestampPrefix(from.date) : undefined,
      untilExclusivePrefix: until ? timestampPrefix(exclusiveEnd(until)) : undefined,
    };
    if (state.set !== undefined) {
      if (hierarchy.sets.length === 0) {
        return [{ code: 'noSetHierarchy', message: 'This archive has no collections, so it has no sets.' }];
      }
      const ids = hierarchy.collectionIdsFor(state.set);
      if (!ids) return [{ code: 'noRecordsMatch', message: `There is no set "${state.set}".` }];
      filter.collectionIds = ids;
    }

    const total = await repository.count(filter);
    const pageSize = verb === 'ListRecords' ? recordsPerPage : identifiersPerPage;
    const after =
      state.afterUpdatedAt !== undefined && state.afterId !== undefined
        ? { updatedAt: state.afterUpdatedAt, id: state.afterId }
        : undefined;
    const rows = total === 0 ? [] : await repository.listHeaders(filter, after, pageSize + 1);
    if (rows.length === 0) return [{ code: 'noRecordsMatch', message: 'No records match these arguments.' }];
    const page = rows.slice(0, pageSize);
    const collectionsOf = await repository.collectionsOf(page.map((row) => row.id));
    const specsOf = (row: HarvestHeaderRow) => hierarchy.specsFor(collectionsOf.get(row.id) ?? []);

    const items: string[] = [];
    for (const row of page) {
      items.push(verb === 'ListRecords' ? await recordXml(row, specsOf(row)) : headerXml(row, specsOf(row)));
    }

    const last = page.at(-1)!;
    const sizeAttributes = {
      completeListSize: Math.max(total, state.cursor + page.length),
      cursor: state.cursor,
    };
    if (rows.length > pageSize) {
      const expires = now().getTime() + tokenLifetimeMs;
      const next = encodeToken({
        ...state,
        afterUpdatedAt: last.updatedAt,
        afterId: last.id,
        cursor: state.cursor + page.length,
        expires,
      });
      items.push(
        textElement('resumptionToken', next, {
          ...sizeAttributes,
          expirationDate: toDatestamp(new Date(expires).toISOString()),
        }),
      );
    } else if (resumed) {
      // The last part of a split list says so with an empty token.
      items.push(element('resumptionToken', '', sizeAttributes));
    }
    return element(verb, items);
  }

  async function getRecord(args: Record<string, string>): Promise<string | OaiError[]> {
    const id = idOfIdentifier(args.identifier ?? '');
    const header = id === undefined ? undefined : await repository.findHeader(id);
    const errors: OaiError[] = [];
    if (!header) errors.push({ code: 'idDoesNotExist', message: `There is no record ${args.identifier}.` });
    const formatError = checkPrefix(args.metadataPrefix);
    if (formatError) errors.push(formatError);
    if (!header || errors.length > 0) return errors;
    const hierarchy = await loadSets();
    const collections = await repository.collectionsOf([header.id]);
    return element(
      'GetRecord',
      await recordXml(header, hierarchy.specsFor(collections.get(header.id) ?? [])),
    );
  }

  async function handle(c: Context, pairs: [string, string][]) {
    const parsed = parseOaiRequest(pairs);
    if (!parsed.ok) return respond(c, errorsXml(parsed.errors), {});
    const { verb, args } = parsed;
    let result: string | OaiError[];
    switch (verb) {
      case 'Identify':
        result = await identify();
        break;
      case 'ListMetadataFormats':
        result = await listMetadataFormats(args);
        break;
      case 'ListSets':
        result = await listSets(args);
        break;
      case 'ListIdentifiers':
      case 'ListRecords':
        result = await list(verb, args);
        break;
      case 'GetRecord':
        result = await getRecord(args);
        break;
    }
    if (typeof result === 'string') return respond(c, result, { verb, args });
    // The request element echoes arguments only when they were legal (protocol section 3.6), and
    // only values of the schema's types, so a response about a bad prefix stays valid itself.
    const echoed = result.some((e) => e.code === 'badArgument' || e.code === 'badVerb')
      ? undefined
      : Object.fromEntries(Object.entries(args).filter(([name, value]) => echoable(name, value)));
    return respond(c, errorsXml(result), echoed ? { verb, args: echoed } : {});
  }

  const app = new Hono();
  app.get('/', (c) => handle(c, [...new URL(c.req.url).searchParams.entries()]));
  app.post('/', async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return respond(
        c,
        errorsXml([
          { code: 'badArgument', message: 'POST requests must be application/x-www-form-urlencoded.' },
        ]),
        {},
      );
    }
    const body = await c.req.text();
    if (body.length > 100_000) {
      return respond(c, errorsXml([{ code: 'badArgument', message: 'The request body is too long.' }]), {});
    }
    return handle(c, [...new URLSearchParams(body).entries()]);
  });
  return app;
}
