import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateRawSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

const run = promisify(execFile);

/** Real small media files made with ffmpeg and pdfkit at test time (nothing large is committed). */
export class MediaFiles {
  constructor(private readonly dir: string) {}

  private async ffmpeg(name: string, args: string[]): Promise<Buffer> {
    const out = path.join(this.dir, name);
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, out]);
    return readFile(out);
  }

  /** A 720p test pattern with a 440 Hz tone; moov at the end (ffmpeg's default), as phones write it. */
  video(seconds = 8, size = '1280x720'): Promise<Buffer> {
    return this.ffmpeg(`video-${seconds}-${size}.mp4`, [
      '-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=${size}:rate=25`,
      '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
      '-shortest', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '64k',
    ]);
  }

  /** An MP4 holding only sound (a "video" with no picture). */
  soundOnlyMp4(seconds = 2): Promise<Buffer> {
    return this.ffmpeg('sound-only.mp4', ['-f', 'lavfi', '-i', `sine=frequency=330:duration=${seconds}`, '-c:a', 'aac', '-f', 'mp4']);
  }

  mp3(seconds = 3): Promise<Buffer> {
    return this.ffmpeg('tone.mp3', ['-f', 'lavfi', '-i', `sine=frequency=523:duration=${seconds}`, '-c:a', 'libmp3lame', '-b:a', '64k']);
  }

  png(size = '1600x900'): Promise<Buffer> {
    return this.ffmpeg('picture.png', ['-f', 'lavfi', '-i', `testsrc=size=${size}:duration=1`, '-frames:v', '1']);
  }

  /** A PDF of `pages` pages with Vietnamese text. */
  pdf(pages = 4): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const doc = new PDFDocument({ size: 'A4', margin: 50 });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.font('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');
      for (let i = 1; i <= pages; i++) {
        if (i > 1) doc.addPage();
        doc.fontSize(24).text(`Bài ${i}: Kỹ năng số cho mọi người`);
      }
      doc.end();
    });
  }

  pptx(): Promise<Buffer> {
    return readFile(path.join(__dirname, '../../fixtures/media/slides-3.pptx'));
  }
}

/** A ZIP (deflated entries) built in memory: enough for a PPTX that is a ZIP but not a presentation. */
export function zipOf(entries: Array<[string, Buffer | string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const raw = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const data = deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
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
  return Buffer.concat([...locals, directory, end]);
}

/** A "presentation" whose parts are garbage: it passes the upload check, LibreOffice cannot open it. */
export function corruptPptx(): Buffer {
  return zipOf([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types><broken'],
    ['_rels/.rels', Buffer.from([0, 1, 2, 3, 255, 254])],
    ['ppt/presentation.xml', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x42])],
  ]);
}

export const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>fetch("/api/v1/me")</script><rect width="10" height="10"/></svg>\n',
);

/** The start of a Windows program, padded out: what a renamed setup.exe looks like. */
export function windowsProgram(bytes = 64 * 1024): Buffer {
  const buffer = Buffer.alloc(bytes, 0x90);
  buffer.write('MZ', 0, 'latin1');
  buffer.writeUInt32LE(0x80, 0x3c);
  buffer.write('PE\0\0', 0x80, 'latin1');
  return buffer;
}
