import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, SystemSettingsRepository } from '@lms/core';

/**
 * Crockford's base 32 (no I, L, O, U): 5 bits a character, nothing a child can misread once
 * lower case, O, I and L are read as 0, 1 and 1.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12; // 60 bits
const PREFIX = 'otc1$';

/** A fresh one-time sign-in code, grouped for reading aloud: "7KQ2-M9XD-4TRA". */
export function generateOneTimeCode(): string {
  // 256 is a multiple of 32: the low five bits of a random byte are uniform.
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[bytes[i] & 31];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** What a person typed, as the code it stands for (case, spaces, dashes and look-alikes forgiven); null if it cannot be one. */
export function normaliseOneTimeCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== CODE_LENGTH) return null;
  for (const ch of compact) if (!ALPHABET.includes(ch)) return null;
  return compact;
}

/**
 * Hashes one-time codes with HMAC-SHA-256 under a server key. A code has 60 random bits: even with
 * the key and the hashes stolen, finding one code takes ~2^59 guesses, so a fast keyed hash is safe
 * here, where argon2id (a few hashes per second per core) would make a 100,000-student import take
 * hours. A person's own password is always argon2id.
 */
@Injectable()
export class OneTimeCodes implements OnModuleInit {
  private key: Buffer | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SystemSettingsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.ensureKey();
  }

  async ensureKey(): Promise<Buffer> {
    if (this.key) return this.key;
    const configured = this.config.auth.codeKey;
    const secret = configured ?? (await this.settings.getOrCreate('auth.oneTimeCodeKey', () => randomBytes(32).toString('hex')));
    this.key = Buffer.from(secret, 'utf8');
    return this.key;
  }

  /** Hashes a code (as generated or as typed). */
  hash(code: string): string {
    const normalised = normaliseOneTimeCode(code);
    if (!normalised) throw new Error('not a one-time code');
    return PREFIX + createHmac('sha256', this.requireKey()).update(normalised).digest('base64url');
  }

  /** A new code and its hash. */
  issue(): { code: string; hash: string } {
    const code = generateOneTimeCode();
    return { code, hash: this.hash(code) };
  }

  verify(storedHash: string | null, input: string): boolean {
    if (!storedHash?.startsWith(PREFIX)) return false;
    const normalised = normaliseOneTimeCode(input);
    // Compare a digest either way, so a malformed input costs the same as a wrong one.
    const candidate = Buffer.from(PREFIX + createHmac('sha256', this.requireKey()).update(normalised ?? input).digest('base64url'));
    const stored = Buffer.from(storedHash);
    return normalised !== null && candidate.length === stored.length && timingSafeEqual(candidate, stored);
  }

  /**
   * Encrypts data that holds plain codes (the account slips of an import, printed later) with
   * AES-256-GCM under a key derived from the code key: storage alone does not reveal them.
   */
  seal(data: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey(), iv);
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    return Buffer.concat([Buffer.from('SL1'), iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer): Buffer {
    if (sealed.subarray(0, 3).toString() !== 'SL1') throw new Error('not sealed data');
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey(), sealed.subarray(3, 15));
    decipher.setAuthTag(sealed.subarray(15, 31));
    return Buffer.concat([decipher.update(sealed.subarray(31)), decipher.final()]);
  }

  private sealKey(): Buffer {
    return createHmac('sha256', this.requireKey()).update('lms:sealed-slips:v1').digest();
  }

  private requireKey(): Buffer {
    if (!this.key) throw new Error('OneTimeCodes used before its key was loaded');
    return this.key;
  }
}
