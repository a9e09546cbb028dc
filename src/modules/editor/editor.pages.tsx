import { Readable } from 'node:stream';
import { type Context, Hono } from 'hono';
import type { Container } from '../../app/container.ts';
import { AppError, notFound } from '../../app/errors.ts';
import { parseRecordId } from '../../app/route-params.ts';
import type { AuthorityKind } from '../../database/tables.ts';
import {
  type AdminEnv,
  actionContext,
  requireRole,
  signedInUser,
  wantsJson,
} from '../accounts/accounts.middleware.ts';
import { renderAdminPage } from '../admin/ui/admin-layout.tsx';
import { alignmentEditorPages } from '../alignment/alignment.editor.tsx';
import { safeFileName } from '../assets/asset-files.ts';
import { isInlineSafe } from '../assets/media-type.ts';
import { createDocumentsRepository, type StoredDocument } from '../documents/documents.repository.ts';
import { UploadProblem } from '../uploads/multipart.ts';
import { addAssetToDocument, receiveAssetUpload } from '../uploads/uploads.usecases.ts';
import { type BulkAction, bulkActions, runBulkAction } from './editor.bulk.ts';
import {
  blankRowOf,
  type EditorForm,
  emptyForm,
  formFromBody,
  formFromDocument,
  isRowGroup,
  rowGroups,
  spareRows,
  withMoreRows,
} from './editor.form.ts';
import { BulkResultsPage, DocumentListPage, isDocumentStatus } from './editor.list.tsx';
import { EditorPage, type EditorPageProps } from './editor.page.tsx';
import type { FieldError } from './editor.record.ts';
import { createEditorRepository } from './editor.repository.ts';
import { editorTextPages } from './editor.texts.tsx';
import { saveEditorForm } from './editor.usecases.ts';
import { allowedActions, changeStatus, isWorkflowAction, mayEdit, WorkflowError } from './editor.workflow.ts';

/** Authority kinds whose names the form offers in lists. */
const pickerKinds: AuthorityKind[] = [
  'person',
  'organization',
  'place',
  'subject',
  'collection',
  'repository',
  'funder',
];

const notices: Record<string, string> = {
  created: 'The document was created as a draft. Add its scans and texts with the upload form.',
  saved: 'Your changes were saved.',
  'file-added': 'The file was added. Scans are read for text and page images in the background.',
  submitted: 'The document was submitted for review.',
  returned: 'The document is a draft again.',
  published: 'The document is published.',
  scheduled: 'The document is scheduled for publication.',
  withdrawn: 'The document was withdrawn. Readers who follow its address see the reason.',
  reinstated: 'The document is published again.',
  restored: 'The revision was restored as a new revision.',
};

/** Every row group gets a few blank rows to type into. */
function withSpareRows(form: EditorForm): EditorForm {
  const padded = { ...form };
  for (const group of rowGroups) {
    const rows = [...(form[group] as unknown[])];
    for (let i = 0; i < spareRows; i++) rows.push(blankRowOf[group]());
    (padded as Record<string, unknown>)[group] = rows;
  }
  return padded;
}

const pageSize = 50;

/**
 * The document editor: /admin/documents (list and bulk actions), /admin/documents/new, and
 * /admin/documents/{id}/edit with its saves, workflow moves and uploads. Contributors edit drafts and
 * documents in review; editors everything (editor.workflow.ts has the rules).
 */
export function editorPages(container: Pick<Container, 'config' | 'database' | 'storage'>) {
  const { config, database, storage } = container;
  const deps = { db: database.db, dialect: database.dialect };
  const app = new Hono<AdminEnv>();
  const editor = () => createEditorRepository({ db: database.db });

  async function loadDocument(idParam: string | undefined): Promise<StoredDocument> {
    const id = parseRecordId(idParam);
    const document =
      id === undefined ? undefined : await createDocumentsRepository({ db: database.db }).findById(id);
    if (!document) throw notFound('documents.not_found', 'There is no such document.');
    return document;
  }

  async function render(
    c: Context<AdminEnv>,
    props: Pick<EditorPageProps, 'document' | 'form' | 'errors'> &
      Partial<Pick<EditorPageProps, 'notice' | 'uploadErrors' | 'workflowErrors'>>,
    status: 200 | 409 | 413 | 415 | 422 | 400 = 200,
  ) {
    const user = signedInUser(c);
    const repository = editor();
    const names = Object.fromEntries(
      await Promise.all(
        pickerKinds.map(async (kind) => [kind, await repository.frequentNames(kind)] as const),
      ),
    );
    const d = props.document;
    const page = (
      <EditorPage
        site={config}
        user={user}
        csrfToken={c.get('csrfToken')}
        names={names}
        actions={d ? allowedActions(user.role, d.status) : []}
        canEdit={d ? mayEdit(user.role, d.status) : true}
        uploadLimitMb={config.uploadLimitMb}
        revisionCount={d ? await repository.latestRevision(d.id) : 0}
        {...props}
        form={withSpareRows(props.form)}
      />
    );
    return c.html(renderAdminPage(page), status);
  }

  app.get('/', requireRole('contributor'), async (c) => {
    const status = c.req.query('status');
    const collection = parseRecordId(c.req.query('collection'));
    const page = Math.max(1, Math.min(100_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const filter = {
      status: isDocumentStatus(status) ? status : undefined,
      query: c.req.query('q')?.slice(0, 200) || undefined,
      collectionId: collection,
      page,
      perPage: pageSize,
    };
    const repository = editor();
    const [{ total, items }, collections] = await Promise.all([
      repository.listDocuments(filter),
      repository.collections(),
    ]);
    return c.html(
      renderAdminPage(
        <DocumentListPage
          site={config}
          user={signedInUser(c)}
          csrfToken={c.get('csrfToken')}
          filter={filter}
          total={total}
          items={items}
          collections={collections}
        />,
      ),
    );
  });

  app.post('/bulk', requireRole('contributor'), async (c) => {
    const body = await c.req.parseBody({ all: true });
    const action = String(body.action ?? '');
    if (!(action in bulkActions))
      throw new AppError('documents.bulk_invalid', 422, 'Choose what to do with the selected documents.');
    const ids = ([] as unknown[])
      .concat(body.ids ?? [])
      .map((v) => parseRecordId(typeof v === 'string' ? v : undefined))
      .filter((id): id is number => id !== undefined);
    if (ids.length === 0) throw new AppError('documents.bulk_invalid', 422, 'Select at least one document.');
    const user = signedInUser(c);
    const results = await runBulkAction(
      { ...deps, storage },
      {
        ids,
        action: action as BulkAction,
        collectionId: parseRecordId(typeof body.collection === 'string' ? body.collection : undefined),
        role: user.role,
        context: actionContext(c),
      },
    );
    return c.html(
      renderAdminPage(
        <BulkResultsPage
          site={config}
          user={user}
          csrfToken={c.get('csrfToken')}
          action={action as BulkAction}
          results={results}
        />,
      ),
    );
  });

  app.get('/new', requireRole('contributor'), (c) =>
    render(c, { document: undefined, form: emptyForm(), errors: [] }),
  );

  app.post('/', requireRole('contributor'), async (c) => {
    const form = formFromBody(await c.req.parseBody({ all: true }), undefined);
    const more = (await c.req.parseBody())._more;
    if (typeof more === 'string' && isRowGroup(more)) {
      return render(c, { document: undefined, form: withMoreRows(form, more), errors: [] });
    }
    const outcome = await saveEditorForm(deps, { current: undefined, form, context: actionContext(c) });
    if (!outcome.ok) return render(c, { document: undefined, form, errors: outcome.errors }, outcome.status);
    return c.redirect(`/admin/documents/${outcome.id}/edit?done=created`, 303);
  });

  app.get('/:id/edit', requireRole('contributor'), async (c) => {
    const document = await loadDocument(c.req.param('id'));
    const latest = await editor().latestRevision(document.id);
    return render(c, {
      document,
      form: formFromDocument(document, latest),
      errors: [],
      notice: notices[c.req.query('done') ?? ''],
    });
  });

  app.post('/:id', requireRole('contributor'), async (c) => {
    const document = await loadDocument(c.req.param('id'));
    const user = signedInUser(c);
    if (!mayEdit(user.role, document.status)) {
      throw new AppError(
        'auth.forbidden',
        403,
        'Only editors change a document that is scheduled, published or withdrawn.',
      );
    }
    const body = await c.req.parseBody({ all: true });
    const form = formFromBody(body, document);
    const more = body._more;
    if (typeof more === 'string' && isRowGroup(more)) {
      return render(c, { document, form: withMoreRows(form, more), errors: [] });
    }
    const outcome = await saveEditorForm(deps, { current: document, form, context: actionContext(c) });
    if (!outcome.ok) {
      const next =
        outcome.latestRevision === undefined
          ? form
          : { ...form, baseRevision: String(outcome.latestRevision) };
      return render(c, { document, form: next, errors: outcome.errors }, outcome.status);
    }
    return c.redirect(`/admin/documents/${document.id}/edit?done=saved`, 303);
  });

  app.post('/:id/workflow', requireRole('contributor'), async (c) => {
    const document = await loadDocument(c.req.param('id'));
    const body = await c.req.parseBody();
    const action = typeof body.action === 'string' ? body.action : '';
    if (!isWorkflowAction(action))
      throw new AppError('documents.workflow_invalid', 422, 'Unknown workflow action.');
    const scheduled = typeof body.scheduledFor === 'string' ? body.scheduledFor.trim() : '';
    // The form asks for UTC; `YYYY-MM-DDTHH:MM` from the date-time field is read as such.
    const scheduledFor = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(scheduled)
      ? `${scheduled.length === 16 ? `${scheduled}:00` : scheduled}Z`
      : scheduled || null;
    if (scheduledFor && Number.isNaN(Date.parse(scheduledFor))) {
      return workflowProblem(
        c,
        document,
        new WorkflowError('scheduledFor', 'Give a date and time such as 2027-01-15T09:00.'),
      );
    }
    try {
      const user = signedInUser(c);
      await changeStatus(deps, {
        id: document.id,
        action,
        role: user.role,
        context: actionContext(c),
        scheduledFor,
        reason: typeof body.reason === 'string' ? body.reason : null,
      });
    } catch (error) {
      if (error instanceof WorkflowError) return workflowProblem(c, document, error);
      throw error;
    }
    const done = {
      submit: 'submitted',
      return: 'returned',
      publish: 'published',
      schedule: 'scheduled',
      withdraw: 'withdrawn',
      reinstate: 'reinstated',
    }[action];
    if (wantsJson(c)) return c.json({ id: document.id, done });
    return c.redirect(`/admin/documents/${document.id}/edit?done=${done}`, 303);
  });

  async function workflowProblem(c: Context<AdminEnv>, document: StoredDocument, error: WorkflowError) {
    if (wantsJson(c))
      return c.json({ error: { code: error.code, message: error.message } }, error.status as 409 | 422);
    const fresh = (await createDocumentsRepository({ db: database.db }).findById(document.id)) ?? document;
    const field = error.field ?? 'workflow';
    return render(
      c,
      {
        document: fresh,
        form: formFromDocument(fresh, await editor().latestRevision(fresh.id)),
        errors: [],
        workflowErrors: [{ field, message: error.message }],
      },
      error.status as 409 | 422,
    );
  }

  app.post('/:id/assets', requireRole('contributor'), async (c) => {
    // Everything that can refuse the upload is checked before a byte of the file is read.
    const document = await loadDocument(c.req.param('id'));
    const user = signedInUser(c);
    if (!mayEdit(user.role, document.status)) {
      throw new AppError(
        'auth.forbidden',
        403,
        'Only editors change a document that is scheduled, published or withdrawn.',
      );
    }
    try {
      const received = await receiveAssetUpload(
        { ...deps, storage, maxFileBytes: config.uploadLimitMb * 1024 * 1024 },
        c.req.raw,
      );
      await addAssetToDocument(
        { ...deps, storage },
        { documentId: document.id, received, context: actionContext(c) },
      );
    } catch (error) {
      if (!(error instanceof UploadProblem)) throw error;
      if (wantsJson(c))
        return c.json({ error: { code: error.code, message: error.message } }, error.status as 400);
      const uploadErrors: FieldError[] = [{ field: error.field, message: error.message }];
      return render(
        c,
        {
          document,
          form: formFromDocument(document, await editor().latestRevision(document.id)),
          errors: [],
          uploadErrors,
        },
        error.status as 400 | 413 | 415 | 422,
      );
    }
    if (wantsJson(c)) return c.json({ id: document.id, done: 'file-added' });
    return c.redirect(`/admin/documents/${document.id}/edit?done=file-added`, 303);
  });

  /** Staff see the files of any document (drafts too); the public file route serves published ones only. */
  app.get('/:id/files/:assetId', requireRole('contributor'), async (c) => {
    const document = await loadDocument(c.req.param('id'));
    const asset = document.assets.find((a) => String(a.id) === c.req.param('assetId'));
    const missing = notFound('files.not_found', 'There is no such file.');
    if (!asset?.blobSha256 || !asset.mediaType) throw missing;
    const stream = await storage.open(asset.blobSha256);
    if (!stream) throw missing;
    const fileName = safeFileName(asset.fileName ?? 'file');
    const asciiName = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    c.header('Content-Type', asset.mediaType);
    c.header(
      'Content-Disposition',
      `${isInlineSafe(asset.mediaType) ? 'inline' : 'attachment'}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    return c.body(Readable.toWeb(stream) as ReadableStream);
  });

  app.route('/', editorTextPages(container));
  app.route('/', alignmentEditorPages(container));
  return app;
}
