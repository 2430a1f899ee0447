import { hashPassword, passwordPolicyViolations, verifyPassword } from './password';

describe('password policy', () => {
  it.each([
    ['Hai-Phong-2026!', 'quantri', []],
    ['short1', 'an', ['length']],
    ['onlyletters', 'an', ['letters_and_digits']],
    ['12345678', 'an', ['letters_and_digits', 'not_common']],
    ['nguyenvanan2026', 'nguyenvanan', ['not_username']],
    ['mot cau dai khong co so nao ca', 'an', []],
    ['Matkhau123', 'an', ['not_common']],
    ['x'.repeat(129) + '1', 'an', ['length']],
  ])('%p for user %p breaks %p', (password, username, expected) => {
    expect(passwordPolicyViolations(password, username)).toEqual(expected);
  });

  it('counts Vietnamese letters as letters', () => {
    expect(passwordPolicyViolations('Hảiphòng2026', 'an')).toEqual([]);
  });
});

describe('argon2id hashing', () => {
  it('verifies the right password only, and stores argon2id', async () => {
    const hash = await hashPassword('Hai-Phong-2026!');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    await expect(verifyPassword(hash, 'Hai-Phong-2026!')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'hai-phong-2026!')).resolves.toBe(false);
  });

  it('refuses accounts without a password and malformed hashes', async () => {
    await expect(verifyPassword(null, 'anything')).resolves.toBe(false);
    await expect(verifyPassword('not-a-hash', 'anything')).resolves.toBe(false);
  });
});
