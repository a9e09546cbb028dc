/**
 * Helpers for tests of the workspace: a small cookie-keeping client over `app.request()` and quick
 * ways to create staff accounts. Test-only; nothing in the application imports this file.
 */
import type { TestContext } from '../../../test/support/databases.ts';
import type { UserRole } from '../../database/tables.ts';
import type { AccountsDeps } from './accounts.context.ts';
import { accountsDeps } from './accounts.middleware.ts';
import { inviteUser, usePasswordLink } from './accounts.usecases.ts';
import { startSession } from './sessions.usecases.ts';
import { csrfTokenFor } from './tokens.ts';

export const testPassword = 'correct horse battery staple';

/** Creates an account with a password, through the same usecases the invitation flow uses. */
export async function createStaff(
  context: TestContext,
  email: string,
  role: UserRole,
  password = testPassword,
): Promise<{ id: number; email: string; password: string }> {
  const deps = accountsDeps(context.container);
  const noOrigin = { ip: null, userAgent: null };
  const { userId, link } = await inviteUser(
    deps,
    { email, displayName: null, role },
    { actor: null, ...noOrigin },
  );
  const set = await usePasswordLink(deps, { token: link.token, password, confirmation: password }, noOrigin);
  if (!set.ok) throw new Error(`could not set the test password: ${JSON.stringify(set)}`);
  return { id: userId, email, password };
}

/** The hidden CSRF field's value in an HTML form. */
export function csrfFieldIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF field in the page');
  return match[1];
}

type RequestOptions = {
  /** The Origin header; the archive's own origin unless given (null sends none). */
  origin?: string | null;
  headers?: Record<string, string>;
};

/**
 * A browser-like client: keeps cookies between requests (honouring deletions) and sends the
 * archive's Origin on POSTs the way a browser submitting our own form does.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  lastCsrf: string | undefined;

  constructor(
    private readonly context: TestContext,
    private readonly defaults: { headers?: Record<string, string> } = {},
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(this.defaults.headers ?? {})) {
      if (!headers.has(name)) headers.set(name, value);
    }
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader());
    const response = await this.context.app.request(path, { ...init, headers, redirect: 'manual' });
    this.remember(response);
    return response;
  }

  /** GETs a page and remembers the CSRF token of its forms, when it has any. */
  async get(path: string, options: RequestOptions = {}): Promise<Response> {
    const response = await this.request(path, { headers: options.headers });
    if ((response.headers.get('content-type') ?? '').includes('text/html')) {
      const html = await response.clone().text();
      const match = /name="_csrf" value="([^"]+)"/.exec(html);
      if (match?.[1]) this.lastCsrf = match[1];
    }
    return response;
  }

  /** Submits a form as a browser would; `_csrf` is the last token seen unless the fields say otherwise. */
  async post(
    path: string,
    fields: Record<string, string> = {},
    options: RequestOptions = {},
  ): Promise<Response> {
    const body = new URLSearchParams({ ...(this.lastCsrf ? { _csrf: this.lastCsrf } : {}), ...fields });
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      ...options.headers,
    };
    const origin =
      options.origin === undefined ? new URL(this.context.config.baseUrl).origin : options.origin;
    if (origin !== null) headers.origin = origin;
    return this.request(path, { method: 'POST', body: body.toString(), headers });
  }

  /** Signs in through the real form; returns the response of the POST. */
  async signIn(email: string, password = testPassword): Promise<Response> {
    await this.get('/admin/login');
    return this.post('/admin/login', { email, password });
  }
}

/**
 * A signed-in client without going through the form (no password hashing, no throttle): for tests
 * that need many sessions, such as the permission table.
 */
export async function clientWithSession(
  context: TestContext,
  userId: number,
  deps?: AccountsDeps,
): Promise<TestClient> {
  const { token } = await startSession(deps ?? accountsDeps(context.container), userId, {
    ip: null,
    userAgent: 'test',
  });
  const client = new TestClient(context);
  client.cookies.set(
    context.config.baseUrl.startsWith('https:') ? '__Host-chancery_session' : 'chancery_session',
    token,
  );
  client.lastCsrf = csrfTokenFor(token);
  return client;
}
