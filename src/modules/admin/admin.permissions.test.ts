import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { accountsDeps } from '../accounts/accounts.middleware.ts';
import { clientWithSession, createStaff, TestClient } from '../accounts/accounts.test-support.ts';
import { roleAtLeast, type UserRole, userRoles } from '../accounts/roles.ts';
import { startSession } from '../accounts/sessions.usecases.ts';
import { newToken } from '../accounts/tokens.ts';

type Access = 'public' | UserRole;

/**
 * Who may use each workspace route. The test below reads the routes registered under /admin from
 * the application itself: a new route that is missing here fails the suite, so nobody can add an
 * unguarded page by forgetting it. Add the route here with the lowest role that may use it.
 */
const expectedAccess: Record<string, Access> = {
  'GET /admin/assets/admin.css': 'public',
  'GET /admin/login': 'public',
  'POST /admin/login': 'public',
  'GET /admin/set-password/:token': 'public',
  'POST /admin/set-password/:token': 'public',

  'GET /admin': 'contributor',
  'POST /admin/logout': 'contributor',
  'GET /admin/account': 'contributor',
  'POST /admin/account/password': 'contributor',
  'POST /admin/account/sessions/revoke-others': 'contributor',
  'POST /admin/account/sessions/:sessionId/revoke': 'contributor',
  'GET /admin/api/session': 'contributor',

  'GET /admin/users': 'admin',
  'POST /admin/users': 'admin',
  'GET /admin/users/:id': 'admin',
  'POST /admin/users/:id/role': 'admin',
  'POST /admin/users/:id/disable': 'admin',
  'POST /admin/users/:id/enable': 'admin',
  'POST /admin/users/:id/password-link': 'admin',
  'POST /admin/users/:id/sessions/revoke': 'admin',
  'POST /admin/users/:id/sessions/:sessionId/revoke': 'admin',
  'GET /admin/audit': 'admin',

  'GET /admin/assets/editor.css': 'public',
  'GET /admin/assets/editor.js': 'public',
  'GET /admin/documents': 'contributor',
  'POST /admin/documents': 'contributor',
  'GET /admin/documents/new': 'contributor',
  'POST /admin/documents/bulk': 'contributor',
  'GET /admin/documents/:id/edit': 'contributor',
  'POST /admin/documents/:id': 'contributor',
  'POST /admin/documents/:id/workflow': 'contributor',
  'POST /admin/documents/:id/assets': 'contributor',
  'GET /admin/documents/:id/files/:assetId': 'contributor',
  'GET /admin/documents/:id/texts/:assetId': 'contributor',
  'POST /admin/documents/:id/texts/:assetId': 'contributor',
  'GET /admin/documents/:id/alignment/:assetId': 'contributor',
  'POST /admin/documents/:id/alignment/:assetId': 'contributor',
  'GET /admin/documents/:id/revisions': 'contributor',
  'GET /admin/documents/:id/revisions/compare': 'contributor',
  'GET /admin/documents/:id/revisions/:number': 'contributor',
  'POST /admin/documents/:id/revisions/:number/restore': 'contributor',
  'GET /admin/themes': 'editor',
  'POST /admin/themes': 'editor',
  'GET /admin/themes/new': 'editor',
  'GET /admin/themes/:id': 'editor',
  'POST /admin/themes/:id': 'editor',
  'POST /admin/themes/:id/delete': 'editor',
  'GET /admin/readers': 'editor',
  'POST /admin/readers': 'editor',
  'GET /admin/readers/new': 'editor',
  'GET /admin/readers/:id': 'editor',
  'POST /admin/readers/:id': 'editor',
  'POST /admin/readers/:id/delete': 'editor',
  'GET /admin/authorities': 'editor',
  'POST /admin/authorities': 'editor',
  'GET /admin/authorities/new': 'editor',
  'GET /admin/authorities/:id': 'editor',
  'POST /admin/authorities/:id': 'editor',
  'POST /admin/authorities/:id/merge': 'editor',
  'POST /admin/authorities/:id/image': 'editor',
  'POST /admin/authorities/:id/image/remove': 'editor',
  'GET /admin/api/authorities': 'contributor',
  'GET /admin/api/documents': 'contributor',
};

/** Routes of the app under /admin, without the middleware that runs for every path (`ALL /admin/*`). */
function registeredAdminRoutes(context: TestContext): string[] {
  const keys = new Set<string>();
  for (const route of context.app.routes) {
    if (route.path !== '/admin' && !route.path.startsWith('/admin/')) continue;
    if (route.method === 'ALL' && route.path.endsWith('*')) continue;
    keys.add(`${route.method} ${route.path}`);
  }
  return [...keys].sort();
}

describe('who may use each workspace route', () => {
  let context: TestContext;
  const staff: Partial<Record<UserRole, number>> = {};
  let targetId: number;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    for (const role of userRoles) staff[role] = (await createStaff(context, `${role}@example.org`, role)).id;
    targetId = (await createStaff(context, 'target@example.org', 'contributor')).id;
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('knows every route registered under /admin, and no route that is gone', () => {
    const registered = registeredAdminRoutes(context);
    const unknown = registered.filter((key) => !(key in expectedAccess));
    expect(unknown, 'add these routes to expectedAccess with the lowest role that may use them').toEqual([]);
    const stale = Object.keys(expectedAccess).filter((key) => !registered.includes(key));
    expect(stale, 'these routes are no longer registered').toEqual([]);
  });

  /** A concrete URL for a route pattern: parameters point at a real account and one of its sessions. */
  async function urlFor(pattern: string): Promise<string> {
    const { sessionId } = await startSession(accountsDeps(context.container), targetId, {
      ip: null,
      userAgent: null,
    });
    return pattern
      .replace(':id', String(targetId))
      .replace(':sessionId', String(sessionId))
      .replace(':token', newToken())
      .replace(/:[A-Za-z]+/g, '1');
  }

  /** GET for pages, a form POST (with this browser's CSRF token) for everything else. */
  const send = (client: TestClient, method: string, url: string) =>
    method === 'GET' ? client.get(url) : client.post(url);

  const isLoginRedirect = (response: Response) =>
    response.status === 303 && (response.headers.get('location') ?? '').startsWith('/admin/login');

  it('sends anonymous visitors to the sign-in page (pages) or answers 401 (API) on every guarded route', async () => {
    for (const key of registeredAdminRoutes(context)) {
      const [method = 'GET', pattern = ''] = key.split(' ');
      const access = expectedAccess[key];
      const client = new TestClient(context);
      await client.get('/admin/login');
      const response = await send(client, method, await urlFor(pattern));
      expect(response.status, key).toBeLessThan(500);
      if (access === 'public') {
        expect([401, 403].includes(response.status) || isLoginRedirect(response), key).toBe(false);
      } else if (pattern.startsWith('/admin/api/')) {
        expect(response.status, key).toBe(401);
      } else {
        expect(isLoginRedirect(response), `${key} answered ${response.status}`).toBe(true);
      }
    }
  });

  it.each(userRoles)(
    'lets a %s through exactly the routes of their role and refuses the others with 403',
    async (role) => {
      for (const key of registeredAdminRoutes(context)) {
        const [method = 'GET', pattern = ''] = key.split(' ');
        const access = expectedAccess[key] ?? 'admin';
        // A fresh session per route: signing out or revoking in one request must not affect the next.
        const client = await clientWithSession(context, staff[role]!);
        const response = await send(client, method, await urlFor(pattern));
        expect(response.status, key).toBeLessThan(500);
        if (access === 'public' || roleAtLeast(role, access)) {
          expect([401, 403], key).not.toContain(response.status);
          // Signing out is the one allowed action that ends on the sign-in page.
          if (key !== 'POST /admin/logout') expect(isLoginRedirect(response), key).toBe(false);
        } else {
          expect(response.status, key).toBe(403);
        }
      }
    },
  );
});
