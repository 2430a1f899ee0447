import { OBJECT_STORAGE, type ObjectStorage } from '@lms/storage';
import { expectError } from '../identity/identity-app';
import { MediaHarness } from './media-app';
import { SVG_WITH_SCRIPT, corruptPptx, zipOf } from './media-files';

jest.setTimeout(180_000);

describe('media: slides, documents, images, audio and files (real api, PostgreSQL, fs storage, inline jobs)', () => {
  const h = new MediaHarness();
  let teacher: string;
  let learner: { userId: string; token: string };
  let storage: ObjectStorage;

  beforeAll(async () => {
    await h.setUp();
    teacher = (await h.account('author')).token;
    learner = await h.account('learner');
    storage = h.app!.get<ObjectStorage>(OBJECT_STORAGE);
  });

  afterAll(async () => {
    await h.tearDown();
  });

  it('converts PPTX slides to PDF with LibreOffice, then counts pages and renders thumbnails', async () => {
    const { assetId, completed } = await h.upload(teacher, 'slides', 'Bài giảng kỹ năng số.pptx', await h.files.pptx());
    expect(completed.status).toBe(200);
    expect(completed.body.contentType).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    const asset = await h.settled(teacher, assetId);
    expect(asset).toMatchObject({ status: 'ready', derived: { pageCount: 3, thumbnailCount: 3, hasPdf: true } });
    const pdf = await h.download(teacher, assetId, 'pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const page = await h.download(teacher, assetId, 'page-3');
    expect(page.headers['content-type']).toBe('image/jpeg');
    expect((page.body as Buffer)[0]).toBe(0xff);
    expectError(await h.as(teacher).get(`/media/${assetId}/file?variant=page-4`), 404, 'MEDIA_VARIANT_NOT_FOUND');
    // Not a video: no playlists.
    expectError(await h.as(teacher).get(`/media/${assetId}/hls/master.m3u8`), 404, 'MEDIA_VARIANT_NOT_FOUND');
  });

  it('fails a corrupt PPTX (LibreOffice cannot open it) with MEDIA_CONVERSION_FAILED', async () => {
    const { assetId, completed } = await h.upload(teacher, 'slides', 'hong.pptx', corruptPptx());
    expect(completed.status).toBe(200);
    const asset = await h.settled(teacher, assetId);
    expect(asset).toMatchObject({ status: 'failed', failure: { code: 'MEDIA_CONVERSION_FAILED' }, derived: null });
    expect(asset.failure?.vi).toMatch(/chuyển đổi/);
  });

  it('refuses a ZIP that is not a presentation, and a truncated PPTX, as slides', async () => {
    const plainZip = zipOf([['ghi-chu.txt', 'xin chào'], ['[Content_Types].xml', '<Types/>']]);
    expectError((await h.upload(teacher, 'slides', 'slides.pptx', plainZip)).completed, 422, 'MEDIA_KIND_NOT_ALLOWED');
    const pptx = await h.files.pptx();
    expectError((await h.upload(teacher, 'slides', 'cut.pptx', pptx.subarray(0, pptx.length - 200))).completed, 422, 'MEDIA_KIND_NOT_ALLOWED');
  });

  it('counts the pages of a PDF document and renders its thumbnails; the PDF is served as uploaded', async () => {
    const pdf = await h.files.pdf(4);
    const { assetId } = await h.upload(teacher, 'document', 'Tài liệu.pdf', pdf);
    const asset = await h.settled(teacher, assetId);
    expect(asset).toMatchObject({ status: 'ready', contentType: 'application/pdf', derived: { pageCount: 4, thumbnailCount: 4, hasPdf: true } });
    const served = await h.download(teacher, assetId, 'pdf', { Range: 'bytes=0-99' });
    expect(served.status).toBe(206);
    expect((served.body as Buffer).equals(pdf.subarray(0, 100))).toBe(true);
  });

  it('makes 320, 640 and 1280 wide JPEG and WebP copies of an image', async () => {
    const { assetId } = await h.upload(teacher, 'image', 'anh-minh-hoa.png', await h.files.png('1600x900'));
    const asset = await h.settled(teacher, assetId);
    expect(asset).toMatchObject({ status: 'ready', contentType: 'image/png', derived: { width: 1600, height: 900 } });
    expect(asset.derived?.variants?.map((v) => v.variant)).toEqual(['w320.jpg', 'w320.webp', 'w640.jpg', 'w640.webp', 'w1280.jpg', 'w1280.webp']);
    expect(asset.derived?.variants?.[2]).toMatchObject({ width: 640, height: 360 });
    const webp = await h.download(teacher, assetId, 'w640.webp');
    expect(webp.headers['content-type']).toBe('image/webp');
    expect((webp.body as Buffer).subarray(8, 12).toString('latin1')).toBe('WEBP');
  });

  it('refuses SVG (scripts): by name before upload, and by content when renamed .png', async () => {
    expectError(await h.as(teacher).post('/media/uploads', { purpose: 'image', fileName: 'logo.svg', size: SVG_WITH_SCRIPT.length, contentType: 'image/svg+xml' }), 422, 'MEDIA_KIND_NOT_ALLOWED');
    const { assetId, completed } = await h.upload(teacher, 'image', 'logo.png', SVG_WITH_SCRIPT, 'image/png');
    expectError(completed, 422, 'MEDIA_KIND_NOT_ALLOWED');
    expect(completed.body.message).toMatch(/SVG/);
    expect(await storage.stat(`media/${assetId}/source`)).toBeNull();
  });

  it('normalises audio to AAC and reports its duration', async () => {
    const { assetId } = await h.upload(teacher, 'audio', 'bai-hat.mp3', await h.files.mp3(3));
    const asset = await h.settled(teacher, assetId);
    expect(asset).toMatchObject({ status: 'ready', contentType: 'audio/mpeg', derived: { hasAudio: true } });
    expect(asset.derived?.durationSeconds).toBeGreaterThan(2.9);
    const audio = await h.download(teacher, assetId, 'audio');
    expect(audio.headers['content-type']).toBe('audio/mp4');
    expect((audio.body as Buffer).subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('lets a learner upload evidence (an image or a PDF) and nothing else', async () => {
    const { assetId } = await h.upload(learner.token, 'evidence', 'minh-chung.png', await h.files.png('640x480'));
    expect(await h.settled(learner.token, assetId)).toMatchObject({ status: 'ready', derived: { width: 640, height: 480 } });
    expectError(await h.as(learner.token).post('/media/uploads', { purpose: 'video', fileName: 'a.mp4', size: 1000 }), 403, 'MEDIA_PURPOSE_FORBIDDEN');
    expectError((await h.upload(learner.token, 'evidence', 'bai.mp3', await h.files.mp3(1))).completed, 422, 'MEDIA_KIND_NOT_ALLOWED');
    // The teacher does not see the learner's evidence (no course grants it yet).
    expectError(await h.as(teacher).get(`/media/${assetId}`), 404, 'MEDIA_NOT_FOUND');
  });

  it('accepts any file that is not a program as `file`, served as an attachment', async () => {
    const { assetId, completed } = await h.upload(teacher, 'file', 'Danh sách.zip', zipOf([['a.txt', 'xin chào']]));
    expect(completed.body).toMatchObject({ status: 'uploaded', contentType: 'application/zip' });
    expect(await h.settled(teacher, assetId)).toMatchObject({ status: 'ready', derived: { thumbnailCount: 0 } });
    const redirect = await h.as(teacher).get(`/media/${assetId}/file`).expect(302);
    const file = await h.http.get(h.local(String(redirect.headers.location))).expect(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="Danh sach\.zip"; filename\*=UTF-8''Danh%20s%C3%A1ch\.zip$/);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4000)]);
    expectError((await h.upload(teacher, 'file', 'tool.bin', elf)).completed, 422, 'MEDIA_KIND_NOT_ALLOWED');
    expectError((await h.upload(teacher, 'file', 'run.txt', Buffer.from('#!/bin/sh\necho hi\n'))).completed, 422, 'MEDIA_KIND_NOT_ALLOWED');
  });
});
