import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import type { Config } from '../../config/config.ts';
import { clientIp } from '../accounts/accounts.middleware.ts';

/**
 * Cross-origin reads for every origin: the API is public and takes no credentials, so a browser
 * application anywhere may read it. Preflights only ever allow reading methods.
 */
export const apiCors = (): MiddlewareHandler =>
  cors({
    origin: '*',
    allowMethods: ['GET', 'HEAD', 'OPTIONS'],
    allowHeaders: ['If-None-Match', 'Accept'],
    exposeHeaders: ['ETag', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining'],
    maxAge: 86_400,
  });

/**
 * A weak ETag from the body of every successful read, answering 304 to a matching If-None-Match:
 * harvesters that poll save the transfer, and the tag changes whenever the content does.
 */
export const apiEtag = (): MiddlewareHandler => etag({ weak: true });

type Bucket = { tokens: number; updatedAt: number };

export type RateLimiter = {
  take(key: string, now: number): { allowed: boolean; remaining: number; retryAfterSeconds: number };
};

/**
 * One token bucket per client: `perMinute` requests in a burst, refilled continuously at
 * `perMinute` per minute. In memory, so each process counts its own clients (behind several
 * processes, put the limit in the proxy instead).
 */
export function createRateLimiter(perMinute: number, maxClients = 50_000): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = perMinute / 60_000;
  return {
    take(key, now) {
      let bucket = buckets.get(key);
      if (bucket) {
        bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updatedAt) * perMs);
        bucket.updatedAt = now;
      } else {
        if (buckets.size >= maxClients) {
          // Full buckets hold no information: forgetting them keeps memory bounded under many IPs.
          for (const [k, b] of buckets)
            if (b.tokens + (now - b.updatedAt) * perMs >= perMinute) buckets.delete(k);
          if (buckets.size >= maxClients) buckets.delete(buckets.keys().next().value as string);
        }
        bucket = { tokens: perMinute, updatedAt: now };
        buckets.set(key, bucket);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
      }
      return {
        allowed: false,
        remaining: 0,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)),
      };
    },
  };
}

/** Answers 429 with Retry-After once a client has used up its requests (CHANCERY_API_RATE_LIMIT per minute). */
export function apiRateLimit(
  config: Pick<Config, 'apiRateLimit' | 'trustProxy'>,
  now: () => number = Date.now,
): MiddlewareHandler {
  const limiter = createRateLimiter(config.apiRateLimit);
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const result = limiter.take(clientIp(c, config) ?? 'unknown', now());
    if (!result.allowed) {
      c.header('Retry-After', String(result.retryAfterSeconds));
      c.header('RateLimit-Limit', String(config.apiRateLimit));
      c.header('RateLimit-Remaining', '0');
      return c.json(
        {
          error: {
            code: 'rate_limited',
            message: `Too many requests: at most ${config.apiRateLimit} a minute. Try again in ${result.retryAfterSeconds} s.`,
          },
        },
        429,
      );
    }
    await next();
    c.header('RateLimit-Limit', String(config.apiRateLimit));
    c.header('RateLimit-Remaining', String(result.remaining));
  };
}
