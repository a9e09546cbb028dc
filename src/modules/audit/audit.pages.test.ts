import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { clientWithSession, createStaff, TestClient } from '../accounts/accounts.test-support.ts';
import { createAuditLog } from './audit.usecases.ts';

describe('the audit log page', () => {
  let context: TestContext;
  let adminId: number;
  let editorEmail: string;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    adminId = (await createStaff(context, 'admin@example.org', 'admin')).id;
    editorEmail = (await createStaff(context, 'editor@example.org', 'editor')).email;
    await new TestClient(context).signIn(editorEmail);
    await new TestClient(context).signIn(editorEmail, 'a wrong password');
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('shows who did what, when and from where', async () => {
    const client = await clientWithSession(context, adminId);
    const html = await (await client.get('/admin/audit')).text();
    expect(html).toContain('auth.login_failed');
    expect(html).toContain('reason: wrong_password');
    expect(html).toContain('user.created');
    expect(html).toMatch(/Events 1–\d+ of \d+, newest first/);
  });

  it('filters by action and keeps the filters in the form', async () => {
    const client = await clientWithSession(context, adminId);
    const html = await (await client.get('/admin/audit?action=auth.login_failed')).text();
    expect(html).toContain('Events 1–1 of 1');
    expect(html).toContain('<option value="auth.login_failed" selected="">');
    const none = await (
      await client.get('/admin/audit?action=auth.login_failed&from=2000-01-01&to=2000-01-02')
    ).text();
    expect(none).toContain('No events match.');
  });

  it('opens with odd filter values instead of failing', async () => {
    const client = await clientWithSession(context, adminId);
    for (const query of [
      'page=-3',
      'page=abc',
      'from=2026-02-30',
      'actor=%27%20or%201=1',
      'action=%25',
      'to=9999-99-99',
      'page=999999',
    ]) {
      const response = await client.get(`/admin/audit?${query}`);
      expect(response.status, query).toBe(200);
    }
  });

  it('paginates with links that keep the filters', async () => {
    const audit = createAuditLog({ db: context.container.database.db });
    for (let i = 0; i < 55; i++) {
      await audit.record({
        actor: null,
        action: 'auth.login_failed',
        details: { attempt: i },
        ip: '192.0.2.1',
      });
    }
    const client = await clientWithSession(context, adminId);
    const first = await (await client.get('/admin/audit?action=auth')).text();
    expect(first).toContain('href="/admin/audit?action=auth&amp;page=2"');
    const second = await (await client.get('/admin/audit?action=auth&page=2')).text();
    expect(second).toContain('Page 2 of 2');
  });
});
