import type { FC } from 'hono/jsx';
import type { AuthorityKind } from '../../database/tables.ts';
import type { CurrentUser } from '../accounts/accounts.context.ts';
import { AdminLayout, type AdminSite } from '../admin/ui/admin-layout.tsx';
import { formatTimestamp } from '../admin/ui/format.ts';
import { CsrfField, ErrorSummary, Notice } from '../admin/ui/forms.tsx';
import type { StoredDocument } from '../documents/documents.repository.ts';
import { editorScript, editorStylesheet } from './editor.assets.ts';
import { AssetsSection } from './editor.assets-section.tsx';
import { NameList, Select, TextArea, TextInput } from './editor.fields.tsx';
import type { EditorForm } from './editor.form.ts';
import type { FieldError } from './editor.record.ts';
import {
  AgentsSection,
  AuthorityGroupSection,
  CreditsSection,
  DateSection,
  IdentificationSection,
  LinksSection,
  SourceSection,
  SummarySection,
} from './editor.sections.tsx';
import { statusLabels, type WorkflowAction, workflowActions } from './editor.workflow.ts';

export type EditorPageProps = {
  site: AdminSite;
  user: CurrentUser;
  csrfToken: string;
  /** Undefined while creating a document. */
  document: StoredDocument | undefined;
  form: EditorForm;
  errors: FieldError[];
  notice?: string | null | undefined;
  names: Partial<Record<AuthorityKind, string[]>>;
  actions: WorkflowAction[];
  canEdit: boolean;
  /** Problems with the upload form or a workflow move, shown beside those forms. */
  uploadErrors?: FieldError[];
  workflowErrors?: FieldError[];
  uploadLimitMb: number;
  revisionCount: number;
};

const UploadForm: FC<{
  documentId: number;
  csrfToken: string;
  errors: Map<string, string>;
  limitMb: number;
}> = ({ documentId, csrfToken, errors, limitMb }) => (
  <form
    method="post"
    action={`/admin/documents/${documentId}/assets`}
    enctype="multipart/form-data"
    class="editor-panel upload-form"
    id="upload"
  >
    {/* The token comes first: the server checks it before it reads the file. */}
    <CsrfField token={csrfToken} />
    <h2>Upload a file</h2>
    <p class="field__hint">
      Scans: PDF, JPEG, PNG or TIFF, up to {limitMb} MB. Transcripts and translations: Word (.docx), HTML,
      Markdown or plain text, converted to clean HTML.
    </p>
    <Select
      name="kind"
      label="This file is"
      value="scan"
      errors={errors}
      options={[
        { value: 'scan', label: 'A scan of the original' },
        { value: 'transcript', label: 'A transcript (original language)' },
        { value: 'translation', label: 'A translation' },
      ]}
    />
    <TextInput
      name="language"
      label="Language"
      hint="zh, ru, en…"
      value=""
      errors={errors}
      size={8}
      maxlength={35}
    />
    <TextInput name="label" label="Label (optional)" value="" errors={errors} maxlength={200} />
    <TextInput name="translator" label="Translator (texts only)" value="" errors={errors} maxlength={500} />
    <div class={errors.get('file') ? 'field field--error' : 'field'}>
      <label for="file">File</label>
      {errors.get('file') ? (
        <p class="field__error" id="file-error">
          <span class="visually-hidden">Error: </span>
          {errors.get('file')}
        </p>
      ) : null}
      <input
        type="file"
        id="file"
        name="file"
        required
        accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,.docx,.html,.htm,.md,.markdown,.txt"
        aria-invalid={errors.get('file') ? 'true' : undefined}
        aria-describedby={errors.get('file') ? 'file-error' : undefined}
      />
    </div>
    <button type="submit" class="button">
      Upload
    </button>
  </form>
);

const WorkflowPanel: FC<{
  document: StoredDocument;
  actions: WorkflowAction[];
  csrfToken: string;
  errors: Map<string, string>;
  revisionCount: number;
}> = ({ document: d, actions, csrfToken, errors, revisionCount }) => (
  <section class="editor-panel workflow-panel" aria-labelledby="workflow-title" id="workflow">
    <h2 id="workflow-title">Status</h2>
    <p>
      <span class={`status status--${d.status}`}>{statusLabels[d.status]}</span>
      {d.status === 'scheduled' && d.scheduledFor
        ? ` — to be published ${formatTimestamp(d.scheduledFor)}`
        : null}
      {d.status === 'published' && d.publishedAt ? ` since ${formatTimestamp(d.publishedAt)}` : null}
    </p>
    {d.status === 'withdrawn' && d.withdrawalReason ? (
      <p>
        Reason given to readers: <q>{d.withdrawalReason}</q>
      </p>
    ) : null}
    {errors.get('workflow') ? (
      <p class="field__error" role="alert">
        {errors.get('workflow')}
      </p>
    ) : null}
    {actions
      .filter((a) => a !== 'schedule' && a !== 'withdraw')
      .map((action) => (
        <form method="post" action={`/admin/documents/${d.id}/workflow`} class="inline-form">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="action" value={action} />
          <button
            type="submit"
            class={action === 'publish' || action === 'reinstate' ? 'button' : 'button button--secondary'}
          >
            {workflowActions[action].label}
          </button>
        </form>
      ))}
    {actions.includes('schedule') ? (
      <form method="post" action={`/admin/documents/${d.id}/workflow`} class="workflow-form">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="action" value="schedule" />
        <TextInput
          name="scheduledFor"
          type="datetime-local"
          label="Publish automatically on (UTC)"
          hint="The document stays hidden until then."
          value={d.scheduledFor ? d.scheduledFor.slice(0, 16) : ''}
          errors={errors}
        />
        <button type="submit" class="button button--secondary">
          {d.status === 'scheduled' ? 'Change the schedule' : 'Schedule'}
        </button>
      </form>
    ) : null}
    {actions.includes('withdraw') ? (
      <form method="post" action={`/admin/documents/${d.id}/workflow`} class="workflow-form">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="action" value="withdraw" />
        <TextArea
          name="reason"
          label="Reason for withdrawal (shown to readers)"
          hint="Readers who follow a citation see this with the record's citation; its text and files disappear."
          value=""
          errors={errors}
          rows={3}
        />
        <button type="submit" class="button button--danger">
          Withdraw from the public site
        </button>
      </form>
    ) : null}
    <ul class="editor-links">
      <li>
        <a href={`/admin/documents/${d.id}/revisions`}>Revisions ({revisionCount})</a>
      </li>
      {d.status === 'published' ? (
        <li>
          <a href={`/documents/${d.id}`}>Public page</a>
        </li>
      ) : null}
    </ul>
  </section>
);

export const EditorPage: FC<EditorPageProps> = (props) => {
  const { site, user, csrfToken, document: d, form, errors, notice, names, canEdit } = props;
  const byField = new Map(errors.map((e) => [e.field, e.message.replace(/^[^:]*: /, '')]));
  const uploadErrors = new Map((props.uploadErrors ?? []).map((e) => [e.field, e.message]));
  const workflowErrors = new Map((props.workflowErrors ?? []).map((e) => [e.field, e.message]));
  const title = d ? `Record ${d.id}: ${d.title}` : 'New document';
  const allErrors = [...errors, ...(props.uploadErrors ?? []), ...(props.workflowErrors ?? [])];
  return (
    <AdminLayout
      site={site}
      title={title}
      user={user}
      csrfToken={csrfToken}
      section="/admin/documents"
      stylesheets={[editorStylesheet]}
      scripts={[editorScript]}
    >
      <p class="breadcrumb">
        <a href="/admin/documents">Documents</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary errors={allErrors} />
      <Notice message={notice} />
      {(Object.keys(names) as AuthorityKind[]).map((kind) => (
        <NameList kind={kind} names={names[kind] ?? []} />
      ))}
      <div class="editor-layout">
        <div class="editor-main">
          {canEdit ? (
            <form
              method="post"
              action={d ? `/admin/documents/${d.id}` : '/admin/documents'}
              class="editor-form"
              id="editor-form"
              novalidate
            >
              <CsrfField token={csrfToken} />
              <input type="hidden" name="baseRevision" value={form.baseRevision} />
              <IdentificationSection form={form} errors={byField} />
              <DateSection form={form} errors={byField} />
              <SummarySection form={form} errors={byField} />
              <AgentsSection form={form} errors={byField} />
              <AuthorityGroupSection form={form} errors={byField} group="places" />
              <AuthorityGroupSection form={form} errors={byField} group="subjects" />
              <AuthorityGroupSection form={form} errors={byField} group="collections" />
              <SourceSection form={form} errors={byField} />
              <AuthorityGroupSection form={form} errors={byField} group="funders" />
              <CreditsSection form={form} errors={byField} />
              <LinksSection form={form} errors={byField} />
              <AssetsSection form={form} errors={byField} documentId={d?.id} />
              <fieldset class="editor-section editor-save">
                <legend>Save</legend>
                <TextInput
                  name="note"
                  label="What changed (optional)"
                  hint="Kept with the revision: “corrected the date from the original”."
                  value={form.note}
                  errors={byField}
                  maxlength={2000}
                />
                <button type="submit" class="button">
                  {d ? 'Save changes' : 'Create the document'}
                </button>
              </fieldset>
            </form>
          ) : (
            <p class="notice">
              This document is {d ? statusLabels[d.status].toLowerCase() : ''}: only editors change it now.
            </p>
          )}
        </div>
        {d ? (
          <aside class="editor-side" aria-label="Status and files">
            <WorkflowPanel
              document={d}
              actions={props.actions}
              csrfToken={csrfToken}
              errors={workflowErrors}
              revisionCount={props.revisionCount}
            />
            {canEdit ? (
              <UploadForm
                documentId={d.id}
                csrfToken={csrfToken}
                errors={uploadErrors}
                limitMb={props.uploadLimitMb}
              />
            ) : null}
          </aside>
        ) : null}
      </div>
    </AdminLayout>
  );
};
