import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id (a const enum, which our module settings cannot import).
const ARGON2ID = 2;

/**
 * Passwords as argon2id hashes (the library's defaults: 19 MiB, 2 passes, OWASP's recommendation). A
 * password is at least 12 characters and is not the username; nothing else is imposed (NIST 800-63B).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** A hash of nothing anyone knows: verified against when the username is unknown, so timing tells nothing. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    decoy ??= hashPassword(`decoy-${Math.random()}`);
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** Why a new password is refused (both languages), or null when it is acceptable. */
export function passwordProblem(password: string, username: string): { zh: string; en: string } | null {
  if ([...password].length < PASSWORD_MIN_LENGTH)
    return {
      zh: `密碼至少需 ${PASSWORD_MIN_LENGTH} 個字元`,
      en: `a password needs at least ${PASSWORD_MIN_LENGTH} characters`,
    };
  if (password.length > PASSWORD_MAX_LENGTH)
    return {
      zh: `密碼最多 ${PASSWORD_MAX_LENGTH} 個字元`,
      en: `a password has at most ${PASSWORD_MAX_LENGTH} characters`,
    };
  if (password.toLowerCase().includes(username.toLowerCase()))
    return { zh: '密碼不得包含帳號名稱', en: 'a password must not contain the username' };
  return null;
}
