import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's baseline parameters (19 MiB, 2 passes, 1 lane): about 30 ms here, cheap
 * enough for a sign-in, costly for anyone holding a copy of the users table.
 */
const parameters = {
  // Algorithm.Argon2id; the package's enum is a `const enum`, which isolated modules cannot import.
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** The PHC prefix current hashes carry; stored hashes with another one are upgraded at sign-in. */
const currentPrefix = `$argon2id$v=19$m=${parameters.memoryCost},t=${parameters.timeCost},p=${parameters.parallelism}$`;

export const minimumPasswordLength = 12;
/** Long enough for any passphrase; the cap keeps a megabyte "password" from costing a hash. */
export const maximumPasswordLength = 256;

export const hashPassword = (password: string): Promise<string> => hash(password, parameters);

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    // A malformed stored hash must read as "wrong password", never as a server error.
    return false;
  }
}

export const needsRehash = (storedHash: string): boolean => !storedHash.startsWith(currentPrefix);

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password, for sign-ins with an unknown e-mail or an account
 * that cannot sign in: answering faster would tell an attacker which addresses have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('chancery: no such account');
  await verifyPassword(await dummyHash, password);
  return false;
}

/** Problems with a new password, in words for the person choosing it; empty when it is acceptable. */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if ([...password].length < minimumPasswordLength) {
    problems.push(`The password must be at least ${minimumPasswordLength} characters long.`);
  }
  if (password.length > maximumPasswordLength) {
    problems.push(`The password must be at most ${maximumPasswordLength} characters long.`);
  }
  const lowered = password.toLowerCase();
  if (lowered === email.toLowerCase() || lowered === email.split('@')[0]?.toLowerCase()) {
    problems.push('The password must not be your e-mail address.');
  }
  if (password.length >= minimumPasswordLength && new Set(password).size < 4) {
    problems.push('The password repeats too few different characters; choose a less predictable one.');
  }
  return problems;
}
