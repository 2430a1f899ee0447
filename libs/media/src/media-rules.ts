/**
 * The rules of media uploads, free of I/O: purposes and their limits, the kinds of file each purpose
 * accepts (told from the bytes, never from the name or the browser's claim), and the part plan of a
 * browser upload.
 */

export const MEDIA_PURPOSES = ['video', 'audio', 'slides', 'document', 'image', 'file', 'evidence'] as const;
/** What an asset is for (video bài giảng, slides bài trình chiếu, evidence minh chứng…). */
export type MediaPurpose = (typeof MEDIA_PURPOSES)[number];

export const MEDIA_STATUSES = ['awaiting_upload', 'uploaded', 'processing', 'ready', 'failed'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/** What the bytes are, as far as processing cares. */
export type MediaKind = 'video' | 'audio' | 'pdf' | 'pptx' | 'image' | 'other';

export type MediaLimits = Readonly<Record<MediaPurpose, number>>;

export const PPTX_MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** file-type's extension → what processing makes of it. */
const KIND_OF_EXT: Readonly<Record<string, MediaKind>> = {
  mp4: 'video',
  m4v: 'video',
  mov: 'video',
  webm: 'video',
  mkv: 'video',
  mp3: 'audio',
  m4a: 'audio',
  aac: 'audio',
  wav: 'audio',
  ogg: 'audio',
  oga: 'audio',
  opus: 'audio',
  pdf: 'pdf',
  pptx: 'pptx',
  jpg: 'image',
  png: 'image',
  webp: 'image',
  gif: 'image',
};

/**
 * The file-type extensions each purpose accepts; `file` accepts anything but executables.
 * Audio accepts an MP4 container too: phones record .m4a files whose brand says mp4 (the job then
 * uses the audio stream only, and fails the file if there is none).
 */
export const ALLOWED_EXTENSIONS: Readonly<Record<Exclude<MediaPurpose, 'file'>, readonly string[]>> = {
  video: ['mp4', 'm4v', 'mov', 'webm', 'mkv'],
  audio: ['mp3', 'm4a', 'aac', 'wav', 'ogg', 'oga', 'opus', 'mp4'],
  slides: ['pdf', 'pptx'],
  document: ['pdf'],
  image: ['jpg', 'png', 'webp', 'gif'],
  evidence: ['jpg', 'png', 'webp', 'gif', 'pdf'],
};

/** What processing does with a purpose's kind. Audio purpose with an MP4 container is audio. */
export function processingKind(purpose: MediaPurpose, kind: MediaKind): MediaKind {
  if (purpose === 'audio' && kind === 'video') return 'audio';
  if (purpose === 'file') return 'other';
  return kind;
}

/** What processing makes of a stored (detected) content type. */
export function kindOfContentType(contentType: string): MediaKind {
  const type = contentType.toLowerCase();
  if (type === PPTX_MIME) return 'pptx';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('image/')) return 'image';
  return 'other';
}

/** Names whose extension says "program": refused for every purpose before anything is stored. */
const EXECUTABLE_NAME = /\.(exe|dll|com|scr|msi|bat|cmd|ps1|vbs|vbe|wsf|jar|apk|sh|app|dmg|elf)$/i;
const SVG_NAME = /\.svgz?$/i;

/** How a file was judged from its first bytes. */
export type KindVerdict =
  | { ok: true; kind: MediaKind; contentType: string; ext: string | null }
  | { ok: false; reason: 'svg' | 'executable' | 'not-allowed'; detected: string | null };

export interface SniffedType {
  ext: string;
  mime: string;
}

/** True when the first bytes are a program: PE (MZ), ELF, Mach-O (thin or fat) or a script's `#!`. */
export function isExecutable(head: Buffer): boolean {
  if (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a) return true; // MZ: Windows PE, DOS
  if (head.length >= 2 && head[0] === 0x23 && head[1] === 0x21) return true; // #!: a script
  if (head.length < 4) return false;
  const magic = head.readUInt32BE(0);
  return [
    0x7f454c46, // \x7fELF
    0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, // Mach-O 32/64, both byte orders
    0xcafebabe, 0xbebafeca, // Mach-O universal (also a Java class file: a program too)
  ].includes(magic);
}

/** An SVG (an XML document that may carry scripts), told from its text. */
export function looksLikeSvg(head: Buffer): boolean {
  const text = head.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (!text.startsWith('<')) return false;
  return /<svg[\s>]/.test(text) || text.includes('<!doctype svg');
}

/**
 * Judges an uploaded file by its content: `sniffed` is file-type's answer on the first bytes,
 * `zipEntries` the names in a ZIP's central directory when the file is a ZIP (PPTX is one; file-type
 * often cannot tell from the first 4 KB because LibreOffice writes [Content_Types].xml last).
 */
export function judgeKind(purpose: MediaPurpose, head: Buffer, sniffed: SniffedType | undefined, zipEntries?: ReadonlySet<string> | null): KindVerdict {
  if (isExecutable(head) || ['exe', 'elf', 'mach', 'macho', 'apk', 'class', 'msi'].includes(sniffed?.ext ?? '')) {
    return { ok: false, reason: 'executable', detected: sniffed?.mime ?? null };
  }
  // file-type names an SVG with an XML declaration `xml`, and one without it not at all.
  if ((!sniffed || sniffed.ext === 'xml') && looksLikeSvg(head)) return { ok: false, reason: 'svg', detected: 'image/svg+xml' };

  let ext = sniffed?.ext ?? null;
  let mime = sniffed?.mime ?? null;
  if ((ext === 'zip' || ext === 'pptx') && zipEntries && isPptx(zipEntries)) {
    ext = 'pptx';
    mime = PPTX_MIME;
  } else if (ext === 'pptx' && zipEntries !== undefined) {
    // file-type saw a PPTX in the first entries, but the directory lacks what a presentation needs.
    ext = 'zip';
    mime = 'application/zip';
  }

  if (purpose === 'file') {
    return { ok: true, kind: 'other', contentType: mime ?? 'application/octet-stream', ext };
  }
  if (ext === null || mime === null || !ALLOWED_EXTENSIONS[purpose].includes(ext)) {
    return { ok: false, reason: 'not-allowed', detected: mime };
  }
  return { ok: true, kind: processingKind(purpose, KIND_OF_EXT[ext] ?? 'other'), contentType: mime, ext };
}

/** A PPTX is a ZIP with the OOXML content-types part and a presentation part. */
export function isPptx(entries: ReadonlySet<string>): boolean {
  return entries.has('[Content_Types].xml') && entries.has('ppt/presentation.xml');
}

/** Refusals that need only the name and the browser's content type (before anything is stored). */
export function judgeDeclared(purpose: MediaPurpose, fileName: string, contentType: string | undefined): KindVerdict | null {
  const type = (contentType ?? '').toLowerCase().split(';')[0].trim();
  if (EXECUTABLE_NAME.test(fileName.trim()) || ['application/x-msdownload', 'application/x-executable', 'application/vnd.android.package-archive'].includes(type)) {
    return { ok: false, reason: 'executable', detected: type || null };
  }
  if (purpose !== 'file' && (SVG_NAME.test(fileName.trim()) || type === 'image/svg+xml')) {
    return { ok: false, reason: 'svg', detected: 'image/svg+xml' };
  }
  return null;
}

/** S3's ceiling on the number of parts of one multipart upload. */
export const MAX_PARTS = 10_000;

/** The parts a browser uploads a file of `size` bytes in: the configured size, raised when over 10,000 parts. */
export function planParts(size: number, configuredPartSize: number): { partSize: number; parts: number } {
  const partSize = Math.max(configuredPartSize, Math.ceil(size / MAX_PARTS));
  return { partSize, parts: Math.max(1, Math.ceil(size / partSize)) };
}

/** Byte length of part `partNumber` (1-based) of a file uploaded in parts of `partSize`. */
export function partLength(size: number, partSize: number, partNumber: number): number {
  return Math.max(0, Math.min(partSize, size - (partNumber - 1) * partSize));
}

/** Vietnamese and English names of a purpose, for messages. */
export const PURPOSE_LABELS: Readonly<Record<MediaPurpose, { vi: string; en: string }>> = {
  video: { vi: 'video', en: 'video' },
  audio: { vi: 'âm thanh', en: 'audio' },
  slides: { vi: 'bài trình chiếu', en: 'slides' },
  document: { vi: 'tài liệu', en: 'document' },
  image: { vi: 'hình ảnh', en: 'image' },
  file: { vi: 'tệp', en: 'file' },
  evidence: { vi: 'minh chứng', en: 'evidence' },
};

/** The accepted formats of a purpose as users know them (`MP4, WebM, MOV, MKV`). */
export function allowedFormatsText(purpose: MediaPurpose): string {
  if (purpose === 'file') return '*';
  return ALLOWED_EXTENSIONS[purpose]
    .filter((ext) => !(purpose === 'audio' && ext === 'mp4'))
    .map((ext) => (ext === 'jpg' ? 'JPEG' : ext.toUpperCase()))
    .join(', ');
}

/** `1.5 GB`, `200 MB`: sizes in messages, in binary units as the limits are. */
export function formatBytes(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  if (gib >= 1) return `${Number(gib.toFixed(1))} GB`;
  const mib = bytes / 1024 ** 2;
  if (mib >= 1) return `${Number(mib.toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
