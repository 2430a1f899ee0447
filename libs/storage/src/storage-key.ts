import { StorageKeyInvalidException } from './storage.exceptions';

export const MAX_STORAGE_KEY_BYTES = 1024;
/** NAME_MAX on common filesystems; applied to both drivers so a key valid on S3 is valid on disk. */
export const MAX_STORAGE_KEY_SEGMENT_BYTES = 255;

// C0 and C1 control characters and DEL. Written with escapes so the source stays printable.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a key is unsafe, or null when it is fine. One rule set for both drivers. */
export function storageKeyProblem(key: unknown): string | null {
  if (typeof key !== 'string') return 'not a string';
  if (key.length === 0) return 'empty';
  if (Buffer.byteLength(key, 'utf8') > MAX_STORAGE_KEY_BYTES) return `longer than ${MAX_STORAGE_KEY_BYTES} bytes`;
  if (CONTROL_CHARACTERS.test(key)) return 'contains a control character';
  if (LONE_SURROGATE.test(key)) return 'is not well-formed Unicode';
  if (key.includes('\\')) return 'contains a backslash';
  if (key.startsWith('/')) return 'starts with /';
  for (const segment of key.split('/')) {
    // Empty and dot segments would alias another key on disk (`a//b`, `a/./b`) or escape it (`..`).
    if (segment === '') return 'has an empty segment';
    if (segment === '.' || segment === '..') return 'has a dot segment';
    if (Buffer.byteLength(segment, 'utf8') > MAX_STORAGE_KEY_SEGMENT_BYTES) {
      return `has a segment longer than ${MAX_STORAGE_KEY_SEGMENT_BYTES} bytes`;
    }
  }
  return null;
}

export function isValidStorageKey(key: unknown): key is string {
  return storageKeyProblem(key) === null;
}

/** Throws `StorageKeyInvalidException` (400 STORAGE_KEY_INVALID) unless the key is safe. */
export function assertValidStorageKey(key: unknown): asserts key is string {
  const problem = storageKeyProblem(key);
  if (problem !== null) throw new StorageKeyInvalidException(problem);
}

/**
 * A list prefix is either empty (everything) or the start of a valid key; a trailing `/` is
 * allowed so callers can list a "folder".
 */
export function assertValidStoragePrefix(prefix: string): void {
  if (prefix === '') return;
  assertValidStorageKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
}
