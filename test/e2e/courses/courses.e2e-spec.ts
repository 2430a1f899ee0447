import { randomUUID } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import type request from 'supertest';
import { IdentityHarness, expectError } from '../identity/identity-app';

jest.setTimeout(60_000);

interface Outline {
  course: { id: string; status: string; titleVi: string; publishedRevisionId: string | null };
  sections: Array<{ id: string; titleVi: string; lessons: Array<{ id: string; kind: string; titleVi: string; bodyHtml: string | null; content: Record<string, unknown>; competencies: Array<{ code: string; level: number }> }> }>;
  collaborators: Array<{ userId: string; role: string }>;
  revisions: Array<{ number: number }>;
  can: { edit: boolean; review: boolean };
}

/**
 * Courses against the real api: authoring (sections, lessons of every kind, ordering), competency
 * tags checked against TT 02/2025, sanitised Markdown, the workflow with immutable revisions, the
 * catalogue (search without diacritics, filters), and who may see or change what.
 */
describe('courses: authoring, workflow, revisions and catalogue (real api, real PostgreSQL)', () => {
  const h = new IdentityHarness();
  let admin: string;
  let school: string;
  let otherSchool: string;
  let author: string;
  let authorId: string;
  let manager: string;
  let otherTeacher: string;
  let student: string;

  const api = (method: 'get' | 'post' | 'patch' | 'put' | 'delete', url: string, token: string | null): request.Test => {
    const req = h.http[method](`/api/v1${url}`);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  async function unit(body: Record<string, unknown>): Promise<string> {
    return (await api('post', '/org/units', admin).send(body).expect(201)).body.id as string;
  }

  async function holder(role: string, unitId: string): Promise<{ id: string; token: string }> {
    const { rows } = await h.sql.query<{ id: string }>('INSERT INTO user_account (username, display_name) VALUES ($1, $2) RETURNING id', [`${role}-${randomUUID().slice(0, 6)}`, `Người ${role}`]);
    await h.sql.query('INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, $2, $3)', [rows[0].id, role, unitId]);
    return { id: rows[0].id, token: createSigner({ key: h.env.AUTH_JWT_SECRET as string, iss: 'lms' })({ sub: rows[0].id, usr: role, roles: [role] }) };
  }

  beforeAll(async () => {
    await h.setUp();
    admin = (await h.loginOk()).accessToken;
    const so = await unit({ type: 'department', name: 'Sở GDĐT Hải Phòng' });
    const phuong = await unit({ type: 'commune', name: 'Phường Hải An', parentId: so, communeKind: 'phuong' });
    school = await unit({ type: 'institution', name: 'Trường Tiểu học Cát Bi', parentId: phuong, institutionKind: 'primary', ownership: 'public' });
    otherSchool = await unit({ type: 'institution', name: 'Trường Tiểu học Đằng Lâm', parentId: phuong, institutionKind: 'primary', ownership: 'public' });
    const a = await holder('teacher', school);
    author = a.token;
    authorId = a.id;
    manager = (await holder('institution_manager', school)).token;
    otherTeacher = (await holder('teacher', otherSchool)).token;
    student = (await holder('student', await unit({ type: 'class', name: '4A', parentId: school, grade: 4 }))).token;
  });

  afterAll(async () => {
    await h.tearDown();
  });

  let outline: Outline;
  const courseUrl = () => `/courses/${outline.course.id}`;

  it('serves the TT 02/2025 framework from the database: 6 domains, 24 competencies, 8 levels, descriptors', async () => {
    const res = await api('get', '/competencies', null).expect(200);
    expect(res.body.domains).toHaveLength(6);
    expect(res.body.domains.flatMap((d: { competencies: unknown[] }) => d.competencies)).toHaveLength(24);
    expect(res.body.levels.map((l: { shortCode: string }) => l.shortCode)).toEqual(['CB1', 'CB2', 'TC1', 'TC2', 'NC1', 'NC2', 'CS1', 'CS2']);
    expect(res.body.domains[3]).toMatchObject({ code: '4', nameVi: 'An toàn' });
    const one = await api('get', '/competencies/4.2', null).expect(200);
    expect(one.body.nameVi).toBe('Bảo vệ dữ liệu cá nhân và quyền riêng tư');
    expect(one.body.levels).toHaveLength(8);
    expect(one.body.levels[0].descriptors.length).toBeGreaterThan(0);
    expectError(await api('get', '/competencies/9.9', null), 404, 'NOT_FOUND');
  });

  it('a teacher creates a course of their school and becomes its owner; metadata is checked', async () => {
    const res = await api('post', '/courses', author)
      .send({ titleVi: 'An toàn thông tin cho học sinh', titleEn: 'Online safety for pupils', summaryVi: 'Mật khẩu, lừa đảo trực tuyến và quyền riêng tư.', audiences: ['student', 'parent'], gradeMin: 3, gradeMax: 5, estimatedMinutes: 45, ownerUnitId: school })
      .expect(201);
    outline = res.body as Outline;
    expect(outline.course.status).toBe('draft');
    expect(outline.collaborators).toEqual([expect.objectContaining({ userId: authorId, role: 'owner' })]);
    expect(outline.can).toEqual({ edit: true, review: false });
    expectError(await api('post', '/courses', author).send({ titleVi: 'X', summaryVi: 'Y', audiences: ['student'], ownerUnitId: otherSchool }), 404, 'NOT_FOUND');
    expectError(await api('post', '/courses', author).send({ titleVi: 'X', summaryVi: 'Y', audiences: ['student'], ownerUnitId: school, gradeMin: 5, gradeMax: 3 }), 422, 'COURSE_INVALID');
    expectError(await api('post', '/courses', author).send({ titleVi: 'X', summaryVi: 'Y', audiences: ['aliens'], ownerUnitId: school }), 400, 'VALIDATION_FAILED');
    expectError(await api('post', '/courses', student).send({ titleVi: 'X', summaryVi: 'Y', audiences: ['student'], ownerUnitId: school }), 403, 'FORBIDDEN');
  });

  /** A processed file as an upload leaves it (the media tests cover the upload itself). */
  async function asset(ownerId: string, purpose: string): Promise<string> {
    const { rows } = await h.sql.query<{ id: string }>(
      `INSERT INTO media_asset (owner_user_id, purpose, original_name, declared_size, size, status, source_key, part_size)
       VALUES ($1, $2, 'tep', 10, 10, 'ready', 'media/x/source', 8388608) RETURNING id`,
      [ownerId, purpose],
    );
    return rows[0].id;
  }

  it('adds sections and lessons of every kind, tags them with competencies, renders Markdown safely', async () => {
    const [video, slides, audio] = [await asset(authorId, 'video'), await asset(authorId, 'slides'), await asset(authorId, 'audio')];
    outline = (await api('post', `${courseUrl()}/sections`, author).send({ titleVi: 'Chương 1. Mật khẩu' }).expect(201)).body;
    outline = (await api('post', `${courseUrl()}/sections`, author).send({ titleVi: 'Chương 2. Lừa đảo trực tuyến' }).expect(201)).body;
    const [s1, s2] = outline.sections;
    const lessons = [
      { kind: 'video', titleVi: 'Video: mật khẩu mạnh', content: { assetId: video }, competencies: [{ code: '4.2', level: 2 }] },
      { kind: 'text', titleVi: 'Bài đọc', content: { markdown: '# Mật khẩu\n\nDùng **ít nhất 12 ký tự**. <script>alert(1)</script> [x](javascript:alert(1))' }, competencies: [{ code: '4.1', level: 2 }] },
      { kind: 'slides', titleVi: 'Trình chiếu', content: { assetId: slides } },
      { kind: 'audio', titleVi: 'Nghe', content: { assetId: audio } },
    ];
    for (const l of lessons) outline = (await api('post', `${courseUrl()}/sections/${s1.id}/lessons`, author).send(l).expect(201)).body;
    outline = (await api('post', `${courseUrl()}/sections/${s2.id}/lessons`, author).send({ kind: 'external', titleVi: 'Khoá học trên binhdanhocvuso.gov.vn', content: { url: 'https://binhdanhocvuso.gov.vn/khoa-hoc/1', provider: 'Bộ GD&ĐT' } }).expect(201)).body;
    outline = (await api('post', `${courseUrl()}/sections/${s2.id}/lessons`, author).send({ kind: 'quiz', titleVi: 'Kiểm tra nhanh', competencies: [{ code: '2.5', level: 2 }] }).expect(201)).body;
    expect(outline.sections.map((s) => s.lessons.map((l) => l.kind))).toEqual([['video', 'text', 'slides', 'audio'], ['external', 'quiz']]);
    const text = outline.sections[0].lessons[1];
    expect(text.bodyHtml).toContain('<strong>ít nhất 12 ký tự</strong>');
    expect(text.bodyHtml).not.toMatch(/<script|href="javascript/);
    expect(outline.sections[0].lessons[0].competencies).toEqual([{ code: '4.2', level: 2 }]);

    // Bad lessons: nothing is added.
    const before = outline.sections[0].lessons.length;
    expectError(await api('post', `${courseUrl()}/sections/${s1.id}/lessons`, author).send({ kind: 'video', titleVi: 'Thiếu tệp' }), 422, 'COURSE_INVALID');
    expectError(await api('post', `${courseUrl()}/sections/${s1.id}/lessons`, author).send({ kind: 'text', titleVi: 'Sai mã', content: { markdown: 'x' }, competencies: [{ code: '7.1', level: 2 }] }), 422, 'COURSE_INVALID');
    expectError(await api('post', `${courseUrl()}/sections/${s1.id}/lessons`, author).send({ kind: 'text', titleVi: 'Sai bậc', content: { markdown: 'x' }, competencies: [{ code: '4.2', level: 9 }] }), 400, 'VALIDATION_FAILED');
    expectError(await api('post', `${courseUrl()}/sections/${s1.id}/lessons`, author).send({ kind: 'external', titleVi: 'Sai địa chỉ', content: { url: 'javascript:alert(1)' } }), 422, 'COURSE_INVALID');
    expectError(await api('post', `${courseUrl()}/sections/${randomUUID()}/lessons`, author).send({ kind: 'quiz', titleVi: 'x' }), 404, 'COURSE_SECTION_NOT_FOUND');
    // Files: only the author's own (or already in their courses), of a fitting purpose.
    const { rows: others } = await h.sql.query<{ id: string }>("SELECT user_id AS id FROM role_assignment WHERE role = 'teacher' AND unit_id = $1", [otherSchool]);
    const someoneElses = await asset(others[0].id, 'video');
    expectError(await api('post', `${courseUrl()}/sections/${s1.id}/lessons`, author).send({ kind: 'video', titleVi: 'Tệp của người khác', content: { assetId: someoneElses } }), 422, 'COURSE_INVALID');
    expectError(await api('post', `${courseUrl()}/sections/${s1.id}/lessons`, author).send({ kind: 'video', titleVi: 'Không tồn tại', content: { assetId: randomUUID() } }), 422, 'COURSE_INVALID');
    expectError(await api('post', `${courseUrl()}/sections/${s1.id}/lessons`, author).send({ kind: 'video', titleVi: 'Sai loại', content: { assetId: audio } }), 422, 'COURSE_INVALID');
    const res = await api('get', courseUrl(), author).expect(200);
    expect(res.body.sections[0].lessons).toHaveLength(before);
  });

  it('reorders sections and lessons, and moves a lesson between sections (drag and drop)', async () => {
    const [s1, s2] = outline.sections;
    outline = (await api('put', `${courseUrl()}/section-order`, author).send({ sectionIds: [s2.id, s1.id] }).expect(200)).body;
    expect(outline.sections.map((s) => s.id)).toEqual([s2.id, s1.id]);
    outline = (await api('put', `${courseUrl()}/section-order`, author).send({ sectionIds: [s1.id, s2.id] }).expect(200)).body;
    const [video, text, slides, audio] = s1.lessons.map((l) => l.id);
    outline = (await api('put', `${courseUrl()}/sections/${s1.id}/lesson-order`, author).send({ lessonIds: [text, video, slides, audio] }).expect(200)).body;
    expect(outline.sections[0].lessons.map((l) => l.id)).toEqual([text, video, slides, audio]);
    // Move the audio lesson into section 2, first.
    const s2Lessons = outline.sections[1].lessons.map((l) => l.id);
    outline = (await api('put', `${courseUrl()}/sections/${s2.id}/lesson-order`, author).send({ lessonIds: [audio, ...s2Lessons] }).expect(200)).body;
    expect(outline.sections[0].lessons.map((l) => l.id)).toEqual([text, video, slides]);
    expect(outline.sections[1].lessons.map((l) => l.id)).toEqual([audio, ...s2Lessons]);
    // An order that leaves a lesson out, or repeats one, is refused.
    expectError(await api('put', `${courseUrl()}/sections/${s1.id}/lesson-order`, author).send({ lessonIds: [text, video] }), 422, 'COURSE_INVALID');
    expectError(await api('put', `${courseUrl()}/section-order`, author).send({ sectionIds: [s1.id, s1.id] }), 422, 'COURSE_INVALID');
  });

  it('the author sends it for review; the school manager publishes revision 1 into the catalogue', async () => {
    expectError(await api('post', `${courseUrl()}/publish`, author), 403, 'FORBIDDEN');
    outline = (await api('post', `${courseUrl()}/submit`, author).expect(200)).body;
    expect(outline.course.status).toBe('in_review');
    expectError(await api('post', `${courseUrl()}/submit`, author), 409, 'COURSE_WORKFLOW');
    const reviewed = (await api('get', courseUrl(), manager).expect(200)).body as Outline;
    expect(reviewed.can).toEqual({ edit: true, review: true });
    outline = (await api('post', `${courseUrl()}/publish`, manager).expect(200)).body;
    expect(outline.course.status).toBe('published');
    expect(outline.revisions.map((r) => r.number)).toEqual([1]);
    expectError(await api('post', `${courseUrl()}/frobnicate`, manager), 404, 'ROUTE_NOT_FOUND');
  });

  it('finds the course in the catalogue with or without diacritics, and by filters', async () => {
    for (const q of ['an toan thong tin', 'An toàn thông tin', 'AN TOAN', 'mat khau', 'lua dao']) {
      const res = await api('get', `/catalog/courses?q=${encodeURIComponent(q)}`, null).expect(200);
      expect({ q, ids: res.body.items.map((i: { id: string }) => i.id) }).toEqual({ q, ids: [outline.course.id] });
    }
    const none = await api('get', `/catalog/courses?q=${encodeURIComponent('trí tuệ nhân tạo')}`, null).expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    const filters: Array<[string, number]> = [
      ['audience=student', 1],
      ['audience=teacher', 0],
      ['grade=4', 1],
      ['grade=9', 0],
      ['competency=4.2', 1],
      ['competency=4.2&level=2', 1],
      ['competency=4.2&level=3', 0],
      ['level=2', 1],
      [`unitId=${school}`, 1],
      [`unitId=${otherSchool}`, 0],
    ];
    for (const [query, count] of filters) {
      const res = await api('get', `/catalog/courses?${query}`, null).expect(200);
      expect({ query, total: res.body.total }).toEqual({ query, total: count });
    }
    expectError(await api('get', '/catalog/courses?grade=13', null), 400, 'VALIDATION_FAILED');
    const detail = await api('get', `/catalog/courses/${outline.course.id}`, null).expect(200);
    expect(detail.body).toMatchObject({ titleVi: 'An toàn thông tin cho học sinh', revision: 1, ownerUnitName: 'Trường Tiểu học Cát Bi', lessonCount: 6 });
    expect(detail.body.sections[0].lessons[0]).not.toHaveProperty('content');
  });

  it('edits after publishing stay in the working copy: the catalogue keeps revision 1 until the next publish', async () => {
    const lessonId = outline.sections[0].lessons[0].id;
    outline = (await api('patch', `${courseUrl()}/lessons/${lessonId}`, author).send({ titleVi: 'Bài đọc (sửa lần 2)' }).expect(200)).body;
    expect(outline.course.status).toBe('draft');
    const live = await api('get', `/catalog/courses/${outline.course.id}`, null).expect(200);
    expect(live.body.sections[0].lessons[0].titleVi).toBe('Bài đọc');
    outline = (await api('post', `${courseUrl()}/publish`, manager).expect(200)).body;
    const next = await api('get', `/catalog/courses/${outline.course.id}`, null).expect(200);
    expect(next.body.revision).toBe(2);
    expect(next.body.sections[0].lessons[0]).toMatchObject({ id: lessonId, titleVi: 'Bài đọc (sửa lần 2)' });
    const { rows } = await h.sql.query<{ snapshot: { sections: Array<{ lessons: Array<{ titleVi: string }> }> } }>('SELECT snapshot FROM course_revision WHERE course_id = $1 AND number = 1', [outline.course.id]);
    expect(rows[0].snapshot.sections[0].lessons[0].titleVi).toBe('Bài đọc');
  });

  it('hides drafts from everyone but their collaborators and reviewers; collaborators are managed', async () => {
    expectError(await api('get', courseUrl(), otherTeacher), 404, 'COURSE_NOT_FOUND');
    expectError(await api('patch', courseUrl(), otherTeacher).send({ titleVi: 'x' }), 404, 'COURSE_NOT_FOUND');
    const { rows } = await h.sql.query<{ sub: string }>("SELECT user_id AS sub FROM role_assignment WHERE role = 'teacher' AND unit_id = $1", [otherSchool]);
    outline = (await api('put', `${courseUrl()}/collaborators/${rows[0].sub}`, author).send({ role: 'editor' }).expect(200)).body;
    await api('patch', courseUrl(), otherTeacher).send({ summaryEn: 'Passwords, scams and privacy.' }).expect(200);
    expectError(await api('delete', `${courseUrl()}/collaborators/${authorId}`, author), 422, 'COURSE_INVALID');
    expectError(await api('put', `${courseUrl()}/collaborators/${authorId}`, author).send({ role: 'editor' }), 422, 'COURSE_INVALID');
    outline = (await api('delete', `${courseUrl()}/collaborators/${rows[0].sub}`, author).expect(200)).body;
    expect(outline.collaborators.map((c) => c.role)).toEqual(['owner']);
    const mine = await api('get', '/courses', author).expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(outline.course.id);
    expect((await api('get', '/courses', otherTeacher).expect(200)).body.items).toEqual([]);
  });

  it('learners open published lessons; the course’s media opens to them only once published', async () => {
    const { rows } = await h.sql.query<{ id: string }>(
      `INSERT INTO media_asset (owner_user_id, purpose, original_name, declared_size, size, status, source_key, part_size)
       VALUES ($1, 'audio', 'bai-hat.m4a', 10, 10, 'ready', 'media/x/source', 8388608) RETURNING id`,
      [authorId],
    );
    const assetId = rows[0].id;
    const draft = (await api('post', '/courses', author).send({ titleVi: 'Nghe và học', summaryVi: 'Bài nghe.', audiences: ['student'], ownerUnitId: school }).expect(201)).body as Outline;
    const withSection = (await api('post', `/courses/${draft.course.id}/sections`, author).send({ titleVi: 'Chương 1' }).expect(201)).body as Outline;
    const sectionId = withSection.sections[0].id;
    await api('post', `/courses/${draft.course.id}/sections/${sectionId}/lessons`, author).send({ kind: 'audio', titleVi: 'Bài nghe', content: { assetId } }).expect(201);
    const o = (await api('post', `/courses/${draft.course.id}/sections/${sectionId}/lessons`, author).send({ kind: 'text', titleVi: 'Bài đọc', content: { markdown: '**Chú ý** an toàn' } }).expect(201)).body as Outline;
    const [audio, text] = o.sections[0].lessons;
    // A draft's media: the author (owner) and the reviewing manager see it; a pupil does not.
    await api('get', `/media/${assetId}`, author).expect(200);
    await api('get', `/media/${assetId}`, manager).expect(200);
    expect((await api('get', `/media/${assetId}`, student)).status).toBe(404);
    expectError(await api('get', `/catalog/courses/${draft.course.id}/lessons/${text.id}`, student), 404, 'COURSE_NOT_FOUND');
    await api('post', `/courses/${draft.course.id}/publish`, manager).expect(200);
    // Published: its files open to enrolled learners; opening a lesson of an open course enrols.
    expect((await api('get', `/media/${assetId}`, student)).status).toBe(404);
    const opened = await api('get', `/catalog/courses/${draft.course.id}/lessons/${text.id}`, student).expect(200);
    expect(opened.body).toMatchObject({ courseTitleVi: 'Nghe và học', revision: 1, sectionTitleVi: 'Chương 1', previousLessonId: audio.id, nextLessonId: null });
    expect(opened.body.lesson.bodyHtml).toContain('<strong>Chú ý</strong>');
    await api('get', `/media/${assetId}`, student).expect(200);
    const first = await api('get', `/catalog/courses/${draft.course.id}/lessons/${audio.id}`, student).expect(200);
    expect(first.body.lesson.content).toEqual({ assetId });
    expectError(await api('get', `/catalog/courses/${draft.course.id}/lessons/${randomUUID()}`, student), 404, 'COURSE_LESSON_NOT_FOUND');
    expectError(await api('get', `/catalog/courses/${draft.course.id}/lessons/${text.id}`, null), 401, 'UNAUTHENTICATED');
  });

  it('archiving takes it out of the catalogue (cached answers included) and freezes it', async () => {
    await api('get', '/catalog/courses?q=an%20toan', null).expect(200);
    const cached = await api('get', '/catalog/courses?q=an%20toan', null).expect(200);
    expect(cached.headers['x-cache']).toBe('hit');
    expect(cached.headers['x-content-type-options']).toBe('nosniff');
    expect(cached.body.total).toBe(1);
    outline = (await api('post', `${courseUrl()}/archive`, manager).expect(200)).body;
    expect(outline.course.status).toBe('archived');
    expect((await api('get', '/catalog/courses?q=an%20toan', null).expect(200)).body.total).toBe(0);
    expectError(await api('get', `/catalog/courses/${outline.course.id}`, null), 404, 'COURSE_NOT_FOUND');
    expectError(await api('patch', courseUrl(), author).send({ titleVi: 'x' }), 409, 'COURSE_WORKFLOW');
    expectError(await api('post', `${courseUrl()}/publish`, manager), 409, 'COURSE_WORKFLOW');
  });

  it('refuses to publish an empty course', async () => {
    const empty = (await api('post', '/courses', manager).send({ titleVi: 'Khoá trống', summaryVi: 'Chưa có bài.', audiences: ['teacher'], ownerUnitId: school }).expect(201)).body as Outline;
    const res = await api('post', `/courses/${empty.course.id}/publish`, manager);
    expectError(res, 422, 'COURSE_INVALID');
    expect(res.body.message).toMatch(/chưa có bài học/);
  });
});
