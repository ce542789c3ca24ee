import crypto from 'node:crypto';
import argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes): strong enough, and cheap enough that a login
// costs tens of milliseconds, not a second.
const hashOptions = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, hashOptions);
}

/** Checks a password against its argon2 hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** A hash to verify against when the email is unknown, so both failures take the same time. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  return dummy;
}

/** A new random bearer secret (session cookie or API token), URL-safe. */
export function newSecret(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256: a leaked table does not log anyone in. */
export function secretHash(secret: string): Buffer {
  return crypto.createHash('sha256').update(secret).digest();
}

/** Password policy: long enough to resist guessing; no composition rules (NIST 800-63B). */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 10) return 'must be at least 10 characters';
  if (password.length > 200) return 'must be at most 200 characters';
  return undefined;
}
