import type { FC } from 'hono/jsx';
import { AdminLayout, type AdminSite } from '../admin/ui/admin-layout.tsx';
import { formatTimestamp } from '../admin/ui/format.ts';
import { ActionButton, CsrfField, ErrorSummary, Field, Notice, SelectField } from '../admin/ui/forms.tsx';
import type { CurrentUser } from './accounts.context.ts';
import type { SessionRow, UserRow } from './accounts.repository.ts';
import type { PasswordLink, UserStatus } from './accounts.usecases.ts';
import { SessionsTable } from './accounts.views.tsx';
import { roleDescriptions, roleLabels, userRoles } from './roles.ts';

type PageBase = { site: AdminSite; csrfToken: string; user: CurrentUser };

const statusLabels: Record<UserStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  link_expired: 'Link expired',
  disabled: 'Disabled',
};

const roleOptions = userRoles.map((role) => ({
  value: role,
  label: `${roleLabels[role]}: ${roleDescriptions[role]}`,
}));

export type ListedUser = UserRow & { status: UserStatus; activeSessions: number };

export const UsersPage: FC<
  PageBase & {
    users: ListedUser[];
    form?: { email: string; displayName: string; role: string };
    errors?: Record<string, string>;
    notice?: string | null;
  }
> = ({ site, csrfToken, user, users, form, errors = {}, notice }) => (
  <AdminLayout site={site} title="Users" user={user} csrfToken={csrfToken} section="/admin/users">
    <h1>Users</h1>
    <Notice message={notice} />
    <ErrorSummary
      errors={Object.entries(errors).map(([key, message]) => ({
        field:
          { email: 'invite-email', displayName: 'invite-name', role: 'invite-role' }[key] ?? 'invite-email',
        message,
      }))}
    />
    <div class="table-wrap">
      <table>
        <caption>{users.length === 1 ? '1 account' : `${users.length} accounts`}</caption>
        <thead>
          <tr>
            <th scope="col">E-mail</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Sessions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <td>
                <a href={`/admin/users/${u.id}`}>{u.email}</a>
              </td>
              <td>{u.display_name ?? ''}</td>
              <td>{roleLabels[u.role]}</td>
              <td>
                <span class={`status status--${u.status}`}>{statusLabels[u.status]}</span>
              </td>
              <td>{formatTimestamp(u.last_login_at)}</td>
              <td>{u.activeSessions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <section class="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a colleague</h2>
      <p class="muted">
        This creates the account and shows a link, valid once for 72 hours, with which your colleague chooses
        a password. Send it to them yourself, by a channel you trust.
      </p>
      <form method="post" action="/admin/users" novalidate>
        <CsrfField token={csrfToken} />
        <Field
          id="invite-email"
          name="email"
          type="email"
          label="E-mail address"
          value={form?.email}
          error={errors.email}
          autocomplete="off"
          required
        />
        <Field
          id="invite-name"
          name="displayName"
          label="Name (optional)"
          value={form?.displayName}
          error={errors.displayName}
          autocomplete="off"
        />
        <SelectField
          id="invite-role"
          name="role"
          label="Role"
          options={roleOptions}
          value={form?.role ?? 'contributor'}
          error={errors.role}
        />
        <button type="submit">Create account and link</button>
      </form>
    </section>
  </AdminLayout>
);

/** Shown once after an invitation or a new link: the link itself is never stored or shown again. */
export const PasswordLinkPage: FC<PageBase & { target: UserRow; link: PasswordLink; created: boolean }> = ({
  site,
  csrfToken,
  user,
  target,
  link,
  created,
}) => (
  <AdminLayout site={site} title="Set-password link" user={user} csrfToken={csrfToken} section="/admin/users">
    <h1>{created ? `Account created for ${target.email}` : `New link for ${target.email}`}</h1>
    <div class="panel">
      <p>
        Send this link to <strong>{target.email}</strong>. It works <strong>once</strong>, until{' '}
        {formatTimestamp(link.expiresAt)}. It will not be shown again; any earlier link for this account no
        longer works.
      </p>
      <p>
        <label for="password-link">Set-password link</label>
        <output
          id="password-link"
          class="secret-link"
        >{`${site.baseUrl}/admin/set-password/${link.token}`}</output>
      </p>
    </div>
    <p>
      <a href={`/admin/users/${target.id}`}>Back to {target.email}</a> · <a href="/admin/users">All users</a>
    </p>
  </AdminLayout>
);

export const UserPage: FC<
  PageBase & { target: UserRow & { status: UserStatus }; sessions: SessionRow[]; notice?: string | null }
> = ({ site, csrfToken, user, target, sessions, notice }) => (
  <AdminLayout site={site} title={target.email} user={user} csrfToken={csrfToken} section="/admin/users">
    <p>
      <a href="/admin/users">All users</a>
    </p>
    <h1>{target.email}</h1>
    <Notice message={notice} />
    <section class="panel" aria-labelledby="summary-title">
      <h2 id="summary-title">Account</h2>
      <dl>
        <dt>Name</dt>
        <dd>{target.display_name ?? '—'}</dd>
        <dt>Status</dt>
        <dd>
          <span class={`status status--${target.status}`}>{statusLabels[target.status]}</span>
        </dd>
        <dt>Created</dt>
        <dd>{formatTimestamp(target.created_at)}</dd>
        <dt>Last sign-in</dt>
        <dd>{formatTimestamp(target.last_login_at)}</dd>
        <dt>Password last set</dt>
        <dd>{formatTimestamp(target.password_changed_at)}</dd>
      </dl>
      <p>
        <a href={`/admin/audit?actor=${target.id}`}>What this person did (audit log)</a>
      </p>
    </section>
    <section class="panel" aria-labelledby="role-title">
      <h2 id="role-title">Role</h2>
      <form method="post" action={`/admin/users/${target.id}/role`}>
        <CsrfField token={csrfToken} />
        <SelectField id="user-role" name="role" label="Role" options={roleOptions} value={target.role} />
        <button type="submit">Change role</button>
      </form>
    </section>
    <section class="panel" aria-labelledby="access-title">
      <h2 id="access-title">Access</h2>
      <div class="actions">
        {target.status !== 'disabled' ? (
          <ActionButton
            action={`/admin/users/${target.id}/password-link`}
            csrfToken={csrfToken}
            label={target.password_hash ? 'Create a password reset link' : 'Create a new invitation link'}
          />
        ) : null}
        {target.status === 'disabled' ? (
          <ActionButton
            action={`/admin/users/${target.id}/enable`}
            csrfToken={csrfToken}
            label="Enable account"
          />
        ) : (
          <ActionButton
            action={`/admin/users/${target.id}/disable`}
            csrfToken={csrfToken}
            label="Disable account and end its sessions"
            danger
          />
        )}
      </div>
    </section>
    <section class="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      <SessionsTable
        sessions={sessions}
        currentSessionId={undefined}
        csrfToken={csrfToken}
        revokePath={(id) => `/admin/users/${target.id}/sessions/${id}/revoke`}
      />
      {sessions.length > 1 ? (
        <p>
          <ActionButton
            action={`/admin/users/${target.id}/sessions/revoke`}
            csrfToken={csrfToken}
            label="End all sessions"
            danger
          />
        </p>
      ) : null}
    </section>
  </AdminLayout>
);
