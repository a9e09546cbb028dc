import type { FC } from 'hono/jsx';
import { AdminLayout, type AdminSite } from '../admin/ui/admin-layout.tsx';
import { describeUserAgent, formatTimestamp } from '../admin/ui/format.ts';
import { ActionButton, CsrfField, ErrorSummary, Field, type FormError, Notice } from '../admin/ui/forms.tsx';
import type { CurrentUser } from './accounts.context.ts';
import type { SessionRow } from './accounts.repository.ts';
import { minimumPasswordLength } from './passwords.ts';
import { roleDescriptions, roleLabels } from './roles.ts';

type PageBase = { site: AdminSite; csrfToken: string };

const toSummary = (errors: Record<string, string>, ids: Record<string, string>): FormError[] =>
  Object.entries(errors).map(([key, message]) => ({ field: ids[key], message }));

export const LoginPage: FC<
  PageBase & { email?: string; next: string; errors?: Record<string, string>; notice?: string | null }
> = ({ site, csrfToken, email, next, errors = {}, notice }) => (
  <AdminLayout site={site} title="Sign in" user={null} csrfToken={csrfToken}>
    <div class="panel panel--narrow">
      <h1>Sign in to the workspace</h1>
      <Notice message={notice} />
      <ErrorSummary
        errors={toSummary(errors, { email: 'login-email', password: 'login-password', form: 'login-email' })}
      />
      <form method="post" action="/admin/login" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="next" value={next} />
        <Field
          id="login-email"
          name="email"
          type="email"
          label="E-mail address"
          value={email}
          error={errors.email}
          autocomplete="username"
          required
          autofocus={Object.keys(errors).length === 0}
        />
        <Field
          id="login-password"
          name="password"
          type="password"
          label="Password"
          error={errors.password}
          autocomplete="current-password"
          required
        />
        <button type="submit">Sign in</button>
      </form>
      <p class="muted">
        Forgotten your password, or no account yet? Ask an administrator of this archive for a link to set
        one.
      </p>
    </div>
  </AdminLayout>
);

const linkProblems = {
  unknown: 'This link is not valid. Check that you copied all of it, or ask an administrator for a new one.',
  expired: 'This link has expired. Ask an administrator of the archive for a new one.',
  used: 'This link has already been used. Sign in with the password you chose, or ask an administrator for a new link.',
} as const;

export const PasswordLinkProblemPage: FC<PageBase & { state: keyof typeof linkProblems }> = ({
  site,
  csrfToken,
  state,
}) => (
  <AdminLayout site={site} title="Link not usable" user={null} csrfToken={csrfToken} noReferrer>
    <div class="panel panel--narrow">
      <h1>This link cannot be used</h1>
      <p class="lead">{linkProblems[state]}</p>
      <p>
        <a href="/admin/login">Go to the sign-in page</a>
      </p>
    </div>
  </AdminLayout>
);

export const SetPasswordPage: FC<
  PageBase & { token: string; email: string; purpose: 'invite' | 'reset'; problems?: string[] }
> = ({ site, csrfToken, token, email, purpose, problems = [] }) => (
  <AdminLayout site={site} title="Choose a password" user={null} csrfToken={csrfToken} noReferrer>
    <div class="panel panel--narrow">
      <h1>{purpose === 'invite' ? 'Welcome: choose your password' : 'Choose a new password'}</h1>
      <p>
        For the account <strong>{email}</strong>. This link works once.
      </p>
      <ErrorSummary errors={problems.map((message) => ({ field: 'new-password', message }))} />
      <form method="post" action={`/admin/set-password/${token}`} novalidate>
        <CsrfField token={csrfToken} />
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" value={email} autocomplete="username" />
        <Field
          id="new-password"
          name="password"
          type="password"
          label="New password"
          hint={`At least ${minimumPasswordLength} characters. A few unrelated words make a good one.`}
          error={problems.length > 0 ? problems[0] : undefined}
          autocomplete="new-password"
          required
          autofocus={problems.length === 0}
        />
        <Field
          id="new-password-confirmation"
          name="confirmation"
          type="password"
          label="New password again"
          autocomplete="new-password"
          required
        />
        <button type="submit">Set password</button>
      </form>
    </div>
  </AdminLayout>
);

export const AccountPage: FC<
  PageBase & {
    user: CurrentUser;
    currentSessionId: number;
    sessions: SessionRow[];
    errors?: Record<string, string>;
    notice?: string | null;
  }
> = ({ site, csrfToken, user, currentSessionId, sessions, errors = {}, notice }) => (
  <AdminLayout site={site} title="My account" user={user} csrfToken={csrfToken} section="/admin/account">
    <h1>My account</h1>
    <Notice message={notice} />
    <ErrorSummary
      errors={toSummary(errors, {
        current: 'current-password',
        next: 'next-password',
        confirmation: 'next-password-confirmation',
      })}
    />
    <section class="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <p>
        {user.displayName ? `${user.displayName}, ` : ''}
        <strong>{user.email}</strong>
      </p>
      <p>
        Role: <strong>{roleLabels[user.role]}</strong> ({roleDescriptions[user.role]}).
      </p>
    </section>
    <section class="panel" aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <p class="muted">Changing your password signs out every other browser where you are signed in.</p>
      <form method="post" action="/admin/account/password" novalidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="username" value={user.email} autocomplete="username" />
        <Field
          id="current-password"
          name="current"
          type="password"
          label="Current password"
          error={errors.current}
          autocomplete="current-password"
          required
        />
        <Field
          id="next-password"
          name="next"
          type="password"
          label="New password"
          hint={`At least ${minimumPasswordLength} characters.`}
          error={errors.next}
          autocomplete="new-password"
          required
        />
        <Field
          id="next-password-confirmation"
          name="confirmation"
          type="password"
          label="New password again"
          error={errors.confirmation}
          autocomplete="new-password"
          required
        />
        <button type="submit">Change password</button>
      </form>
    </section>
    <section class="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you are signed in</h2>
      <SessionsTable
        sessions={sessions}
        currentSessionId={currentSessionId}
        csrfToken={csrfToken}
        revokePath={(id) => `/admin/account/sessions/${id}/revoke`}
      />
      {sessions.length > 1 ? (
        <p>
          <ActionButton
            action="/admin/account/sessions/revoke-others"
            csrfToken={csrfToken}
            label="Sign out everywhere else"
          />
        </p>
      ) : null}
    </section>
  </AdminLayout>
);

/** Sessions with where and when they were used; shared by the account page and the user page. */
export const SessionsTable: FC<{
  sessions: SessionRow[];
  currentSessionId?: number | undefined;
  csrfToken: string;
  revokePath: (id: number) => string;
}> = ({ sessions, currentSessionId, csrfToken, revokePath }) =>
  sessions.length === 0 ? (
    <p>No active sessions.</p>
  ) : (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Browser</th>
            <th scope="col">IP address</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last active</th>
            <th scope="col">Ends at the latest</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr>
              <td>
                {describeUserAgent(s.user_agent)}
                {s.id === currentSessionId ? <strong> (this browser)</strong> : null}
              </td>
              <td>{s.ip ?? 'unknown'}</td>
              <td>{formatTimestamp(s.created_at)}</td>
              <td>{formatTimestamp(s.last_seen_at)}</td>
              <td>{formatTimestamp(s.expires_at)}</td>
              <td>
                <ActionButton
                  action={revokePath(s.id)}
                  csrfToken={csrfToken}
                  label={s.id === currentSessionId ? 'Sign out here' : 'End session'}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
