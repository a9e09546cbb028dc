import type { Kysely } from 'kysely';
import type { Database } from '../../database/tables.ts';
import type { AuditActor } from '../audit/audit.usecases.ts';
import type { AccountsPolicy } from './accounts.policy.ts';
import type { UserRow } from './accounts.repository.ts';
import type { UserRole } from './roles.ts';

/** What the account usecases need: the database, the policy, and a clock (tests move it). */
export type AccountsDeps = {
  db: Kysely<Database>;
  policy: AccountsPolicy;
  now: () => Date;
};

/** The signed-in person, as routes see them (`c.get('currentUser')`). */
export type CurrentUser = {
  id: number;
  email: string;
  displayName: string | null;
  role: UserRole;
};

/** Who is acting and from where; spread it into `audit.record({ ...context, action, target })`. */
export type ActionContext = {
  actor: AuditActor | null;
  ip: string | null;
  userAgent: string | null;
};

export const toCurrentUser = (row: UserRow): CurrentUser => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
});

export const actorOf = (user: Pick<CurrentUser, 'id' | 'email'>): AuditActor => ({
  id: user.id,
  label: user.email,
});
