import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { MediaProcessor } from '@lms/media';
import { OBJECT_STORAGE, type ObjectStorage } from '@lms/storage';
import { expectError } from '../identity/identity-app';
import { MediaHarness, PART_SIZE, type MediaAssetBody } from './media-app';
import { windowsProgram } from './media-files';

jest.setTimeout(180_000);

/** Every key under a prefix, sorted. */
async function keys(storage: ObjectStorage, prefix: string): Promise<string[]> {
  const found: string[] = [];
  for await (const object of storage.list(prefix)) found.push(object.key);
  return found.sort();
}

describe('media: video uploads through signed part URLs, HLS processing and delivery (real api, PostgreSQL, fs storage, inline jobs)', () => {
  const h = new MediaHarness();
  let author: { userId: string; token: string };
  let other: { userId: string; token: string };
  let admin: string;
  let storage: ObjectStorage;
  let video: Buffer;
  let videoId: string;
  let ready: MediaAssetBody;

  beforeAll(async () => {
    await h.setUp();
    admin = (await h.loginOk()).accessToken;
    author = await h.account('author');
    other = await h.account('author');
    storage = h.app!.get<ObjectStorage>(OBJECT_STORAGE);
    video = await h.files.video(8);
  });

  afterAll(async () => {
    await h.tearDown();
  });

  it('uploads a video in parts, resumes after a dropped connection, and processes it into HLS 240p/360p/720p', async () => {
    const api = h.as(author.token);
    expect(video.length).toBeGreaterThan(2 * PART_SIZE);
    const created = await api.post('/media/uploads', { purpose: 'video', fileName: 'Bài 1 - Điện thoại thông minh.mp4', size: video.length, contentType: 'video/mp4' }).expect(201);
    const { assetId, parts, partSize } = created.body as { assetId: string; parts: number; partSize: number };
    videoId = assetId;
    expect(created.body).toEqual({ assetId, purpose: 'video', status: 'awaiting_upload', partSize: PART_SIZE, parts: Math.ceil(video.length / PART_SIZE), uploadedParts: [] });
    expect(parts).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(created.body)).not.toContain('uploadId');

    // Part 1 only, then the connection "drops": the page asks which parts storage already has.
    const first = await api.get(`/media/uploads/${assetId}/parts?from=1&count=1`).expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({ partNumber: 1, size: PART_SIZE, method: 'PUT' });
    const etag1 = await h.putPart(first.body.items[0].url as string, video.subarray(0, partSize));
    const state = await api.get(`/media/uploads/${assetId}`).expect(200);
    expect(state.body.uploadedParts).toEqual([{ partNumber: 1, etag: etag1.replace(/"/g, '') }]);

    // Resume from part 2.
    const rest = await api.get(`/media/uploads/${assetId}/parts?from=2&count=100`).expect(200);
    expect(rest.body.items.map((p: { partNumber: number }) => p.partNumber)).toEqual(Array.from({ length: parts - 1 }, (_v, i) => i + 2));
    const done = [{ partNumber: 1, etag: etag1 }];
    for (const part of rest.body.items as Array<{ partNumber: number; url: string; size: number }>) {
      const slice = video.subarray((part.partNumber - 1) * partSize, part.partNumber * partSize);
      expect(slice.length).toBe(part.size);
      done.push({ partNumber: part.partNumber, etag: await h.putPart(part.url, slice) });
    }
    const completed = await api.post(`/media/uploads/${assetId}/complete`, { parts: done }).expect(200);
    expect(completed.body).toMatchObject({ id: assetId, status: 'uploaded', size: video.length, contentType: 'video/mp4', attempts: 1 });
    // Completing again (a retry after a lost answer) changes nothing.
    await api.post(`/media/uploads/${assetId}/complete`, { parts: done }).expect(200);
    await api.get(`/media/uploads/${assetId}/parts?from=1`).expect(409);

    ready = await h.settled(author.token, assetId);
    expect(ready).toMatchObject({ status: 'ready', progressPercent: 100, failure: null });
    expect(ready.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(ready.derived?.durationSeconds).toBeGreaterThan(7.5);
    expect(ready.derived).toMatchObject({ width: 1280, height: 720, hasPoster: true });
    expect(ready.derived?.renditions?.map((r) => [r.name, r.resolution])).toEqual([
      ['240p', '426x240'],
      ['360p', '640x360'],
      ['720p', '1280x720'],
    ]);
    expect(ready.derived?.transcodeSpeed).toBeGreaterThan(0);
    const [low, mid, high] = ready.derived!.renditions!;
    expect(low.bandwidth).toBeLessThan(mid.bandwidth);
    expect(mid.bandwidth).toBeLessThan(high.bandwidth);
  });

  it('serves the master playlist lowest bandwidth first, and rendition playlists whose segments are signed URLs that download, with Range', async () => {
    const api = h.as(author.token);
    const master = await api.get(`/media/${videoId}/hls/master.m3u8`).expect(200);
    expect(master.headers['content-type']).toContain('application/vnd.apple.mpegurl');
    expect(master.headers['cache-control']).toBe('private, no-store');
    const variants = master.text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(variants).toEqual(['240p.m3u8', '360p.m3u8', '720p.m3u8']);
    expect(master.text).toMatch(/#EXT-X-STREAM-INF:BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,RESOLUTION=426x240,CODECS="avc1\.4d401e,mp4a\.40\.2"/);

    const playlist = await api.get(`/media/${videoId}/hls/240p.m3u8`).expect(200);
    expect(playlist.text).toContain('#EXT-X-ENDLIST');
    expect(playlist.text).toContain('#EXT-X-TARGETDURATION:6');
    const segments = playlist.text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(segments.length).toBeGreaterThanOrEqual(2);
    for (const url of segments) expect(url).toMatch(/^http:\/\/lms\.test\/api\/v1\/storage\/objects\/media\/[0-9a-f-]+\/derived\/hls\/240p_\d{4}\.ts\?expires=\d+&sig=[0-9a-f]{64}$/);

    const whole = await h.http.get(h.local(segments[0])).buffer(true).expect(200);
    expect(whole.headers['content-type']).toBe('video/mp2t');
    const length = Number(whole.headers['content-length']);
    expect(length).toBeGreaterThan(1000);
    const part = await h.http.get(h.local(segments[0])).set('Range', 'bytes=0-187').expect(206);
    expect(part.headers['content-range']).toBe(`bytes 0-187/${length}`);
    expect(part.headers['content-length']).toBe('188');

    // A tampered segment URL is refused by the storage route.
    await h.http.get(h.local(segments[0]).replace('240p_0000', '240p_0001')).expect(403);
    // Unknown renditions, and 720p-only names, are not found.
    await api.get(`/media/${videoId}/hls/1080p.m3u8`).expect(404);

    const poster = await h.download(author.token, videoId, 'poster');
    expect(poster.status).toBe(200);
    expect(poster.headers['content-type']).toBe('image/jpeg');
    const source = await h.download(author.token, videoId, undefined, { Range: 'bytes=0-15' });
    expect(source.status).toBe(206);
    expect((source.body as Buffer).subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('gives the same result when the job runs twice (a stalled job run again)', async () => {
    const prefix = `media/${videoId}/derived/`;
    const before = await keys(storage, prefix);
    await h.sql.query(`UPDATE media_asset SET status = 'processing', progress_percent = 37 WHERE id = $1`, [videoId]);
    const outcome = await h.app!.get(MediaProcessor).handle({ assetId: videoId }, { id: 'rerun', name: 'media.process', queue: 'media', attempt: 1, maxAttempts: 2, driver: 'inline' });
    expect(outcome).toMatchObject({ ready: true });
    const again = (await h.as(author.token).get(`/media/${videoId}`).expect(200)).body as MediaAssetBody;
    // x264 with several threads is not bit-exact between runs: sizes (so bandwidths) move by bytes.
    const shape = (d: MediaAssetBody['derived']) => ({ ...d, transcodeSpeed: undefined, renditions: d?.renditions?.map((r) => ({ name: r.name, resolution: r.resolution })) });
    expect(shape(again.derived)).toEqual(shape(ready.derived));
    again.derived!.renditions!.forEach((r, i) => expect(Math.abs(r.bandwidth / ready.derived!.renditions![i].bandwidth - 1)).toBeLessThan(0.05));
    expect(again).toMatchObject({ status: 'ready', progressPercent: 100, sha256: ready.sha256 });
    expect(await keys(storage, prefix)).toEqual(before);
    // A ready asset is left alone by a duplicate job.
    expect(await h.app!.get(MediaProcessor).handle({ assetId: videoId }, { id: 'dup', name: 'media.process', queue: 'media', attempt: 1, maxAttempts: 2, driver: 'inline' })).toEqual({ skipped: 'ready' });
  });

  it('fails a truncated MP4 with MEDIA_UNREADABLE (never stuck), and a retry fails the same way', async () => {
    const truncated = video.subarray(0, Math.floor(video.length * 0.6));
    const { assetId, completed } = await h.upload(author.token, 'video', 'cut.mp4', truncated);
    expect(completed.status).toBe(200);
    const failed = await h.settled(author.token, assetId);
    expect(failed).toMatchObject({ status: 'failed', failure: { code: 'MEDIA_UNREADABLE' }, derived: null });
    expect(failed.failure?.reason).toMatch(/moov atom not found|Invalid data/);
    expect(failed.failure?.vi).toMatch(/Không đọc được/);

    const retried = await h.as(author.token).post(`/media/${assetId}/retry`).expect(202);
    expect(retried.body).toMatchObject({ status: 'uploaded', attempts: 2, failure: null });
    expect(await h.settled(author.token, assetId)).toMatchObject({ status: 'failed', failure: { code: 'MEDIA_UNREADABLE' } });
    // Only a failed asset is retried.
    expectError(await h.as(author.token).post(`/media/${videoId}/retry`), 409, 'MEDIA_NOT_FAILED');
  });

  it('fails an MP4 with no picture as MEDIA_UNREADABLE', async () => {
    const { assetId } = await h.upload(author.token, 'video', 'chi-co-tieng.mp4', await h.files.soundOnlyMp4());
    expect(await h.settled(author.token, assetId)).toMatchObject({ status: 'failed', failure: { code: 'MEDIA_UNREADABLE', reason: expect.stringContaining('no video stream') } });
  });

  it('refuses a program renamed .mp4 at completion (422) and deletes what was stored', async () => {
    const { assetId, completed } = await h.upload(author.token, 'video', 'bai-giang.mp4', windowsProgram());
    expectError(completed, 422, 'MEDIA_KIND_NOT_ALLOWED');
    expect(completed.body.message).toMatch(/chương trình|[Pp]rograms/);
    expect(await storage.stat(`media/${assetId}/source`)).toBeNull();
    const asset = (await h.as(author.token).get(`/media/${assetId}`).expect(200)).body as MediaAssetBody;
    expect(asset).toMatchObject({ status: 'failed', contentType: null, failure: { code: 'MEDIA_KIND_NOT_ALLOWED' } });
    // Nothing to process again: the file is gone.
    expectError(await h.as(author.token).post(`/media/${assetId}/retry`), 409, 'MEDIA_NOT_FAILED');
    expectError(await h.as(author.token).get(`/media/${assetId}/file`), 409, 'MEDIA_NOT_READY');
  });

  it('refuses a file over the limit with 413 before anything is stored, and an empty file with 422', async () => {
    const count = async () => Number((await h.sql.query<{ n: string }>('SELECT count(*) AS n FROM media_asset')).rows[0].n);
    const uploadsDir = path.join(h.dataDir, 'objects', 'uploads');
    const before = { rows: await count(), uploads: (await readdir(uploadsDir)).length };
    const tooLarge = await h.as(author.token).post('/media/uploads', { purpose: 'video', fileName: 'phim-dai.mp4', size: 2 * 1024 ** 3 + 1 });
    expectError(tooLarge, 413, 'MEDIA_TOO_LARGE');
    expect(tooLarge.body.message).toMatch(/2 GB/);
    expectError(await h.as(author.token).post('/media/uploads', { purpose: 'image', fileName: 'anh.png', size: 21 * 1024 * 1024 }), 413, 'MEDIA_TOO_LARGE');
    expectError(await h.as(author.token).post('/media/uploads', { purpose: 'video', fileName: 'rong.mp4', size: 0 }), 422, 'MEDIA_EMPTY');
    expectError(await h.as(author.token).post('/media/uploads', { purpose: 'video', fileName: 'x.mp4', size: -1 }), 400, 'VALIDATION_FAILED');
    expectError(await h.as(author.token).post('/media/uploads', { purpose: 'file', fileName: 'setup.exe', size: 100 }), 422, 'MEDIA_KIND_NOT_ALLOWED');
    expect({ rows: await count(), uploads: (await readdir(uploadsDir)).length }).toEqual(before);
  });

  it('refuses a completion whose size differs from the declared one', async () => {
    const api = h.as(author.token);
    const created = await api.post('/media/uploads', { purpose: 'video', fileName: 'x.mp4', size: 1000 }).expect(201);
    const [part] = (await api.get(`/media/uploads/${created.body.assetId}/parts`).expect(200)).body.items as Array<{ url: string }>;
    const etag = await h.putPart(part.url, video.subarray(0, 999));
    expectError(await api.post(`/media/uploads/${created.body.assetId}/complete`, { parts: [{ partNumber: 1, etag }] }), 422, 'MEDIA_SIZE_MISMATCH');
  });

  it('shows an asset to its owner and administrators only: anyone else gets 404', async () => {
    const stranger = h.as(other.token);
    for (const url of [`/media/${videoId}`, `/media/${videoId}/hls/master.m3u8`, `/media/${videoId}/hls/240p.m3u8`, `/media/${videoId}/file`, `/media/${videoId}/file?variant=poster`, `/media/uploads/${videoId}`, `/media/uploads/${videoId}/parts`]) {
      expectError(await stranger.get(url), 404, 'MEDIA_NOT_FOUND');
    }
    expectError(await stranger.post(`/media/${videoId}/retry`), 404, 'MEDIA_NOT_FOUND');
    expectError(await stranger.get('/media/not-a-uuid'), 404, 'MEDIA_NOT_FOUND');
    await h.as(admin).get(`/media/${videoId}`).expect(200);
    await h.as(admin).get(`/media/${videoId}/hls/360p.m3u8`).expect(200);
    // Without a token: 401; a commune officer may look (media.use) but not upload.
    await h.http.get(`/api/v1/media/${videoId}`).expect(401);
    const officer = await h.account('commune_officer');
    expectError(await h.as(officer.token).post('/media/uploads', { purpose: 'video', fileName: 'a.mp4', size: 10 }), 403, 'MEDIA_PURPOSE_FORBIDDEN');
  });
});
