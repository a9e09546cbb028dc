import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../database/tables.ts';

/**
 * Rendered public pages, kept in memory and keyed by URL (path plus sorted query), valid while the
 * site's content version is unchanged. Every write to public content bumps that version in the same
 * transaction, in whatever process made it (the server, a CLI import), so one cheap query per request
 * tells whether a stored page is still true. The version is read before rendering: if a write lands
 * mid-render, the page is stored under the older version and simply rendered again next time.
 *
 * Pages cached here must depend on nothing but their URL and the database. A page that varies by
 * reader (a signed-in editor) must not go through the cache.
 */
export type PageCache = {
  /** Answers with the cached page for this URL, rendering (and storing) it when missing or stale. */
  respond: (c: Context, render: () => Promise<string> | string) => Promise<Response>;
  clear: () => void;
  stats: () => { entries: number; bytes: number; hits: number; misses: number };
};

export type PageCacheOptions = {
  enabled: boolean;
  /** The current `site_state.content_version`. */
  currentVersion: () => Promise<number>;
  maxEntries?: number;
  maxBytes?: number;
};

const encoder = new TextEncoder();

/** The stored page is kept encoded: turning a long string into bytes on every hit costs more than the lookup. */
type Entry = {
  version: number;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  bytes: number;
  gzipped?: Uint8Array<ArrayBuffer>;
};

/**
 * Reads `site_state.content_version` with a query compiled once: the check runs on every page
 * request, so building and compiling it each time would be most of the cost of a cache hit.
 */
export function contentVersionReader(db: Kysely<Database>): () => Promise<number> {
  const query = db.selectFrom('site_state').select('value').where('key', '=', 'content_version').compile();
  return async () => {
    const { rows } = await db.executeQuery(query);
    return Number(rows[0]?.value ?? 0);
  };
}

/** The cache key of a URL: its path and its query with parameters sorted, so `?b&a` and `?a&b` agree. */
export function pageCacheKey(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.sort();
  const query = parsed.searchParams.toString();
  return query ? `${parsed.pathname}?${query}` : parsed.pathname;
}

/** Whether an If-None-Match header names this entity tag (weak comparison, as RFC 9110 asks for GET). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

export function createPageCache({
  enabled,
  currentVersion,
  maxEntries = 2000,
  maxBytes = 64 * 1024 * 1024,
}: PageCacheOptions): PageCache {
  // A Map iterates in insertion order; re-inserting on every hit makes the first key the least recently used.
  const entries = new Map<string, Entry>();
  const rendering = new Map<string, Promise<Entry>>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  const makeEntry = (html: string, version: number): Entry => {
    const body = encoder.encode(html);
    return {
      version,
      body,
      // The hash makes the tag change when the software changes the markup, not only when content does.
      etag: `W/"${version}-${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`,
      bytes: body.byteLength,
    };
  };

  function remember(key: string, entry: Entry): void {
    const previous = entries.get(key);
    if (previous) {
      bytes -= previous.bytes;
      entries.delete(key);
    }
    if (entry.bytes > maxBytes / 4) return;
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const [oldKey, old] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      entries.delete(oldKey);
      bytes -= old.bytes;
    }
  }

  async function lookup(
    key: string,
    version: number,
    render: () => Promise<string> | string,
  ): Promise<Entry> {
    const cached = entries.get(key);
    if (cached && cached.version === version) {
      hits++;
      entries.delete(key);
      entries.set(key, cached);
      return cached;
    }
    misses++;
    // Concurrent requests for the same stale page wait for one render instead of each doing it.
    const flightKey = `${version} ${key}`;
    const inFlight = rendering.get(flightKey);
    if (inFlight) return inFlight;
    const promise = (async () => makeEntry(await render(), version))();
    rendering.set(flightKey, promise);
    try {
      const entry = await promise;
      remember(key, entry);
      return entry;
    } finally {
      rendering.delete(flightKey);
    }
  }

  return {
    async respond(c, render) {
      const version = await currentVersion();
      const entry = enabled
        ? await lookup(pageCacheKey(c.req.url), version, render)
        : makeEntry(await render(), version);
      // Browsers may keep the page but must ask first; the answer is a cheap 304 while nothing changed.
      c.header('Cache-Control', 'no-cache');
      c.header('ETag', entry.etag);
      c.header('Vary', 'Accept-Encoding');
      if (matchesEtag(c.req.header('If-None-Match'), entry.etag)) return c.body(null, 304);
      c.header('Content-Type', 'text/html; charset=UTF-8');
      if (enabled && /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '') && entry.bytes > 1024) {
        entry.gzipped ??= new Uint8Array(gzipSync(entry.body, { level: 6 }));
        c.header('Content-Encoding', 'gzip');
        return c.body(entry.gzipped);
      }
      return c.body(entry.body);
    },
    clear() {
      entries.clear();
      bytes = 0;
    },
    stats: () => ({ entries: entries.size, bytes, hits, misses }),
  };
}
