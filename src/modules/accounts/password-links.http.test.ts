import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { accountsDeps } from './accounts.middleware.ts';
import { clientWithSession, createStaff, TestClient } from './accounts.test-support.ts';
import { inviteUser } from './accounts.usecases.ts';

describe('set-password links', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
  });
  afterAll(async () => {
    await context.dispose();
  });

  const invite = (email: string) =>
    inviteUser(
      accountsDeps(context.container),
      { email, displayName: null, role: 'contributor' },
      {
        actor: null,
        ip: null,
        userAgent: null,
      },
    );

  it('works once: sets the password, then the same link is refused', async () => {
    const { link } = await invite('new@example.org');
    const client = new TestClient(context);
    const form = await client.get(`/admin/set-password/${link.token}`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('new@example.org');
    // The token is in the address: the page tells the browser to send no referrer anywhere.
    expect(formHtml).toContain('<meta name="referrer" content="no-referrer"/>');

    const weak = await client.post(`/admin/set-password/${link.token}`, {
      password: 'short',
      confirmation: 'short',
    });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('at least 12 characters');

    const set = await client.post(`/admin/set-password/${link.token}`, {
      password: 'a long and private phrase',
      confirmation: 'a long and private phrase',
    });
    expect(set.status).toBe(303);
    expect(set.headers.get('location')).toBe('/admin/login?done=password-set');

    const again = await client.get(`/admin/set-password/${link.token}`);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('already been used');
    const reuse = await client.post(`/admin/set-password/${link.token}`, {
      password: 'another long phrase here',
      confirmation: 'another long phrase here',
    });
    expect(reuse.status).toBe(410);
    expect(
      (await new TestClient(context).signIn('new@example.org', 'a long and private phrase')).status,
    ).toBe(303);
    expect((await new TestClient(context).signIn('new@example.org', 'another long phrase here')).status).toBe(
      401,
    );
  });

  it('expires after 72 hours', async () => {
    const { link } = await invite('late@example.org');
    await context.container.database.db
      .updateTable('password_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const response = await new TestClient(context).get(`/admin/set-password/${link.token}`);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('expired');
    const row = await context.container.database.db
      .selectFrom('password_tokens')
      .select(['created_at', 'token_hash'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toBe(link.token);
  });

  it('treats a made-up or malformed token as unknown, never as an error', async () => {
    for (const token of ['x', 'A'.repeat(43), '%00', 'a'.repeat(500)]) {
      const response = await new TestClient(context).get(`/admin/set-password/${token}`);
      expect(response.status).toBe(404);
    }
  });

  it('replaces an earlier link when a new one is issued', async () => {
    const { userId, link: first } = await invite('twice@example.org');
    const admin = await createStaff(context, 'admin@example.org', 'admin');
    const client = await clientWithSession(context, admin.id);
    const response = await client.post(`/admin/users/${userId}/password-link`);
    expect(response.status).toBe(200);
    const second = /\/admin\/set-password\/([A-Za-z0-9_-]{43})/.exec(await response.text())?.[1];
    expect(second).toBeDefined();
    expect((await new TestClient(context).get(`/admin/set-password/${first.token}`)).status).toBe(410);
    expect((await new TestClient(context).get(`/admin/set-password/${second}`)).status).toBe(200);
  });
});
