import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FC, PropsWithChildren } from 'hono/jsx';
import type { Container } from '../../app/container.ts';
import { AppError, notFound } from '../../app/errors.ts';
import { parseRecordId } from '../../app/route-params.ts';
import type { CurrentUser } from '../accounts/accounts.context.ts';
import { type AdminEnv, actionContext, requireRole, signedInUser } from '../accounts/accounts.middleware.ts';
import { AdminLayout, type AdminSite, renderAdminPage } from '../admin/ui/admin-layout.tsx';
import { formatTimestamp } from '../admin/ui/format.ts';
import { CsrfField, Notice } from '../admin/ui/forms.tsx';
import { createDocumentsRepository, type StoredDocument } from '../documents/documents.repository.ts';
import { RecordFieldError } from '../documents/documents.usecases.ts';
import { editorStylesheet } from '../editor/editor.assets.ts';
import { mayEdit, statusLabels } from '../editor/editor.workflow.ts';
import { compareSnapshots, type FieldChange, snapshotFields } from './revisions.diff.ts';
import { createRevisionsRepository, type RevisionSummary } from './revisions.repository.ts';
import { parseSnapshot, type RevisionSnapshot } from './revisions.snapshot.ts';
import { restoreRevision } from './revisions.usecases.ts';

type Frame = { site: AdminSite; user: CurrentUser; csrfToken: string; document: StoredDocument };

const Page: FC<PropsWithChildren<Frame & { title: string }>> = ({
  site,
  user,
  csrfToken,
  document,
  title,
  children,
}) => (
  <AdminLayout
    site={site}
    title={title}
    user={user}
    csrfToken={csrfToken}
    section="/admin/documents"
    stylesheets={[editorStylesheet]}
  >
    <p class="breadcrumb">
      <a href="/admin/documents">Documents</a> ›{' '}
      <a href={`/admin/documents/${document.id}/edit`}>Record {document.id}</a> ›{' '}
      <a href={`/admin/documents/${document.id}/revisions`}>Revisions</a>
    </p>
    <h1>{title}</h1>
    {children}
  </AdminLayout>
);

const RevisionList: FC<Frame & { revisions: RevisionSummary[]; notice?: string | undefined }> = (props) => {
  const { document: d, revisions } = props;
  const [newest, previous] = revisions;
  return (
    <Page {...props} title={`Revisions of record ${d.id}`}>
      <p class="lead">{d.title}</p>
      <Notice message={props.notice} />
      <form method="get" action={`/admin/documents/${d.id}/revisions/compare`}>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Every saved state of the document, newest first</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Revision</th>
                <th scope="col">Saved</th>
                <th scope="col">By</th>
                <th scope="col">What</th>
                <th scope="col">Status then</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr>
                  <td>
                    <input
                      type="radio"
                      name="from"
                      value={String(r.number)}
                      checked={r.number === previous?.number}
                      aria-label={`Compare from revision ${r.number}`}
                    />
                  </td>
                  <td>
                    <input
                      type="radio"
                      name="to"
                      value={String(r.number)}
                      checked={r.number === newest?.number}
                      aria-label={`Compare to revision ${r.number}`}
                    />
                  </td>
                  <td>
                    <a href={`/admin/documents/${d.id}/revisions/${r.number}`}>{r.number}</a>
                  </td>
                  <td>{formatTimestamp(r.created_at)}</td>
                  <td>{r.author_label}</td>
                  <td>
                    {r.action}
                    {r.note ? <span class="muted"> — {r.note}</span> : null}
                  </td>
                  <td>{statusLabels[r.status] ?? r.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {revisions.length > 1 ? (
          <button type="submit" class="button">
            Compare the chosen revisions
          </button>
        ) : null}
      </form>
    </Page>
  );
};

const lines = (value: string) => (value === '' ? <span class="muted">(empty)</span> : value);

const WordDiff: FC<{ change: FieldChange }> = ({ change }) =>
  change.words ? (
    <p class="diff-words">
      {change.words.map((w) =>
        w.change === 'added' ? <ins>{w.text}</ins> : w.change === 'removed' ? <del>{w.text}</del> : w.text,
      )}
    </p>
  ) : (
    <p class="muted">The texts differ throughout; both are shown in full.</p>
  );

const ComparePage: FC<Frame & { from: RevisionSummary; to: RevisionSummary; changes: FieldChange[] }> = (
  props,
) => {
  const { from, to, changes } = props;
  return (
    <Page {...props} title={`Revision ${from.number} → ${to.number}`}>
      <p>
        From revision {from.number} ({formatTimestamp(from.created_at)}, {from.author_label}) to revision{' '}
        {to.number} ({formatTimestamp(to.created_at)}, {to.author_label}).
      </p>
      {changes.length === 0 ? (
        <p>These revisions are the same.</p>
      ) : (
        <div class="table-wrap">
          <table class="diff-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Revision {from.number}</th>
                <th scope="col">Revision {to.number}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) =>
                c.words !== null || c.field.startsWith('text:') || c.field === 'summary' ? (
                  <tr>
                    <th scope="row">{c.label}</th>
                    <td colspan={2}>
                      <WordDiff change={c} />
                      {c.words === null ? (
                        <>
                          <del>{c.before}</del>
                          <ins>{c.after}</ins>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ) : (
                  <tr>
                    <th scope="row">{c.label}</th>
                    <td>{lines(c.before)}</td>
                    <td>{lines(c.after)}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
};

const RevisionPage: FC<
  Frame & { revision: RevisionSummary; snapshot: RevisionSnapshot; canRestore: boolean; latest: number }
> = (props) => {
  const { document: d, revision: r, snapshot: s, canRestore, latest, csrfToken } = props;
  return (
    <Page {...props} title={`Revision ${r.number} of record ${d.id}`}>
      <p>
        Saved {formatTimestamp(r.created_at)} by {r.author_label} ({r.action}
        {r.note ? `: ${r.note}` : ''}).
      </p>
      {r.number < latest && canRestore ? (
        <form method="post" action={`/admin/documents/${d.id}/revisions/${r.number}/restore`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="button">
            Restore this revision
          </button>
          <span class="field__hint">
            {' '}
            The current state stays in the history; the status does not change.
          </span>
        </form>
      ) : null}
      <p>
        {r.number > 1 ? (
          <a href={`/admin/documents/${d.id}/revisions/compare?from=${r.number - 1}&to=${r.number}`}>
            What changed in this revision
          </a>
        ) : null}
      </p>
      <dl class="snapshot">
        {snapshotFields(s).map((f) => (
          <>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </>
        ))}
      </dl>
    </Page>
  );
};

/**
 * Revisions of a document: /admin/documents/{id}/revisions (the list), /{n} (one revision in full),
 * /compare?from=&to= (field by field, with a word diff of texts) and /{n}/restore.
 */
export function revisionPages(container: Pick<Container, 'config' | 'database' | 'storage'>) {
  const { config, database, storage } = container;
  const app = new Hono<AdminEnv>();
  const revisions = () => createRevisionsRepository({ db: database.db });

  async function load(idParam: string | undefined): Promise<StoredDocument> {
    const id = parseRecordId(idParam);
    const document =
      id === undefined ? undefined : await createDocumentsRepository({ db: database.db }).findById(id);
    if (!document) throw notFound('documents.not_found', 'There is no such document.');
    return document;
  }
  const frame = (c: Context<AdminEnv>, document: StoredDocument): Frame => ({
    site: config,
    user: signedInUser(c),
    csrfToken: c.get('csrfToken'),
    document,
  });
  const revisionNumber = (value: string | undefined) => parseRecordId(value);

  app.get('/:id/revisions', requireRole('contributor'), async (c) => {
    const document = await load(c.req.param('id'));
    const restored = c.req.query('restored');
    const notice =
      restored && /^\d+$/.test(restored) ? `Revision ${restored} was restored as a new revision.` : undefined;
    return c.html(
      renderAdminPage(
        <RevisionList
          {...frame(c, document)}
          revisions={await revisions().list(document.id)}
          notice={notice}
        />,
      ),
    );
  });

  app.get('/:id/revisions/compare', requireRole('contributor'), async (c) => {
    const document = await load(c.req.param('id'));
    const from = revisionNumber(c.req.query('from'));
    const to = revisionNumber(c.req.query('to'));
    const [a, b] = await Promise.all([
      from === undefined ? undefined : revisions().find(document.id, from),
      to === undefined ? undefined : revisions().find(document.id, to),
    ]);
    if (!a || !b) throw notFound('revisions.not_found', 'Choose two revisions of this document to compare.');
    const [older, newer] = a.number <= b.number ? [a, b] : [b, a];
    const changes = compareSnapshots(parseSnapshot(older.snapshot), parseSnapshot(newer.snapshot));
    return c.html(
      renderAdminPage(<ComparePage {...frame(c, document)} from={older} to={newer} changes={changes} />),
    );
  });

  app.get('/:id/revisions/:number', requireRole('contributor'), async (c) => {
    const document = await load(c.req.param('id'));
    const number = revisionNumber(c.req.param('number'));
    const revision = number === undefined ? undefined : await revisions().find(document.id, number);
    if (!revision) throw notFound('revisions.not_found', 'This document has no such revision.');
    const user = signedInUser(c);
    const latest = (await revisions().list(document.id))[0]?.number ?? 0;
    return c.html(
      renderAdminPage(
        <RevisionPage
          {...frame(c, document)}
          revision={revision}
          snapshot={parseSnapshot(revision.snapshot)}
          canRestore={mayEdit(user.role, document.status)}
          latest={latest}
        />,
      ),
    );
  });

  app.post('/:id/revisions/:number/restore', requireRole('contributor'), async (c) => {
    const document = await load(c.req.param('id'));
    const number = revisionNumber(c.req.param('number'));
    if (number === undefined) throw notFound('revisions.not_found', 'This document has no such revision.');
    if (!mayEdit(signedInUser(c).role, document.status)) {
      throw new AppError(
        'auth.forbidden',
        403,
        'Only editors change a document that is scheduled, published or withdrawn.',
      );
    }
    try {
      await restoreRevision(
        { db: database.db, dialect: database.dialect, storage },
        { documentId: document.id, number, context: actionContext(c) },
      );
    } catch (error) {
      if (error instanceof RecordFieldError) {
        throw new AppError('revisions.conflict', 409, `This revision cannot be restored: ${error.message}`);
      }
      throw error;
    }
    return c.redirect(`/admin/documents/${document.id}/revisions?restored=${number}`, 303);
  });

  return app;
}
