import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { clientWithSession, createStaff, TestClient, testPassword } from './accounts.test-support.ts';

describe('CSRF protection', () => {
  let context: TestContext;
  let editorId: number;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
    editorId = (await createStaff(context, 'editor@example.org', 'editor')).id;
  });
  afterAll(async () => {
    await context.dispose();
  });

  const sessionsOf = async (userId: number) =>
    (
      await context.container.database.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', userId)
        .execute()
    ).length;

  it('refuses a sign-in form without the token of this browser', async () => {
    const client = new TestClient(context);
    await client.get('/admin/login');
    const missing = await client.post('/admin/login', {
      _csrf: '',
      email: 'editor@example.org',
      password: testPassword,
    });
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain('out of date');

    const stranger = new TestClient(context);
    await stranger.get('/admin/login');
    const foreign = await client.post('/admin/login', {
      _csrf: stranger.lastCsrf!,
      email: 'editor@example.org',
      password: testPassword,
    });
    expect(foreign.status).toBe(403);
    expect(client.cookies.has('chancery_session')).toBe(false);
  });

  it('refuses a change without the token, or with the token of another session', async () => {
    const client = await clientWithSession(context, editorId);
    const other = await clientWithSession(context, editorId);
    const before = await sessionsOf(editorId);

    const missing = await client.post('/admin/account/sessions/revoke-others', { _csrf: '' });
    expect(missing.status).toBe(403);
    const wrong = await client.post('/admin/account/sessions/revoke-others', { _csrf: other.lastCsrf! });
    expect(wrong.status).toBe(403);
    expect(await sessionsOf(editorId)).toBe(before);

    const right = await client.post('/admin/account/sessions/revoke-others');
    expect(right.status).toBe(303);
    expect(await sessionsOf(editorId)).toBe(1);
  });

  it('refuses a request from another site even with a valid token', async () => {
    const client = await clientWithSession(context, editorId);
    const crossOrigin = await client.post(
      '/admin/account/sessions/revoke-others',
      {},
      { origin: 'https://evil.example' },
    );
    expect(crossOrigin.status).toBe(403);
    expect(await crossOrigin.text()).toContain('came from another site');

    const nullOrigin = await client.post('/admin/account/sessions/revoke-others', {}, { origin: 'null' });
    expect(nullOrigin.status).toBe(403);

    const fetchSite = await client.post(
      '/admin/account/sessions/revoke-others',
      {},
      { origin: null, headers: { 'sec-fetch-site': 'cross-site' } },
    );
    expect(fetchSite.status).toBe(403);

    const noHeaders = await client.post('/admin/account/sessions/revoke-others', {}, { origin: null });
    expect(noHeaders.status).toBe(303);
  });

  it('accepts the token in the X-CSRF-Token header for scripts', async () => {
    const client = await clientWithSession(context, editorId);
    const response = await client.request('/admin/account/sessions/revoke-others', {
      method: 'POST',
      headers: { 'x-csrf-token': client.lastCsrf!, origin: 'http://archive.test' },
    });
    expect(response.status).toBe(303);
    const json = await client.request('/admin/api/session', { headers: { accept: 'application/json' } });
    expect(await json.json()).toMatchObject({
      user: { email: 'editor@example.org' },
      csrfToken: client.lastCsrf,
    });
  });

  it('answers a JSON caller without a token with a JSON 403', async () => {
    const client = await clientWithSession(context, editorId);
    const response = await client.request('/admin/account/sessions/revoke-others', {
      method: 'POST',
      headers: { accept: 'application/json', origin: 'http://archive.test' },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'csrf.invalid' } });
  });
});
