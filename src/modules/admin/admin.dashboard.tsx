import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { Container } from '../../app/container.ts';
import { type DocumentStatus, documentStatuses } from '../../database/tables.ts';
import type { CurrentUser } from '../accounts/accounts.context.ts';
import { type AdminEnv, requireRole, signedInUser } from '../accounts/accounts.middleware.ts';
import { roleLabels } from '../accounts/roles.ts';
import { createAdminRepository, type RecentDocument } from './admin.repository.ts';
import { AdminLayout, type AdminSite, renderAdminPage } from './ui/admin-layout.tsx';
import { formatTimestamp } from './ui/format.ts';

const statusLabels: Record<DocumentStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  withdrawn: 'Withdrawn',
};

const recentLimit = 25;

const DashboardPage: FC<{
  site: AdminSite;
  csrfToken: string;
  user: CurrentUser;
  counts: Record<DocumentStatus, number>;
  status: DocumentStatus | undefined;
  documents: RecentDocument[];
}> = ({ site, csrfToken, user, counts, status, documents }) => (
  <AdminLayout site={site} title="Dashboard" user={user} csrfToken={csrfToken} section="/admin">
    <h1>Dashboard</h1>
    <p>
      Signed in as <strong>{user.displayName ?? user.email}</strong>, {roleLabels[user.role].toLowerCase()}.
    </p>
    <ul class="counts" aria-label="Documents by status">
      {documentStatuses.map((s) => (
        <li>
          <strong>{counts[s]}</strong>
          <a href={`/admin?status=${s}`} aria-current={status === s ? 'true' : undefined}>
            {statusLabels[s]}
          </a>
        </li>
      ))}
    </ul>
    <h2>
      {status ? `Recently changed: ${statusLabels[status].toLowerCase()}` : 'Recently changed documents'}
      {status ? (
        <>
          {' '}
          <a href="/admin" class="muted">
            (show all)
          </a>
        </>
      ) : null}
    </h2>
    {documents.length === 0 ? (
      <p>No documents yet.</p>
    ) : (
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Last changed</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr>
                <td>{d.id}</td>
                <td>
                  <a href={`/admin/documents/${d.id}/edit`}>{d.title}</a>
                </td>
                <td>
                  <span class={`status status--${d.status}`}>{statusLabels[d.status]}</span>
                </td>
                <td>{formatTimestamp(d.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </AdminLayout>
);

/** The workspace's front page: documents of every status, most recently changed first. */
export function dashboardPages(container: Pick<Container, 'config' | 'database'>) {
  const app = new Hono<AdminEnv>();
  app.get('/', requireRole('contributor'), async (c) => {
    const requested = c.req.query('status');
    const status = documentStatuses.find((s) => s === requested);
    const repository = createAdminRepository({ db: container.database.db });
    const [counts, documents] = await Promise.all([
      repository.countByStatus(),
      repository.recentDocuments({ status, limit: recentLimit }),
    ]);
    return c.html(
      renderAdminPage(
        <DashboardPage
          site={container.config}
          csrfToken={c.get('csrfToken')}
          user={signedInUser(c)}
          counts={counts}
          status={status}
          documents={documents}
        />,
      ),
    );
  });
  return app;
}
