import { StorageKeyInvalidException } from './storage.exceptions';
import { assertValidStorageKey, assertValidStoragePrefix, isValidStorageKey } from './storage-key';

describe('storage keys', () => {
  it.each([
    'a',
    'courses/42/lessons/7/video.mp4',
    'khoá học/Bài giảng số 1 – Tiếng Việt.pdf',
    'file with spaces & (brackets) #1?.txt',
    '.hidden/x',
    'a..b/c...d',
    'x'.repeat(255),
    `${'a/'.repeat(511)}b`, // 1023 bytes
  ])('accepts %j', (key) => {
    expect(isValidStorageKey(key)).toBe(true);
    expect(() => assertValidStorageKey(key)).not.toThrow();
  });

  it.each([
    ['empty', ''],
    ['longer than 1024 bytes', `${'ạ/'.repeat(300)}x`],
    ['a parent segment', '../x'],
    ['a parent segment in the middle', 'a/../../b'],
    ['a trailing parent segment', 'a/..'],
    ['a dot segment', 'a/./b'],
    ['an absolute path', '/abs'],
    ['a leading backslash', '\\abs'],
    ['a backslash', 'a\\..\\b'],
    ['NUL', 'a\u0000b'],
    ['a newline', 'a\nb'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
    ['an empty segment', 'a//b'],
    ['a trailing slash', 'a/'],
    ['a lone surrogate', 'a\ud800b'],
    ['a segment longer than 255 bytes', 'x'.repeat(256)],
  ])('refuses %s', (_why, key) => {
    expect(isValidStorageKey(key)).toBe(false);
    expect(() => assertValidStorageKey(key)).toThrow(StorageKeyInvalidException);
  });

  it('refuses what is not a string', () => {
    expect(isValidStorageKey(undefined)).toBe(false);
    expect(isValidStorageKey(42)).toBe(false);
  });

  it('throws a 400 STORAGE_KEY_INVALID with both languages', () => {
    try {
      assertValidStorageKey('../x');
      throw new Error('not thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(StorageKeyInvalidException);
      expect(error).toMatchObject({ code: 'STORAGE_KEY_INVALID', status: 400 });
      const { messages } = error as StorageKeyInvalidException;
      expect(messages.vi).toBeTruthy();
      expect(messages.en).toBeTruthy();
    }
  });

  it('accepts list prefixes that end in a slash or stop mid-segment, and the empty prefix', () => {
    for (const prefix of ['', 'a/', 'a/b', 'courses/42/']) expect(() => assertValidStoragePrefix(prefix)).not.toThrow();
    for (const prefix of ['../', '/a/', 'a//', 'a/../']) expect(() => assertValidStoragePrefix(prefix)).toThrow(StorageKeyInvalidException);
  });
});
