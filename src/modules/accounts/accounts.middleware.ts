import { getConnInfo } from '@hono/node-server/conninfo';
import busboy from 'busboy';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Container } from '../../app/container.ts';
import { AppError } from '../../app/errors.ts';
import type { Config } from '../../config/config.ts';
import type { AccountsDeps, ActionContext, CurrentUser } from './accounts.context.ts';
import { actorOf } from './accounts.context.ts';
import { type AccountsPolicy, defaultAccountsPolicy } from './accounts.policy.ts';
import { roleAtLeast, roleLabels, type UserRole } from './roles.ts';
import { type ActiveSession, resolveSession } from './sessions.usecases.ts';
import { csrfTokenFor, looksLikeToken, newToken, safeEqual } from './tokens.ts';

/**
 * What every route under /admin finds in its context:
 * - `currentUser`: the signed-in person, or null (guard routes with `requireRole`);
 * - `session`: their session (its ID, for "sign out elsewhere");
 * - `csrfToken`: the token every form must send back as `_csrf` (or the `X-CSRF-Token` header);
 * - `origin`: the client's IP address and user agent, for the audit log.
 */
export type AdminEnv = {
  Variables: {
    currentUser: CurrentUser | null;
    session: ActiveSession | null;
    csrfToken: string;
    origin: Pick<ActionContext, 'ip' | 'userAgent'>;
  };
};

export type AdminContext = Context<AdminEnv>;

/** The form field and header that carry the CSRF token. */
export const csrfFieldName = '_csrf';
export const csrfHeaderName = 'X-CSRF-Token';

/** Builds the account usecases' dependencies from the container. */
export const accountsDeps = (
  container: Pick<Container, 'database'>,
  policy: AccountsPolicy = defaultAccountsPolicy,
): AccountsDeps => ({ db: container.database.db, policy, now: () => new Date() });

const isHttps = (config: Pick<Config, 'baseUrl'>) => config.baseUrl.startsWith('https:');

/**
 * Cookie names. Over https they carry the `__Host-` prefix, which browsers accept only with Secure,
 * Path=/ and no Domain: a sibling subdomain cannot plant or overwrite them.
 */
export const cookieNames = (config: Pick<Config, 'baseUrl'>) =>
  isHttps(config)
    ? { session: '__Host-chancery_session', preSession: '__Host-chancery_presession' }
    : { session: 'chancery_session', preSession: 'chancery_presession' };

const cookieOptions = (config: Pick<Config, 'baseUrl'>) =>
  ({ path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(config) }) as const;

/**
 * Issues the session cookie. It has no expiry date, so closing the browser signs out (shared
 * reading-room computers); the server ends it anyway after the idle and absolute limits.
 */
export function setSessionCookie(c: Context, config: Pick<Config, 'baseUrl'>, token: string) {
  setCookie(c, cookieNames(config).session, token, cookieOptions(config));
}

export function clearSessionCookie(c: Context, config: Pick<Config, 'baseUrl'>) {
  deleteCookie(c, cookieNames(config).session, cookieOptions(config));
}

/** The client's IP address: the socket's, or behind a trusted proxy the address that proxy saw. */
export function clientIp(c: Context, config: Pick<Config, 'trustProxy'>): string | null {
  if (config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // Requests made in-process (tests, app.request) have no socket.
    return null;
  }
}

/**
 * Loads the session behind the cookie and works out the request's CSRF token. Signed-in requests
 * derive it from the session token; anonymous ones (the sign-in and set-password forms) from a
 * pre-session cookie, so that even signing in cannot be forged from another site.
 */
export function loadSession(
  container: Pick<Container, 'config' | 'database'>,
  deps: AccountsDeps,
): MiddlewareHandler<AdminEnv> {
  const { config } = container;
  const names = cookieNames(config);
  return async (c, next) => {
    c.set('origin', {
      ip: clientIp(c, config),
      userAgent: c.req.header('user-agent')?.slice(0, 400) ?? null,
    });
    const sessionToken = getCookie(c, names.session);
    const resolved = sessionToken ? await resolveSession(deps, sessionToken) : null;
    if (sessionToken && !resolved) clearSessionCookie(c, config);
    c.set('currentUser', resolved?.user ?? null);
    c.set('session', resolved?.session ?? null);
    if (resolved && sessionToken) {
      c.set('csrfToken', csrfTokenFor(sessionToken));
    } else {
      let preSession = getCookie(c, names.preSession);
      if (!looksLikeToken(preSession)) {
        preSession = newToken();
        setCookie(c, names.preSession, preSession, cookieOptions(config));
      }
      c.set('csrfToken', csrfTokenFor(preSession));
    }
    await next();
  };
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

async function submittedCsrfToken(c: AdminContext): Promise<string | undefined> {
  const header = c.req.header(csrfHeaderName);
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  // Uploads are never parsed whole here: that would hold a 200 MB scan in memory before any check.
  if (type.startsWith('multipart/form-data')) return peekMultipartToken(c, type);
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    return undefined;
  }
  try {
    // Hono keeps the parsed body, so handlers calling parseBody() again get the same object.
    const body = await c.req.parseBody();
    const value = body[csrfFieldName];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** How far into a multipart body the token is looked for; our forms put it first. */
const maxMultipartPeekBytes = 64 * 1024;

/**
 * Finds the CSRF field at the start of a multipart body without consuming the body: the bytes read
 * are put back in front of the rest, so the route still streams the whole upload. The token must come
 * before any file part (our forms put it first); otherwise it counts as missing.
 */
async function peekMultipartToken(c: AdminContext, contentType: string): Promise<string | undefined> {
  const body = c.req.raw.body;
  if (!body) return undefined;
  const reader = body.getReader();
  const seen: Uint8Array[] = [];
  let seenBytes = 0;
  let token: string | undefined;
  let decided = false;
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { 'content-type': contentType }, limits: { fieldSize: 1024 } });
  } catch {
    reader.releaseLock();
    return undefined;
  }
  parser.on('field', (name, value) => {
    if (!decided && name === csrfFieldName) {
      token = value;
      decided = true;
    }
  });
  parser.on('file', (_name, stream) => {
    // This parser is dropped mid-file: the part's stream then errors, and an unheard error would
    // end the process.
    stream.on('error', () => {});
    stream.resume();
    decided = true;
  });
  parser.on('error', () => {
    decided = true;
  });
  let done = false;
  try {
    while (!decided && !done && seenBytes < maxMultipartPeekBytes) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        break;
      }
      seen.push(next.value);
      seenBytes += next.value.byteLength;
      parser.write(next.value);
    }
  } catch {
    // The upload broke off before its token arrived: there is no token, and nothing to replay.
    parser.destroy();
    return undefined;
  }
  parser.destroy();
  const replay = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of seen) controller.enqueue(chunk);
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  c.req.raw = new Request(c.req.raw, { body: replay, duplex: 'half' } as RequestInit);
  return token;
}

/**
 * Refuses every state-changing request that did not come from one of our own pages: first by the
 * browser's own word (Origin, else Sec-Fetch-Site), then by the synchronizer token, which also
 * covers clients that send neither header.
 */
export function csrfProtection(config: Pick<Config, 'baseUrl'>): MiddlewareHandler<AdminEnv> {
  const ownOrigin = new URL(config.baseUrl).origin;
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const crossSite = origin ? origin !== ownOrigin : fetchSite !== undefined && fetchSite !== 'same-origin';
    if (crossSite) {
      throw new AppError(
        'csrf.cross_origin',
        403,
        `This request came from another site${origin ? ` (${origin.slice(0, 100)})` : ''} and was refused. ` +
          `Open the administration at ${ownOrigin}/admin and try again.`,
      );
    }
    const submitted = await submittedCsrfToken(c);
    if (!submitted || !safeEqual(submitted, c.get('csrfToken'))) {
      throw new AppError(
        'csrf.invalid',
        403,
        c.get('currentUser')
          ? 'This form is out of date (it may have been open in another tab before you signed in again). Go back, reload the page and send it again.'
          : 'Your session has ended or this form is out of date. Reload the page, sign in if asked, and send it again.',
      );
    }
    return next();
  };
}

/** Whether a request wants JSON rather than a page (the /admin/api routes, or fetch() callers). */
export const wantsJson = (c: Context): boolean =>
  c.req.path.startsWith('/admin/api/') || (c.req.header('accept') ?? '').startsWith('application/json');

/** Where to come back to after signing in: a path of ours under /admin, never another site. */
export function safeNextPath(value: string | undefined): string {
  // Printable ASCII only, no backslash (some browsers read it as a slash), under /admin.
  if (!value || !/^\/admin(?:[/?][\x21-\x5b\x5d-\x7e]*)?$/.test(value)) return '/admin';
  if (value.startsWith('/admin/login') || value.startsWith('/admin/logout')) return '/admin';
  return value;
}

/**
 * Guards a route: anonymous visitors are sent to the sign-in page (pages) or get a 401 (API); people
 * whose role is below `role` get a 403. Roles are a ladder, so `requireRole('editor')` admits admins.
 *
 *     admin.get('/documents/:id/publish', requireRole('editor'), handler)
 */
export function requireRole(role: UserRole): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const user = c.get('currentUser');
    if (!user) {
      if (wantsJson(c)) throw new AppError('auth.required', 401, 'Sign in to use this endpoint.');
      const url = new URL(c.req.url);
      const back = c.req.method === 'GET' ? safeNextPath(`${url.pathname}${url.search}`) : '/admin';
      const query = back === '/admin' ? '' : `?next=${encodeURIComponent(back)}`;
      return c.redirect(`/admin/login${query}`, 303);
    }
    if (!roleAtLeast(user.role, role)) {
      throw new AppError(
        'auth.forbidden',
        403,
        `This needs the ${roleLabels[role]} role; your account is ${roleLabels[user.role]}. Ask an administrator if you need it.`,
      );
    }
    return next();
  };
}

/** The acting person and request origin, ready to spread into `audit.record({...})` or a usecase. */
export function actionContext(c: AdminContext): ActionContext {
  const user = c.get('currentUser');
  const origin = c.get('origin');
  return { actor: user ? actorOf(user) : null, ip: origin.ip, userAgent: origin.userAgent };
}

/** The signed-in user, for handlers behind `requireRole` (where there always is one). */
export function signedInUser(c: AdminContext): CurrentUser {
  const user = c.get('currentUser');
  if (!user) throw new AppError('auth.required', 401, 'Sign in to continue.');
  return user;
}
