/**
 * Record IDs in URLs: digits only, within PostgreSQL's integer range. Anything else ("abc", "%00",
 * "999999999999") is simply a record that does not exist, never a 400 or 500.
 */
export function parseRecordId(value: string | undefined): number | undefined {
  if (value === undefined || !/^[1-9]\d{0,9}$/.test(value)) return undefined;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : undefined;
}
