import { type UserRole, userRoles } from '../../database/tables.ts';

export { type UserRole, userRoles };

/**
 * Roles form a ladder: each can do everything the one below it can.
 * - contributor: create and edit drafts;
 * - editor: also review, publish and withdraw documents, manage authorities and collections;
 * - admin: also manage accounts, read the audit log and change settings.
 */
const rank: Record<UserRole, number> = { contributor: 1, editor: 2, admin: 3 };

/** Whether someone with `role` may do what `required` allows. */
export function roleAtLeast(role: UserRole, required: UserRole): boolean {
  return rank[role] >= rank[required];
}

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (userRoles as readonly string[]).includes(value);
}

export const roleLabels: Record<UserRole, string> = {
  contributor: 'Contributor',
  editor: 'Editor',
  admin: 'Administrator',
};

export const roleDescriptions: Record<UserRole, string> = {
  contributor: 'creates and edits drafts',
  editor: 'also reviews, publishes and withdraws documents, manages authorities and collections',
  admin: 'also manages accounts, reads the audit log and changes settings',
};
