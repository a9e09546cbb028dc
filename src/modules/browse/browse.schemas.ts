import { z } from 'zod';
import { badRequest } from '../../app/errors.ts';
import { parseLetterKey } from './browse.alphabet.ts';

/** A page number in a query string: absent means 1; anything but a whole number from 1 is refused. */
const pageParam = z
  .string()
  .regex(/^[1-9]\d{0,5}$/, 'a page is a whole number from 1')
  .transform(Number)
  .optional();

/**
 * `/browse/dates` parameters: `decade=1960` (its years), `year=1962` (its documents),
 * `decade=1960&level=decade` (documents dated only to that decade), `undated=1`.
 */
export const dateBrowseSchema = z.object({
  decade: z
    .string()
    .regex(/^\d{0,3}0$/, 'a decade is written as its first year, such as 1960')
    .transform(Number)
    .optional(),
  year: z
    .string()
    .regex(/^(?!0+$)\d{1,4}$/, 'a year is written with up to four digits, such as 1962')
    .transform(Number)
    .optional(),
  level: z.literal('decade', 'level can only be "decade"').optional(),
  undated: z.literal('1', 'undated can only be 1').optional(),
  page: pageParam,
});

export const listPageSchema = z.object({ page: pageParam });

/** The `letter` of an A–Z index: a letter of any alphabet, `0-9` or `other`. */
export function parseLetterParam(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const key = parseLetterKey(value);
  if (!key) {
    throw badRequest('browse.invalid_letter', 'The letter must be one letter, "0-9" or "other".');
  }
  return key;
}
