import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { createStaff, TestClient, testPassword } from './accounts.test-support.ts';

describe('sign-in throttling', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext('sqlite', { CHANCERY_TRUST_PROXY: '1' });
    await createStaff(context, 'target@example.org', 'admin');
    await createStaff(context, 'other@example.org', 'editor');
  });
  afterAll(async () => {
    await context.dispose();
  });

  const from = (ip: string) =>
    new TestClient(context, { headers: { 'x-forwarded-for': `203.0.113.250, ${ip}` } });

  it('refuses the sixth try at one account with 429, even with the right password, then lets it in later', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await from(`198.51.100.${attempt}`).signIn('target@example.org', `guess ${attempt}`);
      expect(response.status).toBe(401);
    }
    const sixth = await from('198.51.100.6').signIn('target@example.org', testPassword);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(await sixth.text()).toContain('Too many failed sign-in attempts');

    // Once the failures are older than the window, the account opens again.
    await context.container.database.db
      .updateTable('login_failures')
      .set({ failed_at: new Date(Date.now() - 16 * 60_000).toISOString() })
      .where('account_key', '=', 'target@example.org')
      .execute();
    const later = await from('198.51.100.7').signIn('target@example.org', testPassword);
    expect(later.status).toBe(303);
  });

  it('throttles unknown addresses the same way, so the limit does not reveal who has an account', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      await from(`192.0.2.${attempt}`).signIn('ghost@example.org', 'guess');
    }
    expect((await from('192.0.2.99').signIn('ghost@example.org', 'guess')).status).toBe(429);
  });

  it('refuses an IP address after 20 failures across many accounts', async () => {
    const ip = '198.18.0.1';
    for (let attempt = 1; attempt <= 20; attempt++) {
      const response = await from(ip).signIn(`spray${attempt}@example.org`, 'Winter2026!');
      expect(response.status).toBe(401);
    }
    const blocked = await from(ip).signIn('other@example.org', testPassword);
    expect(blocked.status).toBe(429);
    // Another address is not affected.
    expect((await from('198.18.0.2').signIn('other@example.org', testPassword)).status).toBe(303);
  });

  it('records failures and successes in the audit log without storing a password typed as an e-mail', async () => {
    await from('198.51.100.77').signIn('my secret password', 'x');
    const rows = await context.container.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', 'in', ['auth.login', 'auth.login_failed'])
      .execute();
    expect(rows.some((r) => r.action === 'auth.login' && r.actor_label === 'target@example.org')).toBe(true);
    const failed = rows.filter((r) => r.action === 'auth.login_failed');
    expect(failed.some((r) => r.details?.includes('unknown_account') && r.ip === '198.51.100.77')).toBe(true);
    expect(failed.some((r) => r.details?.includes('wrong_password'))).toBe(true);
    expect(rows.some((r) => r.details?.includes('my secret password'))).toBe(false);
  });
});
