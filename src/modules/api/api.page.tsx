import type { FC } from 'hono/jsx';
import { z } from 'zod';
import { Layout, type SiteInfo } from '../../app/ui/layout.tsx';
import { type Endpoint, endpoints } from './api.openapi.ts';

const typeOf = (schema: z.ZodType): string => {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as {
    type?: string;
    enum?: string[];
    default?: unknown;
  };
  const base = json.enum ? json.enum.join(' | ') : (json.type ?? 'value');
  return json.default === undefined ? base : `${base}, default ${String(json.default)}`;
};

const EndpointSection: FC<{ endpoint: Endpoint; baseUrl: string }> = ({ endpoint, baseUrl }) => (
  <section class="api-endpoint" aria-labelledby={`endpoint-${endpoint.path}`}>
    <h3 id={`endpoint-${endpoint.path}`}>
      <code>GET {endpoint.path}</code>
    </h3>
    <p>{endpoint.description}</p>
    {endpoint.parameters.length > 0 ? (
      <table>
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">In</th>
            <th scope="col">Type</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {endpoint.parameters.map((p) => (
            <tr>
              <td>
                <code>{p.name}</code>
                {p.required ? ' (required)' : ''}
              </td>
              <td>{p.in}</td>
              <td>{typeOf(p.schema)}</td>
              <td>{p.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : null}
    <p>
      Example: <a href={endpoint.example}>{`${baseUrl}${endpoint.example}`}</a>
    </p>
  </section>
);

/** `/api`: what a developer needs to start, on one page that works without JavaScript. */
export const ApiPage: FC<{ site: SiteInfo; rateLimit: number }> = ({ site, rateLimit }) => (
  <Layout
    site={site}
    title="Open data API"
    description={`The open JSON API, OAI-PMH and bulk downloads of ${site.archiveName}.`}
    canonicalPath="/api"
  >
    <article class="prose api-page">
      <h1>Open data API</h1>
      <p>
        Everything published in this archive can be read by programs, without a key. Answers are JSON in
        UTF-8; lists are paginated (<code>page</code>, <code>per_page</code> up to 100) and give the{' '}
        <code>total</code>. Only published records are ever visible.
      </p>
      <h2>Conventions</h2>
      <ul>
        <li>
          Machine-readable description: <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a>.
        </li>
        <li>
          Caching: every answer has a weak <code>ETag</code>; send it back in <code>If-None-Match</code> and
          an unchanged answer is a bodiless <code>304</code>.
        </li>
        <li>
          Browsers: cross-origin reads are allowed from any site (<code>Access-Control-Allow-Origin: *</code>,
          no credentials).
        </li>
        <li>
          Fair use: {rateLimit} requests a minute per address. Past that the answer is <code>429</code> with{' '}
          <code>Retry-After</code> (seconds). For everything at once, use the bulk files below instead.
        </li>
        <li>
          Errors: <code>{'{"error": {"code": "…", "message": "…"}}'}</code> with the HTTP status (400 bad
          parameter, 404 unknown, 410 withdrawn record).
        </li>
      </ul>
      <h2>Endpoints</h2>
      {endpoints.map((endpoint) => (
        <EndpointSection endpoint={endpoint} baseUrl={site.baseUrl} />
      ))}
      <h2>Other open interfaces</h2>
      <ul>
        <li>
          <a href="/oai?verb=Identify">OAI-PMH 2.0</a> at <code>{`${site.baseUrl}/oai`}</code>: Dublin Core (
          <code>oai_dc</code>), collections as sets, deleted records kept.
        </li>
        <li>
          <a href="/data">Bulk data</a>: all published metadata as JSON Lines and CSV.
        </li>
        <li>
          IIIF: a Presentation API 3.0 manifest for each document with scan pages at{' '}
          <code>{`${site.baseUrl}/iiif/{id}/manifest`}</code> (open it in any IIIF viewer, such as Mirador),
          and an Image API 3 level-0 service for each page at{' '}
          <code>{`${site.baseUrl}/iiif/{id}-{assetId}-{page}/info.json`}</code>, both readable from any
          origin.
        </li>
        <li>
          <a href="/feed.xml">Atom feed</a> of newly published documents (one per collection too), and a{' '}
          <a href="/sitemap.xml">sitemap</a>.
        </li>
      </ul>
    </article>
  </Layout>
);
