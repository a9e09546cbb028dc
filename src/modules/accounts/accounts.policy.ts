/**
 * How long sessions and links live and how hard sign-in is throttled. One object, passed in, so tests
 * and operators can tighten it without touching the code that applies it.
 */
export type AccountsPolicy = {
  /** A session unused for this long ends (a forgotten browser in a reading room). */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however active. */
  sessionAbsoluteHours: number;
  /** Set-password links work this long, once. */
  passwordLinkHours: number;
  /** Failed sign-ins are counted over this sliding window. */
  throttleWindowMinutes: number;
  /** Failures per e-mail address in the window before that address is refused. */
  maxFailuresPerAccount: number;
  /** Failures from one IP address in the window before that address is refused. */
  maxFailuresPerIp: number;
};

export const defaultAccountsPolicy: AccountsPolicy = {
  sessionIdleMinutes: 120,
  sessionAbsoluteHours: 12,
  passwordLinkHours: 72,
  throttleWindowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 20,
};

/** `date` moved by a number of minutes, as the ISO string the database compares. */
export const shiftMinutes = (date: Date, minutes: number): string =>
  new Date(date.getTime() + minutes * 60_000).toISOString();
