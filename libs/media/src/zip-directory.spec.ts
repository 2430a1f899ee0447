import { deflateRawSync } from 'node:zlib';
import { ZIP_TAIL_BYTES, centralDirectoryNames, locateCentralDirectory } from './zip-directory';

/** A ZIP of stored entries, written the way any archiver does (local headers, directory, end record). */
function zip(entries: Array<[string, string]>, comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = deflateRawSync(Buffer.from(content));
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([...locals, directory, end, Buffer.from(comment)]);
}

function names(file: Buffer): Set<string> | null {
  const tail = file.subarray(Math.max(0, file.length - ZIP_TAIL_BYTES));
  const directory = locateCentralDirectory(tail, file.length);
  return directory ? centralDirectoryNames(file.subarray(directory.offset, directory.offset + directory.size)) : null;
}

describe('ZIP central directory', () => {
  it('lists the entries of a ZIP whatever their order', () => {
    const file = zip([['_rels/.rels', '<x/>'], ['ppt/presentation.xml', '<p/>'], ['[Content_Types].xml', '<Types/>']]);
    expect(names(file)).toEqual(new Set(['_rels/.rels', 'ppt/presentation.xml', '[Content_Types].xml']));
  });

  it('finds the end record behind a comment that contains its signature', () => {
    const file = zip([['a.txt', 'a']], 'PK\x05\x06 not the end record');
    expect(names(file)).toEqual(new Set(['a.txt']));
  });

  it('answers null for a truncated ZIP and for what is not one', () => {
    const file = zip([['[Content_Types].xml', 'x'.repeat(5000)], ['ppt/presentation.xml', 'y']]);
    expect(names(file.subarray(0, file.length - 30))).toBeNull();
    expect(names(Buffer.from('%PDF-1.7 not a zip at all'))).toBeNull();
  });
});
