import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { Container } from '../../app/container.ts';
import type { CurrentUser } from '../accounts/accounts.context.ts';
import { type AdminEnv, requireRole, signedInUser } from '../accounts/accounts.middleware.ts';
import { AdminLayout, type AdminSite, renderAdminPage } from '../admin/ui/admin-layout.tsx';
import { describeUserAgent, formatTimestamp } from '../admin/ui/format.ts';
import { Field, SelectField } from '../admin/ui/forms.tsx';
import { type AuditEventRow, createAuditRepository } from './audit.repository.ts';
import { type AuditFilter, auditFilterSchema, auditPageSize } from './audit.schemas.ts';

type Facets = Awaited<ReturnType<ReturnType<typeof createAuditRepository>['facets']>>;

/** The query string of a filter, for pagination links that keep every filter. */
function filterQuery(filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.actor !== undefined) params.set('actor', String(filter.actor));
  if (filter.action) params.set('action', filter.action);
  if (filter.targetType) params.set('targetType', filter.targetType);
  if (filter.targetId) params.set('targetId', filter.targetId);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Details are stored as a small JSON object; shown as `key: value` pairs, never as markup. */
function describeDetails(details: string | null): string {
  if (!details) return '';
  try {
    const parsed = JSON.parse(details) as Record<string, unknown>;
    return Object.entries(parsed)
      .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join('; ');
  } catch {
    return details;
  }
}

function actionOptions(actions: string[]) {
  const areas = [...new Set(actions.map((a) => a.split('.')[0] ?? a))];
  return [
    { value: '', label: 'Any action' },
    ...areas.map((area) => ({ value: area, label: `${area}: any` })),
    ...actions.map((action) => ({ value: action, label: action })),
  ];
}

const AuditPage: FC<{
  site: AdminSite;
  csrfToken: string;
  user: CurrentUser;
  filter: AuditFilter;
  facets: Facets;
  total: number;
  events: AuditEventRow[];
}> = ({ site, csrfToken, user, filter, facets, total, events }) => {
  const pages = Math.max(1, Math.ceil(total / auditPageSize));
  const first = total === 0 ? 0 : (filter.page - 1) * auditPageSize + 1;
  const last = Math.min(total, filter.page * auditPageSize);
  return (
    <AdminLayout site={site} title="Audit log" user={user} csrfToken={csrfToken} section="/admin/audit">
      <h1>Audit log</h1>
      <p class="muted">
        Every sign-in, account change and change to the archive's records, with who made it and from where.
        Times are in UTC.
      </p>
      <form method="get" action="/admin/audit" class="panel filters" aria-label="Filter the audit log">
        <SelectField
          id="audit-actor"
          name="actor"
          label="Who"
          value={filter.actor === undefined ? '' : String(filter.actor)}
          options={[
            { value: '', label: 'Anyone' },
            ...facets.actors.map((a) => ({ value: String(a.id), label: a.email })),
          ]}
        />
        <SelectField
          id="audit-action"
          name="action"
          label="Action"
          value={filter.action ?? ''}
          options={actionOptions(facets.actions)}
        />
        <SelectField
          id="audit-target-type"
          name="targetType"
          label="Record type"
          value={filter.targetType ?? ''}
          options={[{ value: '', label: 'Any' }, ...facets.targetTypes.map((t) => ({ value: t, label: t }))]}
        />
        <Field id="audit-target-id" name="targetId" label="Record ID" value={filter.targetId} />
        <Field id="audit-from" name="from" type="date" label="From (day)" value={filter.from} />
        <Field id="audit-to" name="to" type="date" label="To (day, inclusive)" value={filter.to} />
        <div class="field actions">
          <button type="submit">Filter</button>
          <a href="/admin/audit">Clear</a>
        </div>
      </form>
      <div class="table-wrap">
        <table>
          <caption>
            {total === 0 ? 'No events match.' : `Events ${first}–${last} of ${total}, newest first`}
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Record</th>
              <th scope="col">Details</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr>
                <td>{formatTimestamp(e.occurred_at)}</td>
                <td>
                  {e.actor_id ? (
                    <a href={`/admin/audit?actor=${e.actor_id}`}>{e.actor_label}</a>
                  ) : (
                    e.actor_label
                  )}
                </td>
                <td>{e.action}</td>
                <td>
                  {e.target_type ? `${e.target_type} ${e.target_id ?? ''}` : ''}
                  {e.target_label ? <div class="muted">{e.target_label}</div> : null}
                </td>
                <td class="details">{describeDetails(e.details)}</td>
                <td>
                  {e.ip ?? ''}
                  {e.user_agent ? <div class="muted">{describeUserAgent(e.user_agent)}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav class="pagination" aria-label="Pages of the audit log">
          {filter.page > 1 ? (
            <a href={`/admin/audit${filterQuery(filter, filter.page - 1)}`} rel="prev">
              Newer
            </a>
          ) : null}
          <span>
            Page {Math.min(filter.page, pages)} of {pages}
          </span>
          {filter.page < pages ? (
            <a href={`/admin/audit${filterQuery(filter, filter.page + 1)}`} rel="next">
              Older
            </a>
          ) : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
};

/** The audit log page, for administrators only. */
export function auditPages(container: Pick<Container, 'config' | 'database'>) {
  const { config } = container;
  const app = new Hono<AdminEnv>();
  app.get('/', requireRole('admin'), async (c) => {
    const filter = auditFilterSchema.parse(c.req.query());
    const audit = createAuditRepository({ db: container.database.db });
    const [{ total, events }, facets] = await Promise.all([
      audit.list(filter, auditPageSize),
      audit.facets(),
    ]);
    return c.html(
      renderAdminPage(
        <AuditPage
          site={config}
          csrfToken={c.get('csrfToken')}
          user={signedInUser(c)}
          filter={filter}
          facets={facets}
          total={total}
          events={events}
        />,
      ),
    );
  });
  return app;
}
