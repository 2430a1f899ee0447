import { zipOf } from '../media/media-files';
import { MediaHarness } from '../media/media-app';
import { expectError } from '../identity/identity-app';

jest.setTimeout(120_000);


/**
 * Course packages against the real api: a course with a text lesson, an audio lesson and a gallery
 * is exported to a zip (manifest.json + files) and imported again as a new draft whose files are
 * verified and processed like uploads; broken packages are refused and leave nothing behind.
 */
describe('course packages: export a course to a zip and import it elsewhere (real api, storage, jobs)', () => {
  const h = new MediaHarness();
  let token: string;
  let unitId: string;
  let courseId: string;
  let zip: Buffer;
  /** A raw zip body, as a browser's file upload sends it. */
  const upload = (url: string) => h.http.post(`/api/v1${url}`).set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/zip');

  beforeAll(async () => {
    await h.setUp();
    const admin = await h.account('administrator');
    token = admin.token;
    const api = h.as(token);
    unitId = (await api.post('/org/units', { type: 'department', name: 'Sở GDĐT Hải Phòng' }).expect(201)).body.id;
    const audio = await h.upload(token, 'audio', 'bai-hat.mp3', await h.files.mp3(2));
    const image = await h.upload(token, 'image', 'so-do.png', await h.files.png('320x200'));
    expect([audio.completed.status, image.completed.status]).toEqual([200, 200]);
    await h.settled(token, audio.assetId);
    await h.settled(token, image.assetId);
    courseId = (await api.post('/courses', { titleVi: 'Kỹ năng số cơ bản', summaryVi: 'Học qua bài nghe và hình ảnh.', audiences: ['parent', 'community'], ownerUnitId: unitId, coverAssetId: image.assetId }).expect(201)).body.course.id;
    const sectionId = (await api.post(`/courses/${courseId}/sections`, { titleVi: 'Chương 1' }).expect(201)).body.sections[0].id;
    await api.post(`/courses/${courseId}/sections/${sectionId}/lessons`, { kind: 'text', titleVi: 'Bài đọc', content: { markdown: '**Xin chào**' }, competencies: [{ code: '1.1', level: 1 }] }).expect(201);
    await api.post(`/courses/${courseId}/sections/${sectionId}/lessons`, { kind: 'audio', titleVi: 'Bài nghe', content: { assetId: audio.assetId } }).expect(201);
    await api.post(`/courses/${courseId}/sections/${sectionId}/lessons`, { kind: 'gallery', titleVi: 'Hình ảnh', content: { assetIds: [image.assetId] } }).expect(201);
  });

  afterAll(async () => {
    await h.tearDown();
  });

  it('exports manifest.json and every file the course uses (each once)', async () => {
    const res = await h.as(token).get(`/courses/${courseId}/package`)
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain('ky-nang-so-co-ban.zip');
    zip = res.body as Buffer;
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    const text = zip.toString('latin1');
    expect(text).toContain('manifest.json');
    expect(text).toContain('files/1.png');
    expect(text).toContain('files/2.mp3');
    expect(text).not.toContain('files/3');
  });

  it('imports the package as a new draft with the same outline; its files are processed again', async () => {
    const res = await upload(`/courses/package-imports?ownerUnitId=${unitId}`).send(zip).expect(201);
    const outline = res.body as { course: { id: string; status: string; titleVi: string; coverAssetId: string }; sections: Array<{ lessons: Array<{ kind: string; content: Record<string, unknown>; bodyHtml: string | null; competencies: unknown[] }> }> };
    expect(outline.course).toMatchObject({ status: 'draft', titleVi: 'Kỹ năng số cơ bản' });
    expect(outline.course.id).not.toBe(courseId);
    const lessons = outline.sections[0].lessons;
    expect(lessons.map((l) => l.kind)).toEqual(['text', 'audio', 'gallery']);
    expect(lessons[0].bodyHtml).toContain('<strong>Xin chào</strong>');
    expect(lessons[0].competencies).toEqual([{ code: '1.1', level: 1 }]);
    const audioId = lessons[1].content.assetId as string;
    // The cover and the gallery image are one file in the package: one new asset.
    expect(lessons[2].content.assetIds).toEqual([outline.course.coverAssetId]);
    expect((await h.settled(token, audioId)).status).toBe('ready');
    expect((await h.settled(token, outline.course.coverAssetId)).status).toBe('ready');
  });

  it('refuses broken packages with a clear 4xx and creates nothing', async () => {
    const { rows: before } = await h.sql.query<{ n: string }>('SELECT count(*) AS n FROM course');
    const post = (body: Buffer) => upload(`/courses/package-imports?ownerUnitId=${unitId}`).send(body);
    expectError(await post(Buffer.from('not a zip at all')), 422, 'COURSE_PACKAGE_INVALID');
    expectError(await post(zipOf([['readme.txt', 'hello']])), 422, 'COURSE_PACKAGE_INVALID');
    expectError(await post(zipOf([['manifest.json', '{ not json']])), 422, 'COURSE_PACKAGE_INVALID');
    const manifest = { format: 'lms-bdhvs-course', version: 1, exportedAt: '', course: { titleVi: 'X', titleEn: null, summaryVi: 'Y', summaryEn: null, audiences: ['student'], gradeMin: null, gradeMax: null, estimatedMinutes: null, licence: 'CC BY 4.0', coverFile: null }, files: [], sections: [{ titleVi: 'C', titleEn: null, lessons: [{ kind: 'video', titleVi: 'V', titleEn: null, required: true, estimatedMinutes: null, competencies: [], content: { file: 'files/missing.mp4' } }] }] };
    expectError(await post(zipOf([['manifest.json', JSON.stringify(manifest)]])), 422, 'COURSE_PACKAGE_INVALID');
    // A file that is not what the manifest says (an executable as a video): refused, course removed.
    const spoofed = { ...manifest, files: [{ path: 'files/1.mp4', purpose: 'video', name: 'phim.mp4', size: 10 }], sections: [{ ...manifest.sections[0], lessons: [{ ...manifest.sections[0].lessons[0], content: { file: 'files/1.mp4' } }] }] };
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4096, 1)]);
    expectError(await post(zipOf([['manifest.json', JSON.stringify(spoofed)], ['files/1.mp4', exe]])), 422, 'MEDIA_KIND_NOT_ALLOWED');
    expectError(await upload('/courses/package-imports').send(zip), 400, 'VALIDATION_FAILED');
    const { rows: after } = await h.sql.query<{ n: string }>('SELECT count(*) AS n FROM course');
    expect(after[0].n).toBe(before[0].n);
  });
});
