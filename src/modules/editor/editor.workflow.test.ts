import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { createLogger } from '../../app/logger.ts';
import type { ActionContext } from '../accounts/accounts.context.ts';
import { type DocumentRecordInput, documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';
import { createJobWorker } from '../jobs/jobs.worker.ts';
import {
  allowedActions,
  changeStatus,
  publishDueDocuments,
  publishDueJob,
  publishDueJobName,
  WorkflowError,
} from './editor.workflow.ts';

const editor: ActionContext = { actor: { id: null, label: 'editor@example.org' }, ip: null, userAgent: null };
const contributor: ActionContext = {
  actor: { id: null, label: 'contributor@example.org' },
  ip: null,
  userAgent: null,
};

describe.each(databaseKinds())('the editorial workflow on %s', (kind) => {
  let context: TestContext;
  const deps = () => context.container.database;

  beforeAll(async () => {
    context = await createTestContext(kind);
  });
  afterAll(async () => {
    await context.dispose();
  });

  async function create(fields: Partial<DocumentRecordInput> = {}): Promise<number> {
    const record = documentRecordSchema.parse({
      title: 'A telegram on border trade',
      status: 'draft',
      ...fields,
    });
    return (await saveDocument(deps(), record, [])).id;
  }

  const statusOf = async (id: number) =>
    (await deps().db.selectFrom('documents').select('status').where('id', '=', id).executeTakeFirstOrThrow())
      .status;

  const revisionActions = async (id: number) =>
    (
      await deps()
        .db.selectFrom('document_revisions')
        .select('action')
        .where('document_id', '=', id)
        .orderBy('number')
        .execute()
    ).map((r) => r.action);

  it('offers contributors submission and editors the publishing moves', () => {
    expect(allowedActions('contributor', 'draft')).toEqual(['submit']);
    expect(allowedActions('contributor', 'in_review')).toEqual(['return']);
    expect(allowedActions('contributor', 'scheduled')).toEqual([]);
    expect(allowedActions('editor', 'in_review')).toEqual(['return', 'publish', 'schedule']);
    expect(allowedActions('editor', 'published')).toEqual(['withdraw']);
    expect(allowedActions('admin', 'withdrawn')).toEqual(['reinstate']);
  });

  it('takes a draft through review to publication, with a revision and an audit entry for each step', async () => {
    const id = await create({ title: 'Minutes of a conversation on the Ili region' });
    await changeStatus(deps(), { id, action: 'submit', role: 'contributor', context: contributor });
    expect(await statusOf(id)).toBe('in_review');
    await expect(
      changeStatus(deps(), { id, action: 'publish', role: 'contributor', context: contributor }),
    ).rejects.toMatchObject({ status: 403 });

    expect((await context.app.request(`/documents/${id}`)).status).toBe(404);
    await changeStatus(deps(), { id, action: 'publish', role: 'editor', context: editor });
    expect(await statusOf(id)).toBe('published');
    expect((await context.app.request(`/documents/${id}`)).status).toBe(200);
    const search = (await (await context.app.request('/api/v1/search?q=Ili')).json()) as {
      hits: { id: number }[];
    };
    expect(search.hits.map((r) => r.id)).toContain(id);

    expect(await revisionActions(id)).toEqual(['created', 'submitted', 'published']);
    const audit = await deps()
      .db.selectFrom('audit_events')
      .select(['action', 'actor_label', 'details'])
      .where('target_type', '=', 'document')
      .where('target_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['document.submitted', 'document.published']);
    expect(JSON.parse(audit[1]!.details!)).toEqual({ from: 'in_review', to: 'published' });
    expect(audit[1]!.actor_label).toBe('editor@example.org');
  });

  it('refuses a move the status does not allow, changing nothing', async () => {
    const id = await create();
    await expect(
      changeStatus(deps(), { id, action: 'withdraw', role: 'editor', context: editor, reason: 'x' }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await statusOf(id)).toBe('draft');
    expect(await revisionActions(id)).toEqual(['created']);
  });

  it('needs a future time to schedule and a public reason to withdraw', async () => {
    const id = await create();
    const past = new Date(Date.now() - 60_000).toISOString();
    await expect(
      changeStatus(deps(), { id, action: 'schedule', role: 'editor', context: editor, scheduledFor: past }),
    ).rejects.toBeInstanceOf(WorkflowError);
    await changeStatus(deps(), { id, action: 'publish', role: 'editor', context: editor });
    await expect(
      changeStatus(deps(), { id, action: 'withdraw', role: 'editor', context: editor, reason: '   ' }),
    ).rejects.toMatchObject({ field: 'reason' });
    expect(await statusOf(id)).toBe('published');
  });

  it('keeps a scheduled document hidden until its time, then publishes it with the embargo time as its date', async () => {
    const id = await create({ title: 'Embargoed cable about the consulate' });
    const at = new Date(Date.now() + 3_600_000).toISOString();
    await changeStatus(deps(), { id, action: 'schedule', role: 'editor', context: editor, scheduledFor: at });
    expect(await statusOf(id)).toBe('scheduled');
    expect((await context.app.request(`/documents/${id}`)).status).toBe(404);
    const job = await deps()
      .db.selectFrom('jobs')
      .select(['run_at', 'status'])
      .where('name', '=', publishDueJobName)
      .where('dedupe_key', '=', `${publishDueJobName}:${at}`)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ run_at: at, status: 'pending' });

    expect(await publishDueDocuments(deps(), new Date(Date.now() + 60_000))).toEqual([]);
    const later = new Date(Date.now() + 2 * 3_600_000);
    const [first, second] = await Promise.all([
      publishDueDocuments(deps(), later),
      publishDueDocuments(deps(), later),
    ]);
    expect([...first!, ...second!]).toEqual([id]);
    const row = await deps()
      .db.selectFrom('documents')
      .select(['status', 'published_at', 'scheduled_for'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'published', published_at: at, scheduled_for: null });
    expect(await revisionActions(id)).toEqual(['created', 'scheduled', 'published']);
  });

  it('publishes a document that fell due on the next public request, with no worker running', async () => {
    const id = await create({ title: 'Report on the harvest in Yining' });
    const at = new Date(Date.now() + 3_600_000).toISOString();
    await changeStatus(deps(), { id, action: 'schedule', role: 'editor', context: editor, scheduledFor: at });
    // Time passes: the embargo now lies in the past.
    await deps()
      .db.updateTable('documents')
      .set({ scheduled_for: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute();
    const response = await context.app.request(`/documents/${id}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Report on the harvest in Yining');
  });

  it('publishes what is due from the worker, through the queued job', async () => {
    const id = await create({ title: 'Note verbale on the border crossings' });
    const at = new Date(Date.now() + 3_600_000).toISOString();
    await changeStatus(deps(), { id, action: 'schedule', role: 'editor', context: editor, scheduledFor: at });
    const past = new Date(Date.now() - 1000).toISOString();
    await deps().db.updateTable('documents').set({ scheduled_for: past }).where('id', '=', id).execute();
    await deps()
      .db.updateTable('jobs')
      .set({ run_at: past })
      .where('name', '=', publishDueJobName)
      .where('status', '=', 'pending')
      .execute();
    const worker = createJobWorker({
      db: deps().db,
      dialect: deps().dialect,
      logger: createLogger({ silent: true }),
      definitions: [publishDueJob(deps())],
    });
    const summary = await worker.runUntilIdle();
    expect(summary.failed).toBe(0);
    expect(await statusOf(id)).toBe('published');
  });

  it('answers 410 with the reason and the citation for a withdrawn record, on the page and in the API', async () => {
    const id = await create({ title: 'Conversation with the chargé d’affaires', status: 'published' });
    await changeStatus(deps(), {
      id,
      action: 'withdraw',
      role: 'editor',
      context: editor,
      reason: 'The donor archive asked for its review under the 2024 agreement.',
    });
    const page = await context.app.request(`/documents/${id}`);
    expect(page.status).toBe(410);
    const html = await page.text();
    expect(html).toContain('The donor archive asked for its review under the 2024 agreement.');
    expect(html).toContain('Conversation with the chargé d’affaires');
    expect(html).toContain(`${context.config.baseUrl}/documents/${id}`);

    const api = await context.app.request(`/api/v1/documents/${id}`);
    expect(api.status).toBe(410);
    const body = (await api.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('documents.withdrawn');
    expect(body.error.message).toContain('The donor archive asked');

    await changeStatus(deps(), { id, action: 'reinstate', role: 'editor', context: editor });
    expect((await context.app.request(`/documents/${id}`)).status).toBe(200);
  });
});
