import { open } from 'node:fs/promises';
import path from 'node:path';
import { MediaProcessingError } from '../media.exceptions';
import { lastLines } from './probe';
import { runCommand } from './run-command';

/** Widths of the resized copies (phone lists, phone full screen, desktop). */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;
/** Larger pictures are refused: decoding one could take gigabytes of memory. */
export const MAX_IMAGE_PIXELS = 100_000_000;

/**
 * The EXIF orientation (1–8) of a JPEG from its first bytes, 1 when it has none. Phones store
 * photos sideways with this flag; ffmpeg 5 does not apply it to still images.
 */
export function jpegOrientation(head: Buffer): number {
  if (head.length < 4 || head[0] !== 0xff || head[1] !== 0xd8) return 1;
  let at = 2;
  while (at + 4 <= head.length) {
    if (head[at] !== 0xff) return 1;
    const marker = head[at + 1];
    if (marker === 0xd9 || marker === 0xda) return 1; // end of image, start of scan: no EXIF before
    const length = head.readUInt16BE(at + 2);
    if (marker === 0xe1 && at + 4 + length - 2 <= head.length && head.toString('latin1', at + 4, at + 10) === 'Exif\0\0') {
      return tiffOrientation(head.subarray(at + 10, at + 2 + length));
    }
    at += 2 + length;
  }
  return 1;
}

function tiffOrientation(tiff: Buffer): number {
  if (tiff.length < 8) return 1;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return 1;
  const le = order === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return 1;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return 1;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** The ffmpeg filters that turn a picture with EXIF orientation `o` upright (empty for 1). */
export function orientationFilters(o: number): string[] {
  switch (o) {
    case 2: return ['hflip'];
    case 3: return ['hflip', 'vflip'];
    case 4: return ['vflip'];
    case 5: return ['transpose=0'];
    case 6: return ['transpose=1'];
    case 7: return ['transpose=3'];
    case 8: return ['transpose=2'];
    default: return [];
  }
}

export interface ImageVariantPlan {
  width: number;
  height: number;
}

const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));

/** The variants of an upright picture of `width`×`height`: each standard width it reaches, or its own width. */
export function planImageVariants(width: number, height: number): ImageVariantPlan[] {
  const widths: number[] = IMAGE_WIDTHS.filter((w) => w <= width);
  if (widths.length === 0) widths.push(width);
  return widths.map((w) => ({ width: even(w), height: even((height * w) / width) }));
}

export async function readHead(file: string, bytes = 256 * 1024): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Writes `w<width>.jpg` (flattened on white: JPEG has no transparency) and `w<width>.webp`
 * (transparency kept) for one variant. EXIF metadata (GPS position of a phone photo) is not copied.
 */
export async function writeImageVariant(input: string, outDir: string, plan: ImageVariantPlan, orientation: number, hasAlpha: boolean): Promise<{ jpeg: string; webp: string }> {
  const jpeg = path.join(outDir, `w${plan.width}.jpg`);
  const webp = path.join(outDir, `w${plan.width}.webp`);
  const upright = [...orientationFilters(orientation), `scale=${plan.width}:${plan.height}:flags=lanczos`].join(',');
  const graph = [
    `[0:v]${upright},split=2[a][b]`,
    `color=c=white:s=${plan.width}x${plan.height}:d=1[bg]`,
    '[a]format=rgba[fg]',
    '[bg][fg]overlay=shortest=1:format=auto,format=yuvj420p[jpeg]',
    `[b]format=${hasAlpha ? 'yuva420p' : 'yuv420p'}[webp]`,
  ].join(';');
  const args = [
    '-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-noautorotate', '-i', input, '-filter_complex', graph,
    '-map', '[jpeg]', '-frames:v', '1', '-q:v', '3', '-map_metadata', '-1', jpeg,
    '-map', '[webp]', '-frames:v', '1', '-c:v', 'libwebp', '-quality', '80', '-map_metadata', '-1', webp,
  ];
  const result = await runCommand('ffmpeg', args, { timeoutMs: 2 * 60_000 });
  if (result.exitCode !== 0) throw new MediaProcessingError('MEDIA_UNREADABLE', `ffmpeg: ${lastLines(result.stderrTail) || `exit ${String(result.exitCode)}`}`);
  return { jpeg, webp };
}
