import type { FC, PropsWithChildren } from 'hono/jsx';
import type { Config } from '../../../config/config.ts';
import type { CurrentUser } from '../../accounts/accounts.context.ts';
import { roleAtLeast, roleLabels, type UserRole } from '../../accounts/roles.ts';
import { CsrfField } from './forms.tsx';

export type AdminSite = Pick<Config, 'archiveName' | 'baseUrl'>;

/** The sections of the workspace; each shows only to roles that may open it. */
export const adminSections: { path: string; label: string; role: UserRole }[] = [
  { path: '/admin', label: 'Dashboard', role: 'contributor' },
  { path: '/admin/documents', label: 'Documents', role: 'contributor' },
  { path: '/admin/authorities', label: 'Authorities', role: 'editor' },
  { path: '/admin/themes', label: 'Themes', role: 'editor' },
  { path: '/admin/readers', label: 'Readers', role: 'editor' },
  { path: '/admin/users', label: 'Users', role: 'admin' },
  { path: '/admin/audit', label: 'Audit log', role: 'admin' },
  { path: '/admin/account', label: 'My account', role: 'contributor' },
];

export const adminStylesheet = '/admin/assets/admin.css';

type AdminLayoutProps = PropsWithChildren<{
  site: AdminSite;
  title: string;
  user: CurrentUser | null;
  csrfToken: string;
  /** Path of the section the page belongs to, marked as current in the navigation. */
  section?: string;
  /** For pages whose address holds a secret (set-password links): send no referrer anywhere. */
  noReferrer?: boolean;
  /** Feature stylesheets and scripts (served from /admin/assets/), after the workspace's own. */
  stylesheets?: string[];
  scripts?: string[];
}>;

/**
 * The frame of every workspace page: a plain header with the sections, the signed-in person and a
 * sign-out button (a form, since signing out changes state). Kept apart from the public layout so
 * that staff never mistake a draft view for the published site.
 */
export const AdminLayout: FC<AdminLayoutProps> = ({
  site,
  title,
  user,
  csrfToken,
  section,
  noReferrer,
  stylesheets = [],
  scripts = [],
  children,
}) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex, nofollow" />
      {noReferrer ? <meta name="referrer" content="no-referrer" /> : null}
      <title>{`${title} · Workspace · ${site.archiveName}`}</title>
      <link rel="stylesheet" href={adminStylesheet} />
      {stylesheets.map((href) => (
        <link rel="stylesheet" href={href} />
      ))}
      {scripts.map((src) => (
        <script src={src} defer />
      ))}
    </head>
    <body class="admin">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="admin-header">
        <div class="admin-header__inner">
          <p class="admin-brand">
            <a href={user ? '/admin' : '/admin/login'}>{site.archiveName}</a>
            <span class="admin-brand__tag">Workspace</span>
          </p>
          {user ? (
            <nav class="admin-nav" aria-label="Workspace">
              <ul>
                {adminSections
                  .filter((s) => roleAtLeast(user.role, s.role))
                  .map((s) => (
                    <li>
                      <a href={s.path} aria-current={s.path === section ? 'page' : undefined}>
                        {s.label}
                      </a>
                    </li>
                  ))}
                <li>
                  <a href="/">Public site</a>
                </li>
              </ul>
            </nav>
          ) : null}
          {user ? (
            <form class="admin-signout" method="post" action="/admin/logout">
              <CsrfField token={csrfToken} />
              <span class="admin-signout__who">
                {user.displayName ?? user.email} <span class="role-badge">{roleLabels[user.role]}</span>
              </span>
              <button type="submit" class="button button--quiet">
                Sign out
              </button>
            </form>
          ) : null}
        </div>
      </header>
      <main id="main" class="admin-main" tabindex={-1}>
        {children}
      </main>
    </body>
  </html>
);

/** The page shown for refused or failed workspace requests (403, 404, 409, CSRF...). */
export const AdminErrorPage: FC<{
  site: AdminSite;
  user: CurrentUser | null;
  csrfToken: string;
  status: number;
  message: string;
}> = ({ site, user, csrfToken, status, message }) => {
  const title =
    status === 403
      ? 'Not allowed'
      : status === 404
        ? 'Not found'
        : status === 429
          ? 'Too many attempts'
          : 'Cannot do that';
  return (
    <AdminLayout site={site} title={title} user={user} csrfToken={csrfToken}>
      <h1>{title}</h1>
      <p class="lead">{message}</p>
      <p>
        {user ? (
          <a href="/admin">Back to the dashboard</a>
        ) : (
          <a href="/admin/login">Go to the sign-in page</a>
        )}
      </p>
    </AdminLayout>
  );
};

/** hono/jsx emits no doctype; workspace pages go through here to get one. */
export const renderAdminPage = (element: unknown): string => `<!doctype html>${String(element)}`;
