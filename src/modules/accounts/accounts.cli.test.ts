import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/databases.ts';
import { createUserCommand } from './accounts.cli.ts';
import { TestClient } from './accounts.test-support.ts';

describe('the chancery user command', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestContext('sqlite');
  });
  afterAll(async () => {
    await context.dispose();
  });

  async function run(args: string[], options: Record<string, string> = {}) {
    let out = '';
    let err = '';
    const command = createUserCommand({
      out: { write: (t: string) => (out += t) },
      err: { write: (t: string) => (err += t) },
    });
    const code = await command({ config: context.config, args, options });
    return { code, out, err };
  }

  it('creates an account and prints a one-time link that sets its password', async () => {
    const { code, out } = await run(['add'], {
      email: 'First.Admin@Example.org',
      role: 'admin',
      name: 'First Admin',
    });
    expect(code).toBe(0);
    expect(out).toContain('Created administrator account first.admin@example.org.');
    const link = /http:\/\/archive\.test(\/admin\/set-password\/[A-Za-z0-9_-]{43})/.exec(out)?.[1];
    expect(link).toBeDefined();

    const browser = new TestClient(context);
    expect((await browser.get(link!)).status).toBe(200);
    const set = await browser.post(link!, {
      password: 'the first admin phrase',
      confirmation: 'the first admin phrase',
    });
    expect(set.status).toBe(303);
    expect((await browser.signIn('first.admin@example.org', 'the first admin phrase')).status).toBe(303);
    expect((await browser.get('/admin/users')).status).toBe(200);
  });

  it('lists accounts, changes a role, disables and enables', async () => {
    await run(['add'], { email: 'helper@example.org', role: 'contributor' });
    expect((await run(['set-role'], { email: 'helper@example.org', role: 'editor' })).code).toBe(0);
    expect((await run(['disable'], { email: 'helper@example.org' })).code).toBe(0);
    const listed = await run(['list']);
    expect(listed.out).toMatch(/helper@example\.org\teditor\tdisabled/);
    // Disabling retired the unused invitation, so the enabled account needs a new link.
    expect((await run(['enable'], { email: 'helper@example.org' })).code).toBe(0);
    expect((await run(['list'])).out).toMatch(/helper@example\.org\teditor\tlink_expired/);
    const audit = await context.container.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_label'])
      .where('target_label', '=', 'helper@example.org')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'user.created',
      'user.role_changed',
      'user.disabled',
      'user.enabled',
    ]);
    expect(audit.every((a) => a.actor_label === 'cli')).toBe(true);
  });

  it('explains what is wrong instead of failing', async () => {
    const bad = await run(['add'], { email: 'not-an-address', role: 'overlord' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Enter an e-mail address such as name@example.org.');
    expect(bad.err).toContain('Choose a role');
    const duplicate = await run(['add'], { email: 'helper@example.org', role: 'editor' });
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain('There is already an account for helper@example.org.');
    const missing = await run(['link'], { email: 'ghost@example.org' });
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('There is no account for ghost@example.org.');
    expect((await run(['explode'])).code).toBe(2);
  });
});
