import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { clientWithSession, createStaff, TestClient } from './accounts.test-support.ts';

describe('sessions expire and can be revoked', () => {
  let context: TestContext;
  let editorId: number;
  let adminId: number;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    editorId = (await createStaff(context, 'editor@example.org', 'editor')).id;
    adminId = (await createStaff(context, 'admin@example.org', 'admin')).id;
  });
  afterAll(async () => {
    await context.dispose();
  });

  const db = () => context.container.database.db;
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  it('ends a session left idle for longer than two hours', async () => {
    const client = await clientWithSession(context, editorId);
    expect((await client.get('/admin')).status).toBe(200);
    await db()
      .updateTable('sessions')
      .set({ last_seen_at: ago(121) })
      .where('user_id', '=', editorId)
      .execute();
    const response = await client.get('/admin');
    expect(response.status).toBe(303);
    expect(client.cookies.has('chancery_session')).toBe(false);
  });

  it('ends a session at its absolute limit however active it is', async () => {
    const client = await clientWithSession(context, editorId);
    await db()
      .updateTable('sessions')
      .set({ expires_at: ago(1) })
      .where('user_id', '=', editorId)
      .execute();
    expect((await client.get('/admin')).status).toBe(303);
  });

  it('lets an administrator list and end the sessions of another user', async () => {
    const editor = await clientWithSession(context, editorId);
    const admin = await clientWithSession(context, adminId);
    const page = await admin.get(`/admin/users/${editorId}`);
    const html = await page.text();
    const sessionId = /\/admin\/users\/\d+\/sessions\/(\d+)\/revoke/.exec(html)?.[1];
    expect(sessionId).toBeDefined();
    const revoke = await admin.post(`/admin/users/${editorId}/sessions/${sessionId}/revoke`);
    expect(revoke.status).toBe(303);
    expect((await editor.get('/admin')).status).toBe(303);
    const audit = await db()
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'user.sessions_revoked')
      .execute();
    expect(audit.some((r) => r.actor_id === adminId && r.target_id === String(editorId))).toBe(true);
  });

  it('does not let a user end a session that belongs to someone else', async () => {
    await clientWithSession(context, adminId);
    const adminSession = await db()
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', adminId)
      .executeTakeFirstOrThrow();
    const editor = await clientWithSession(context, editorId);
    const response = await editor.post(`/admin/account/sessions/${adminSession.id}/revoke`);
    expect(response.status).toBe(404);
    expect(
      await db().selectFrom('sessions').select('id').where('id', '=', adminSession.id).executeTakeFirst(),
    ).toBeDefined();
  });

  it('ends every session of an account when it is disabled, and refuses its password', async () => {
    const victim = await createStaff(context, 'leaver@example.org', 'contributor');
    const leaver = await clientWithSession(context, victim.id);
    const admin = await clientWithSession(context, adminId);
    expect((await admin.post(`/admin/users/${victim.id}/disable`)).status).toBe(303);
    expect((await leaver.get('/admin')).status).toBe(303);
    expect((await new TestClient(context).signIn(victim.email, victim.password)).status).toBe(401);
  });

  it('changes a password only with the current one, and signs out the other browsers', async () => {
    const person = await createStaff(context, 'changer@example.org', 'contributor');
    const elsewhere = await clientWithSession(context, person.id);
    const here = new TestClient(context);
    await here.signIn(person.email, person.password);
    await here.get('/admin/account');
    const wrong = await here.post('/admin/account/password', {
      current: 'not my password',
      next: 'a brand new passphrase',
      confirmation: 'a brand new passphrase',
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('The current password is not right.');
    expect((await elsewhere.get('/admin')).status).toBe(200);

    const right = await here.post('/admin/account/password', {
      current: person.password,
      next: 'a brand new passphrase',
      confirmation: 'a brand new passphrase',
    });
    expect(right.status).toBe(303);
    expect((await here.get('/admin/account')).status).toBe(200);
    expect((await elsewhere.get('/admin')).status).toBe(303);
    expect((await new TestClient(context).signIn(person.email, 'a brand new passphrase')).status).toBe(303);
  });

  it('keeps the last enabled administrator from being demoted or disabled', async () => {
    const admin = await clientWithSession(context, adminId);
    const demote = await admin.post(`/admin/users/${adminId}/role`, { role: 'editor' });
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain('only enabled administrator');
    expect((await admin.post(`/admin/users/${adminId}/disable`)).status).toBe(409);
  });
});
