import { z } from 'zod';
import { userRoles } from './roles.ts';

/** One address, one account: e-mails are compared trimmed, NFC-normalised and lower-cased. */
export const normalizeEmail = (value: string): string => value.normalize('NFC').trim().toLowerCase();

export const emailSchema = z
  .string({ error: 'Enter an e-mail address.' })
  .transform(normalizeEmail)
  .pipe(
    z
      .string()
      .min(1, 'Enter an e-mail address.')
      .max(254, 'An e-mail address is at most 254 characters long.')
      .pipe(z.email({ error: 'Enter an e-mail address such as name@example.org.' })),
  );

export const roleSchema = z.enum(userRoles, { error: 'Choose a role: contributor, editor or admin.' });

export const displayNameSchema = z
  .string()
  .trim()
  .max(120, 'A name is at most 120 characters long.')
  .transform((value) => (value === '' ? null : value));

/** The form that invites a colleague. */
export const inviteSchema = z.object({
  email: emailSchema,
  displayName: displayNameSchema.optional().transform((value) => value ?? null),
  role: roleSchema,
});

/** A form field's value, or '' when it is missing or a file: forms never fail on odd bodies. */
export function formText(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

/** Field-keyed error messages from a zod error, for forms that show them beside each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message;
  }
  return errors;
}
