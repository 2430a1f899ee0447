import { ALLOWED_EXTENSIONS, MEDIA_PURPOSES, PPTX_MIME, allowedFormatsText, formatBytes, isExecutable, judgeDeclared, judgeKind, kindOfContentType, looksLikeSvg, partLength, planParts } from './media-rules';

const bytes = (...values: number[]) => Buffer.from(values);
const text = (s: string) => Buffer.from(s, 'utf8');

describe('kinds allowed per purpose', () => {
  it.each([
    ['video', 'mp4', 'video/mp4', 'video'],
    ['video', 'mov', 'video/quicktime', 'video'],
    ['video', 'webm', 'video/webm', 'video'],
    ['video', 'mkv', 'video/matroska', 'video'],
    ['audio', 'mp3', 'audio/mpeg', 'audio'],
    ['audio', 'm4a', 'audio/x-m4a', 'audio'],
    ['audio', 'wav', 'audio/wav', 'audio'],
    ['audio', 'ogg', 'audio/ogg', 'audio'],
    ['audio', 'mp4', 'video/mp4', 'audio'], // a phone's .m4a with an mp4 brand: processed as audio
    ['slides', 'pdf', 'application/pdf', 'pdf'],
    ['slides', 'pptx', PPTX_MIME, 'pptx'],
    ['document', 'pdf', 'application/pdf', 'pdf'],
    ['image', 'jpg', 'image/jpeg', 'image'],
    ['image', 'png', 'image/png', 'image'],
    ['image', 'webp', 'image/webp', 'image'],
    ['image', 'gif', 'image/gif', 'image'],
    ['evidence', 'jpg', 'image/jpeg', 'image'],
    ['evidence', 'pdf', 'application/pdf', 'pdf'],
  ] as const)('%s accepts %s', (purpose, ext, mime, kind) => {
    expect(judgeKind(purpose, bytes(0, 0, 0, 0), { ext, mime }, ext === 'pptx' ? new Set(['[Content_Types].xml', 'ppt/presentation.xml']) : undefined)).toEqual({ ok: true, kind, contentType: mime, ext });
  });

  it.each([
    ['video', 'mp3', 'audio/mpeg'],
    ['video', 'pdf', 'application/pdf'],
    ['audio', 'webm', 'video/webm'],
    ['document', 'pptx', PPTX_MIME],
    ['document', 'zip', 'application/zip'],
    ['image', 'pdf', 'application/pdf'],
    ['image', 'tif', 'image/tiff'],
    ['evidence', 'mp4', 'video/mp4'],
    ['slides', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ] as const)('%s refuses %s', (purpose, ext, mime) => {
    expect(judgeKind(purpose, bytes(0, 0, 0, 0), { ext, mime })).toEqual({ ok: false, reason: 'not-allowed', detected: mime });
  });

  it('refuses what file-type cannot name, except for `file`', () => {
    expect(judgeKind('document', text('just some text'), undefined)).toEqual({ ok: false, reason: 'not-allowed', detected: null });
    expect(judgeKind('file', text('just some text'), undefined)).toEqual({ ok: true, kind: 'other', contentType: 'application/octet-stream', ext: null });
  });

  it('tells a PPTX by its central directory, whatever file-type saw in the first 4 KB', () => {
    const zip = { ext: 'zip', mime: 'application/zip' };
    expect(judgeKind('slides', bytes(0x50, 0x4b, 3, 4), zip, new Set(['_rels/.rels', 'ppt/presentation.xml', '[Content_Types].xml']))).toMatchObject({ ok: true, kind: 'pptx', contentType: PPTX_MIME });
    // A plain ZIP, a DOCX, a ZIP whose directory is missing (truncated): not slides.
    expect(judgeKind('slides', bytes(0x50, 0x4b, 3, 4), zip, new Set(['a.txt']))).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(judgeKind('slides', bytes(0x50, 0x4b, 3, 4), zip, new Set(['[Content_Types].xml', 'word/document.xml']))).toMatchObject({ ok: false });
    expect(judgeKind('slides', bytes(0x50, 0x4b, 3, 4), { ext: 'pptx', mime: PPTX_MIME }, null)).toMatchObject({ ok: false, detected: 'application/zip' });
  });

  it('refuses programs for every purpose, `file` included', () => {
    for (const purpose of MEDIA_PURPOSES) {
      expect(judgeKind(purpose, text('MZ\x90\x00\x03'), { ext: 'exe', mime: 'application/x-msdownload' })).toMatchObject({ ok: false, reason: 'executable' });
      expect(judgeKind(purpose, bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1), { ext: 'elf', mime: 'application/x-elf' })).toMatchObject({ ok: false, reason: 'executable' });
      expect(judgeKind(purpose, text('#!/bin/sh\nrm -rf /'), undefined)).toMatchObject({ ok: false, reason: 'executable' });
      expect(judgeKind(purpose, bytes(0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1), undefined)).toMatchObject({ ok: false, reason: 'executable' });
    }
  });

  it('refuses SVG (it can carry scripts)', () => {
    const svg = text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(looksLikeSvg(svg)).toBe(true);
    expect(looksLikeSvg(text('\uFEFF  <svg width="1">'))).toBe(true);
    expect(looksLikeSvg(text('<html><body>no</body></html>'))).toBe(false);
    expect(judgeKind('image', svg, undefined)).toEqual({ ok: false, reason: 'svg', detected: 'image/svg+xml' });
    expect(judgeKind('evidence', svg, undefined)).toMatchObject({ ok: false, reason: 'svg' });
    expect(judgeKind('image', svg, { ext: 'xml', mime: 'application/xml' })).toMatchObject({ ok: false, reason: 'svg' });
  });

  it('knows executables by their magic numbers only', () => {
    expect(isExecutable(text('MZ'))).toBe(true);
    expect(isExecutable(bytes(0xca, 0xfe, 0xba, 0xbe))).toBe(true);
    expect(isExecutable(text('%PDF-1.7'))).toBe(false);
    expect(isExecutable(bytes(0xff, 0xd8, 0xff))).toBe(false);
    expect(isExecutable(Buffer.alloc(0))).toBe(false);
  });

  it('refuses programs and SVG by name or declared type before anything is stored', () => {
    expect(judgeDeclared('video', 'setup.exe', undefined)).toMatchObject({ ok: false, reason: 'executable' });
    expect(judgeDeclared('file', 'app.APK', undefined)).toMatchObject({ ok: false, reason: 'executable' });
    expect(judgeDeclared('file', 'x.bin', 'application/x-msdownload')).toMatchObject({ ok: false, reason: 'executable' });
    expect(judgeDeclared('image', 'logo.svg', 'image/svg+xml')).toMatchObject({ ok: false, reason: 'svg' });
    expect(judgeDeclared('image', 'logo.png', 'image/svg+xml')).toMatchObject({ ok: false, reason: 'svg' });
    expect(judgeDeclared('file', 'logo.svg', 'image/svg+xml')).toBeNull();
    expect(judgeDeclared('video', 'bài giảng 1.mp4', 'video/mp4')).toBeNull();
    // The name never accepts: a .mp4 is judged by its bytes at completion.
    expect(judgeDeclared('video', 'clip.mp4', undefined)).toBeNull();
  });

  it('maps stored content types back to what processing does', () => {
    expect(kindOfContentType('video/quicktime')).toBe('video');
    expect(kindOfContentType('audio/mpeg')).toBe('audio');
    expect(kindOfContentType(PPTX_MIME)).toBe('pptx');
    expect(kindOfContentType('application/pdf')).toBe('pdf');
    expect(kindOfContentType('image/webp')).toBe('image');
    expect(kindOfContentType('application/zip')).toBe('other');
  });

  it('names the accepted formats for messages', () => {
    expect(allowedFormatsText('video')).toBe('MP4, M4V, MOV, WEBM, MKV');
    expect(allowedFormatsText('image')).toBe('JPEG, PNG, WEBP, GIF');
    expect(allowedFormatsText('audio')).not.toContain('MP4');
    expect(Object.keys(ALLOWED_EXTENSIONS)).not.toContain('file');
  });
});

describe('part plan', () => {
  const MIB = 1024 * 1024;

  it('uses the configured part size, the last part shorter', () => {
    expect(planParts(20 * MIB + 1, 8 * MIB)).toEqual({ partSize: 8 * MIB, parts: 3 });
    expect(partLength(20 * MIB + 1, 8 * MIB, 1)).toBe(8 * MIB);
    expect(partLength(20 * MIB + 1, 8 * MIB, 3)).toBe(4 * MIB + 1);
    expect(partLength(20 * MIB + 1, 8 * MIB, 4)).toBe(0);
  });

  it('is one part for a small file', () => {
    expect(planParts(1000, 8 * MIB)).toEqual({ partSize: 8 * MIB, parts: 1 });
  });

  it('raises the part size so no file needs over 10,000 parts', () => {
    const size = 200 * 1024 * MIB; // 200 GiB with 5 MiB parts would be 40,960 parts
    const plan = planParts(size, 5 * MIB);
    expect(plan.parts).toBeLessThanOrEqual(10_000);
    expect(plan.partSize * plan.parts).toBeGreaterThanOrEqual(size);
  });

  it('formats limits in binary units', () => {
    expect(formatBytes(2 * 1024 * MIB)).toBe('2 GB');
    expect(formatBytes(200 * MIB)).toBe('200 MB');
    expect(formatBytes(1536)).toBe('2 KB');
  });
});
