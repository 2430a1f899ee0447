/**
 * Just enough of the ZIP format to list a file's entry names from its central directory (at the end
 * of the file), so a PPTX is recognised by what it contains whatever the order of its entries,
 * without reading the whole file.
 */

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;

/** How many bytes at the end of a file always hold the end-of-central-directory record. */
export const ZIP_TAIL_BYTES = EOCD_MIN + 0xffff + 20 + 56;

/** Where the central directory is (offsets in the whole file). */
export interface CentralDirectory {
  offset: number;
  size: number;
  entries: number;
}

/**
 * Finds the central directory from the last bytes of a file (`tail`, which ends at the end of the
 * file of `fileSize` bytes). Null when there is no end record: not a ZIP, or a truncated one.
 */
export function locateCentralDirectory(tail: Buffer, fileSize: number): CentralDirectory | null {
  const tailStart = fileSize - tail.length;
  for (let at = tail.length - EOCD_MIN; at >= 0; at--) {
    if (tail.readUInt32LE(at) !== EOCD_SIGNATURE) continue;
    const commentLength = tail.readUInt16LE(at + 20);
    if (at + EOCD_MIN + commentLength !== tail.length) continue; // a signature inside the comment or data
    let entries = tail.readUInt16LE(at + 10);
    let size = tail.readUInt32LE(at + 12);
    let offset = tail.readUInt32LE(at + 16);
    if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      const locatorAt = at - 20;
      if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== ZIP64_LOCATOR_SIGNATURE) return null;
      const recordAt = Number(tail.readBigUInt64LE(locatorAt + 8)) - tailStart;
      if (recordAt < 0 || recordAt + 56 > tail.length || tail.readUInt32LE(recordAt) !== ZIP64_EOCD_SIGNATURE) return null;
      entries = Number(tail.readBigUInt64LE(recordAt + 32));
      size = Number(tail.readBigUInt64LE(recordAt + 40));
      offset = Number(tail.readBigUInt64LE(recordAt + 48));
    }
    if (offset + size > fileSize) return null;
    return { offset, size, entries };
  }
  return null;
}

/** The entry names of a central directory (its bytes, read from `offset` for `size`). */
export function centralDirectoryNames(directory: Buffer, maxEntries = 100_000): Set<string> {
  const names = new Set<string>();
  let at = 0;
  while (at + 46 <= directory.length && names.size < maxEntries) {
    if (directory.readUInt32LE(at) !== CENTRAL_ENTRY_SIGNATURE) break;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    if (at + 46 + nameLength > directory.length) break;
    // Names that matter here are ASCII, the same in CP437 and UTF-8.
    names.add(directory.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
