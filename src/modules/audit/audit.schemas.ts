import { z } from 'zod';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A day typed into a date field; anything that is not a real calendar day is ignored, not an error. */
const daySchema = z
  .string()
  .optional()
  .transform((value) => {
    if (!value || !isoDay.test(value)) return undefined;
    const date = new Date(`${value}T00:00:00.000Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? undefined : value;
  });

const shortText = z
  .string()
  .optional()
  .transform((value) => {
    const trimmed = value?.trim().slice(0, 100);
    return trimmed ? trimmed : undefined;
  });

/**
 * The audit log's filters, from the query string. Odd values (a page of "abc", a date of
 * "2026-02-30") fall back to "no filter" instead of failing: a bookmarked URL should always open.
 */
export const auditFilterSchema = z.object({
  actor: z
    .string()
    .optional()
    .transform((value) => (value && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined)),
  action: shortText,
  targetType: shortText,
  targetId: shortText,
  from: daySchema,
  to: daySchema,
  page: z
    .string()
    .optional()
    .transform((value) => {
      const page = value && /^\d{1,6}$/.test(value) ? Number(value) : 1;
      return Math.max(page, 1);
    }),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditPageSize = 50;
