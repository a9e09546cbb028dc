import { createAuditLog } from '../audit/audit.usecases.ts';
import {
  type AccountsDeps,
  type ActionContext,
  type CurrentUser,
  toCurrentUser,
} from './accounts.context.ts';
import { shiftMinutes } from './accounts.policy.ts';
import { type AccountsRepository, createAccountsRepository } from './accounts.repository.ts';
import { normalizeEmail } from './accounts.schemas.ts';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { looksLikeToken, newToken, tokenDigest } from './tokens.ts';

export type SignInResult =
  | { ok: true; token: string; user: CurrentUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type ActiveSession = { id: number; createdAt: string; expiresAt: string };

/** Writing `last_seen_at` on every request would make every page view a write; once a minute is enough. */
const touchIntervalMs = 60_000;

/** Keys longer than any e-mail are cut, so a megabyte "address" cannot become a megabyte row. */
const accountKeyOf = (email: string) => normalizeEmail(email).slice(0, 254);

const idleCutoff = (deps: AccountsDeps, now: Date) => shiftMinutes(now, -deps.policy.sessionIdleMinutes);

/**
 * Whether sign-in is refused for this address or this IP, and for how long. A sliding window over the
 * failures stored in the database, so every process of the server sees the same count.
 */
export async function throttleState(
  deps: AccountsDeps,
  accounts: AccountsRepository,
  accountKey: string,
  ip: string,
): Promise<{ throttled: false } | { throttled: true; retryAfterSeconds: number }> {
  const now = deps.now();
  const { throttleWindowMinutes: window, maxFailuresPerAccount, maxFailuresPerIp } = deps.policy;
  const since = shiftMinutes(now, -window);
  const limits = [
    { times: await accounts.loginFailureTimes({ accountKey }, since), max: maxFailuresPerAccount },
    { times: await accounts.loginFailureTimes({ ip }, since), max: maxFailuresPerIp },
  ];
  let retryAt = 0;
  for (const { times, max } of limits) {
    if (times.length < max) continue;
    // The window opens again once enough of the failures in it have aged out.
    const freeingFailure = times[times.length - max];
    if (freeingFailure) retryAt = Math.max(retryAt, Date.parse(freeingFailure) + window * 60_000);
  }
  if (retryAt === 0) return { throttled: false };
  return { throttled: true, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) };
}

/** Records a failed password check for throttling; prunes failures that left every window. */
export async function recordFailure(
  deps: AccountsDeps,
  accounts: AccountsRepository,
  accountKey: string,
  ip: string,
) {
  const now = deps.now();
  await accounts.recordLoginFailure(accountKey, ip, now.toISOString());
  await accounts.pruneLoginFailures(shiftMinutes(now, -deps.policy.throttleWindowMinutes));
}

/** Creates a session for a user and returns the token for the cookie (only its digest is stored). */
export async function startSession(
  deps: AccountsDeps,
  userId: number,
  origin: Pick<ActionContext, 'ip' | 'userAgent'>,
): Promise<{ token: string; sessionId: number }> {
  const token = newToken();
  const now = deps.now();
  const sessionId = await createAccountsRepository({ db: deps.db }).insertSession({
    user_id: userId,
    token_hash: tokenDigest(token),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: shiftMinutes(now, deps.policy.sessionAbsoluteHours * 60),
    ip: origin.ip,
    user_agent: origin.userAgent?.slice(0, 400) ?? null,
  });
  return { token, sessionId };
}

/**
 * Checks an e-mail and password. Unknown addresses, wrong passwords, disabled accounts and accounts
 * without a password yet all get the same answer after the same work, so the form cannot be used to
 * learn who has an account; the audit log records the real reason for administrators.
 */
export async function signIn(
  deps: AccountsDeps,
  input: { email: string; password: string },
  origin: Pick<ActionContext, 'ip' | 'userAgent'>,
): Promise<SignInResult> {
  const accounts = createAccountsRepository({ db: deps.db });
  const accountKey = accountKeyOf(input.email);
  const ip = origin.ip ?? 'unknown';

  const throttle = await throttleState(deps, accounts, accountKey, ip);
  if (throttle.throttled)
    return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };

  const user = accountKey === '' ? undefined : await accounts.findUserByEmail(accountKey);
  const canSignIn = user?.password_hash && user.disabled_at === null;
  const passwordMatches =
    user && canSignIn && user.password_hash
      ? await verifyPassword(user.password_hash, input.password)
      : await verifyAgainstDummy(input.password);

  if (!user || !canSignIn || !passwordMatches) {
    const reason = !user
      ? 'unknown_account'
      : user.disabled_at
        ? 'account_disabled'
        : !user.password_hash
          ? 'password_not_set'
          : 'wrong_password';
    await deps.db.transaction().execute(async (trx) => {
      const repo = createAccountsRepository({ db: trx });
      await recordFailure(deps, repo, accountKey, ip);
      await createAuditLog({ db: trx }).record({
        actor: user ? { id: user.id, label: user.email } : null,
        action: 'auth.login_failed',
        target: user ? { type: 'user', id: user.id, label: user.email } : null,
        // What was typed in the e-mail field is kept only if it is an address: people sometimes type
        // their password there, and the log must not collect passwords.
        details: {
          reason,
          ...(user
            ? {}
            : { attempted: /^[^\s@]+@[^\s@]+$/.test(accountKey) ? accountKey : '(not an e-mail address)' }),
        },
        ip: origin.ip,
        userAgent: origin.userAgent,
      });
    });
    return { ok: false, reason: 'invalid' };
  }

  const upgradedHash = needsRehash(user.password_hash!) ? await hashPassword(input.password) : null;
  const session = await deps.db.transaction().execute(async (trx) => {
    const repo = createAccountsRepository({ db: trx });
    await repo.clearLoginFailures(accountKey);
    // Sessions nobody came back to would otherwise stay forever; sign-in is a rare, fitting moment.
    await repo.deleteExpiredSessions(deps.now().toISOString(), idleCutoff(deps, deps.now()));
    const started = await startSession({ ...deps, db: trx }, user.id, origin);
    const now = deps.now().toISOString();
    await repo.updateUser(user.id, {
      last_login_at: now,
      ...(upgradedHash ? { password_hash: upgradedHash } : {}),
    });
    await createAuditLog({ db: trx }).record({
      actor: { id: user.id, label: user.email },
      action: 'auth.login',
      target: { type: 'session', id: started.sessionId },
      ip: origin.ip,
      userAgent: origin.userAgent,
    });
    return started;
  });
  return { ok: true, token: session.token, user: toCurrentUser(user) };
}

/**
 * The person behind a session cookie, or null when the token is unknown, the session has been idle
 * too long or reached its absolute end, or the account was disabled. Dead sessions are deleted on
 * sight.
 */
export async function resolveSession(
  deps: AccountsDeps,
  token: string | undefined,
): Promise<{ user: CurrentUser; session: ActiveSession } | null> {
  if (!looksLikeToken(token)) return null;
  const accounts = createAccountsRepository({ db: deps.db });
  const session = await accounts.findSessionByTokenHash(tokenDigest(token));
  if (!session) return null;
  const now = deps.now();
  const expired = session.expires_at <= now.toISOString() || session.last_seen_at <= idleCutoff(deps, now);
  const user = expired ? undefined : await accounts.findUserById(session.user_id);
  if (!user || user.disabled_at !== null) {
    await accounts.deleteSession(session.id);
    return null;
  }
  if (now.getTime() - Date.parse(session.last_seen_at) > touchIntervalMs) {
    await accounts.touchSession(session.id, now.toISOString());
  }
  return {
    user: toCurrentUser(user),
    session: { id: session.id, createdAt: session.created_at, expiresAt: session.expires_at },
  };
}

/** Signs out: the session row goes, so the cookie is worthless even if it was copied. */
export async function endSession(deps: AccountsDeps, sessionId: number, context: ActionContext) {
  await deps.db.transaction().execute(async (trx) => {
    const removed = await createAccountsRepository({ db: trx }).deleteSession(sessionId);
    if (removed > 0) {
      await createAuditLog({ db: trx }).record({
        ...context,
        action: 'auth.logout',
        target: { type: 'session', id: sessionId },
      });
    }
  });
}

/** Valid sessions of a user, for the account page and the administrator's view of a user. */
export async function listActiveSessions(deps: AccountsDeps, userId: number) {
  const now = deps.now();
  return createAccountsRepository({ db: deps.db }).listSessions(
    userId,
    now.toISOString(),
    idleCutoff(deps, now),
  );
}
