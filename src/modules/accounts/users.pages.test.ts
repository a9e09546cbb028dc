import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { clientWithSession, createStaff, type TestClient } from './accounts.test-support.ts';

describe('managing users in the browser', () => {
  let context: TestContext;
  let admin: TestClient;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    admin = await clientWithSession(context, (await createStaff(context, 'admin@example.org', 'admin')).id);
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('invites a colleague and shows the set-password link once', async () => {
    await admin.get('/admin/users');
    const response = await admin.post('/admin/users', {
      email: ' Curator@Example.org',
      displayName: 'Cora Curator',
      role: 'editor',
    });
    expect(response.status).toBe(201);
    const html = await response.text();
    expect(html).toContain('Account created for curator@example.org');
    const link = /http:\/\/archive\.test(\/admin\/set-password\/[A-Za-z0-9_-]{43})/.exec(html)?.[1];
    expect(link).toBeDefined();
    const list = await (await admin.get('/admin/users')).text();
    expect(list).toContain('curator@example.org');
    expect(list).toContain('Invited');
    expect(list).not.toContain(link!);
  });

  it('shows every problem of the invitation form at once, linked to its field', async () => {
    await admin.get('/admin/users');
    const response = await admin.post('/admin/users', {
      email: 'nope',
      role: 'superuser',
      displayName: 'x'.repeat(200),
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('href="#invite-email"');
    expect(html).toContain('href="#invite-role"');
    expect(html).toContain('href="#invite-name"');
    expect(html).toContain('value="nope"');
  });

  it('refuses a second account for the same address with 409 and the form kept', async () => {
    await admin.get('/admin/users');
    const response = await admin.post('/admin/users', { email: 'CURATOR@example.org', role: 'contributor' });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('There is already an account for curator@example.org.');
  });

  it('changes a role and records who changed it', async () => {
    const person = await createStaff(context, 'promote@example.org', 'contributor');
    await admin.get(`/admin/users/${person.id}`);
    const response = await admin.post(`/admin/users/${person.id}/role`, { role: 'editor' });
    expect(response.status).toBe(303);
    const page = await (await admin.get(response.headers.get('location')!)).text();
    expect(page).toContain('The role was changed.');
    expect(page).toContain('<option value="editor" selected="">');
    const event = await context.container.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'user.role_changed')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_label: 'admin@example.org', target_label: 'promote@example.org' });
    expect(JSON.parse(event.details!)).toEqual({ from: 'contributor', to: 'editor' });
  });

  it('answers 404 for accounts that do not exist, whatever the ID looks like', async () => {
    for (const id of ['999999', 'abc', '0', '99999999999999']) {
      expect((await admin.get(`/admin/users/${id}`)).status).toBe(404);
    }
    expect((await admin.post('/admin/users/999999/disable')).status).toBe(404);
    expect((await admin.post('/admin/users/999999/role', { role: 'editor' })).status).toBe(404);
  });
});
