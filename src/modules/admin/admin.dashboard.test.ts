import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { clientWithSession, createStaff, TestClient } from '../accounts/accounts.test-support.ts';
import { documentRecordSchema } from '../documents/documents.schemas.ts';
import { saveDocument } from '../documents/documents.usecases.ts';

describe('the workspace dashboard', () => {
  let context: TestContext;
  let contributorId: number;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    contributorId = (await createStaff(context, 'contributor@example.org', 'contributor')).id;
    const deps = { db: context.container.database.db, dialect: context.container.database.dialect };
    await saveDocument(
      deps,
      documentRecordSchema.parse({ title: 'A published telegram', status: 'published' }),
      [],
    );
    await saveDocument(
      deps,
      documentRecordSchema.parse({ title: 'An unfinished draft <b>', status: 'draft' }),
      [],
    );
    await saveDocument(
      deps,
      documentRecordSchema.parse({
        title: 'A withdrawn memo',
        status: 'withdrawn',
        withdrawalReason: 'Rights',
      }),
      [],
    );
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('lists recent documents of every status for staff, with counts', async () => {
    const client = await clientWithSession(context, contributorId);
    const response = await client.get('/admin');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('A published telegram');
    expect(html).toContain('An unfinished draft &lt;b&gt;');
    expect(html).toContain('A withdrawn memo');
    expect(html).toMatch(/<strong>1<\/strong><a href="\/admin\?status=draft"/);
  });

  it('filters by status and ignores an unknown status', async () => {
    const client = await clientWithSession(context, contributorId);
    const drafts = await (await client.get('/admin?status=draft')).text();
    expect(drafts).toContain('An unfinished draft');
    expect(drafts).not.toContain('A published telegram');
    const odd = await client.get('/admin?status=%00nonsense');
    expect(odd.status).toBe(200);
    expect(await odd.text()).toContain('A published telegram');
  });

  it('shows nothing unpublished to anyone who is not signed in', async () => {
    const response = await new TestClient(context).get('/admin?status=draft');
    expect(response.status).toBe(303);
    expect(await response.text()).not.toContain('unfinished draft');
  });

  it('shows administrators the Users and Audit log sections, and contributors not', async () => {
    const contributorPage = await (
      await (await clientWithSession(context, contributorId)).get('/admin')
    ).text();
    expect(contributorPage).not.toContain('href="/admin/users"');
    const admin = await createStaff(context, 'admin@example.org', 'admin');
    const adminPage = await (await (await clientWithSession(context, admin.id)).get('/admin')).text();
    expect(adminPage).toContain('href="/admin/users"');
    expect(adminPage).toContain('href="/admin/audit"');
    expect(adminPage).toContain('aria-current="page"');
  });
});
