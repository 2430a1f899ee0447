import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 15–20 ms per hash on
 * this project's 2-core machines, so a person's own password is expensive to guess offline.
 */
export const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    // Same work as a real check, so an account without a password is not told apart by timing.
    await hash(password, ARGON2_OPTIONS);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing in particular, verified against for unknown usernames (similar timing). */
let decoy: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoy ??= hashPassword('decoy-password-for-timing');
  await verifyPassword(await decoy, password);
}

export type PasswordRule = 'length' | 'letters_and_digits' | 'not_username' | 'not_common';

const COMMON = new Set(['12345678', '123456789', '1234567890', 'password', 'password1', 'matkhau', 'matkhau123', 'qwerty123', '11111111', '00000000', 'abc12345', 'admin123', 'iloveyou', 'hocsinh123']);

/**
 * The password policy: 8–128 characters, letters and digits (or 16+ characters: a passphrase),
 * not containing the username, not a well-known password. Returns the rules broken.
 */
export function passwordPolicyViolations(password: string, username: string): PasswordRule[] {
  const broken: PasswordRule[] = [];
  if (password.length < 8 || password.length > 128) broken.push('length');
  if (password.length < 16 && !(/\p{L}/u.test(password) && /\p{N}/u.test(password))) broken.push('letters_and_digits');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) broken.push('not_username');
  if (COMMON.has(password.toLowerCase())) broken.push('not_common');
  return broken;
}
