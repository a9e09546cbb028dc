import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ZodError } from 'zod';
import type { Container } from '../../app/container.ts';
import { AppError } from '../../app/errors.ts';
import {
  type AdminEnv,
  accountsDeps,
  csrfProtection,
  loadSession,
  requireRole,
  signedInUser,
  wantsJson,
} from '../accounts/accounts.middleware.ts';
import { accountsPages } from '../accounts/accounts.pages.tsx';
import type { AccountsPolicy } from '../accounts/accounts.policy.ts';
import { usersPages } from '../accounts/users.pages.tsx';
import { auditPages } from '../audit/audit.pages.tsx';
import { authoritiesAdminPages } from '../authorities-admin/authorities-admin.pages.tsx';
import { collectionImageAdminRoutes } from '../collections/collections.admin.tsx';
import { editorApi } from '../editor/editor.api.ts';
import { editorAssetRoutes } from '../editor/editor.assets.ts';
import { editorPages } from '../editor/editor.pages.tsx';
import { readersAdminPages } from '../readers/readers.admin.tsx';
import { revisionPages } from '../revisions/revisions.pages.tsx';
import { themesAdminPages } from '../themes/themes.admin.tsx';
import { dashboardPages } from './admin.dashboard.tsx';
import { AdminErrorPage, renderAdminPage } from './ui/admin-layout.tsx';

const stylesheet = fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'ui', 'admin.css'),
);

/**
 * Workspace responses are private and change with every action: no cache may keep them (a shared
 * proxy, the back button on a reading-room computer), and no search engine may index them.
 */
const privateResponses = (): MiddlewareHandler => async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex, nofollow');
};

/** Largest form body (a long transcript pasted into a textarea fits; a flood does not). */
const maxFormBytes = 2 * 1024 * 1024;

/**
 * Caps every body except multipart uploads, before anything reads it (the CSRF check parses forms).
 * Upload routes set their own, larger limit.
 */
const limitFormBodies = (): MiddlewareHandler => {
  const limit = bodyLimit({
    maxSize: maxFormBytes,
    onError: () => {
      throw new AppError(
        'request.too_large',
        413,
        'This form is too large to be sent. Shorten it and try again.',
      );
    },
  });
  return (c, next) =>
    (c.req.header('content-type') ?? '').startsWith('multipart/form-data') ? next() : limit(c, next);
};

/**
 * The editorial workspace under /admin. Every route mounted here runs behind the same foundation:
 * private responses, the session (`currentUser`), and CSRF checks on every non-GET request. Routes
 * guard themselves with `requireRole(...)`; the permission test fails for any route it does not know.
 *
 * To add a feature (the document editor, uploads...): build a `new Hono<AdminEnv>()` in its module
 * and mount it below with `admin.route('/documents', ...)`, then list its routes in
 * admin.permissions.test.ts.
 */
export function adminRoutes(container: Container, options: { policy?: AccountsPolicy } = {}) {
  const { config, logger } = container;
  const deps = accountsDeps(container, options.policy);
  const admin = new Hono<AdminEnv>();

  // The stylesheet is public and cacheable; it is registered before the session is loaded.
  admin.get('/assets/admin.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(stylesheet);
  });
  admin.route('/assets', editorAssetRoutes());

  admin.use('*', privateResponses());
  admin.use('*', limitFormBodies());
  admin.use('*', loadSession(container, deps));
  admin.use('*', csrfProtection(config));

  admin.route('/', dashboardPages(container));
  admin.route('/', accountsPages(container, deps));
  admin.route('/users', usersPages(container, deps));
  admin.route('/audit', auditPages(container));
  admin.route('/documents', editorPages(container));
  admin.route('/documents', revisionPages(container));
  admin.route('/authorities', authoritiesAdminPages(container));
  admin.route('/authorities', collectionImageAdminRoutes(container));
  admin.route('/themes', themesAdminPages(container));
  admin.route('/readers', readersAdminPages(container));
  admin.route('/api', editorApi(container));

  /** For scripts on workspace pages: who is signed in and the token to send with changes. */
  admin.get('/api/session', requireRole('contributor'), (c) =>
    c.json({
      user: signedInUser(c),
      csrfToken: c.get('csrfToken'),
      expiresAt: c.get('session')?.expiresAt ?? null,
    }),
  );

  admin.onError((error, c) => {
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (error instanceof ZodError)
      appError = new AppError('request.invalid', 400, 'The request was not understood.');
    else {
      logger.error('unhandled error in the workspace', {
        path: c.req.path,
        error: error.stack ?? String(error),
      });
      appError = new AppError(
        'internal',
        500,
        'Something went wrong. The error has been logged; please try again.',
      );
    }
    if (wantsJson(c)) {
      return c.json({ error: { code: appError.code, message: appError.message } }, appError.status);
    }
    return c.html(
      renderAdminPage(
        <AdminErrorPage
          site={config}
          user={c.get('currentUser') ?? null}
          csrfToken={c.get('csrfToken') ?? ''}
          status={appError.status}
          message={appError.message}
        />,
      ),
      appError.status,
    );
  });

  return admin;
}
