import { type SystemSettingsRepository, type AppConfig } from '@lms/core';
import { OneTimeCodes, generateOneTimeCode, normaliseOneTimeCode } from './one-time-code';

function codes(key = 'k'.repeat(32)): OneTimeCodes {
  const settings = { getOrCreate: jest.fn() } as unknown as SystemSettingsRepository;
  return new OneTimeCodes({ auth: { codeKey: key } } as unknown as AppConfig, settings);
}

describe('one-time sign-in codes', () => {
  it('are 12 characters of Crockford base 32 in three groups, and differ every time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = generateOneTimeCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      seen.add(code);
    }
    expect(seen.size).toBe(2000);
  });

  it('forgive case, spaces, dashes and the look-alikes O, I and L when typed', () => {
    expect(normaliseOneTimeCode('7kq2 m9xd 4tra')).toBe('7KQ2M9XD4TRA');
    expect(normaliseOneTimeCode('OIL0-0000-0000')).toBe('011000000000');
    expect(normaliseOneTimeCode('7KQ2-M9XD')).toBeNull();
    expect(normaliseOneTimeCode('7KQ2-M9XD-4TR!')).toBeNull();
  });

  it('verify only the code they were made from, under the same key', async () => {
    const a = codes();
    await a.ensureKey();
    const { code, hash } = a.issue();
    expect(hash.startsWith('otc1$')).toBe(true);
    expect(a.verify(hash, code)).toBe(true);
    expect(a.verify(hash, code.toLowerCase().replace(/-/g, ' '))).toBe(true);
    expect(a.verify(hash, generateOneTimeCode())).toBe(false);
    expect(a.verify(hash, 'not a code')).toBe(false);
    expect(a.verify(null, code)).toBe(false);
    const b = codes('z'.repeat(32));
    await b.ensureKey();
    expect(b.verify(hash, code)).toBe(false);
  });

  it('seal data so that only the same key opens it, and tampering is detected', async () => {
    const a = codes();
    await a.ensureKey();
    const sealed = a.seal(Buffer.from('Nguyễn Văn An 7KQ2-M9XD-4TRA'));
    expect(sealed.includes(Buffer.from('7KQ2'))).toBe(false);
    expect(a.open(sealed).toString()).toBe('Nguyễn Văn An 7KQ2-M9XD-4TRA');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => a.open(tampered)).toThrow();
    const b = codes('z'.repeat(32));
    await b.ensureKey();
    expect(() => b.open(sealed)).toThrow();
  });
});
