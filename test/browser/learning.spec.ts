import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, BrowserContextOptions, Page } from '@playwright/test';
import { apiPost, downloadBytes, expect, pickUnit, runTag, test } from './fixtures';
import { expectNoAxeViolations, expectNoHorizontalScroll, expectTapTargets, screenshot } from './helpers';

// The learning issue's "Done when", end to end on a phone: a published course for grade 4 whose one
// required lesson is a real 12-second video tagged with competency 1.1 at level 2 (what grade 4
// expects); a school with class 4A, a student in it, their parent, and a teacher of the school.
// The teacher assigns the course to 4A with a due date; the student finds it on "Việc học của tôi",
// watches the video to the end (at double speed: played, never sought), sees the lesson and the
// course turn complete, and their competency profile move from level 0 to 2 in 1.1; the teacher's
// class matrix shows the course completed and its CSV says so; the parent sees the same.
// Everything is made through the api (the administrator's session) except what is tested.

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;
type Unit = { id: string; name: string };
type Created = { person: { id: string; username: string }; oneTimeCode: string };
type Outline = { sections: Array<{ id: string; lessons: Array<{ id: string; titleVi: string }> }> };
type Sent = { events: Array<{ id: string; lessonId: string; type: string; from?: number; to?: number; spent?: number }> };

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function checkPage(page: Page, label: string, shot?: string): Promise<void> {
  await expectNoAxeViolations(page, label);
  await expectNoHorizontalScroll(page, label);
  await expectTapTargets(page, label);
  if (shot) await screenshot(page, test.info(), shot);
}

/** A new account's first sign-in with its one-time code, a password of its own, and the session of signing in with it. */
async function firstSignIn(request: APIRequestContext, username: string, code: string, password: string): Promise<StorageState> {
  const first = await request.post('/api/v1/auth/web/login', { data: { username, password: code } });
  expect(first.status(), `${username} signs in with the one-time code`).toBe(200);
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const changed = await request.post('/api/v1/me/password', { data: { currentPassword: code, newPassword: password }, headers: { 'X-CSRF-Token': csrfToken } });
  expect(changed.ok(), `${username} chooses a password: ${changed.status()} ${await changed.text()}`).toBe(true);
  const again = await request.post('/api/v1/auth/web/login', { data: { username, password } });
  expect(again.status(), `${username} signs in with the new password`).toBe(200);
  return request.storageState();
}

/** Uploads a file as the browser does (parts to signed URLs, then complete) and waits until it is processed. */
async function uploadVideo(page: Page, file: string): Promise<string> {
  const bytes = readFileSync(file);
  const created = await apiPost<{ assetId: string; parts: number; partSize: number }>(page, '/api/v1/media/uploads', { purpose: 'video', fileName: path.basename(file), size: bytes.length, contentType: 'video/mp4' });
  const urls = await page.request.get(`/api/v1/media/uploads/${created.assetId}/parts?from=1&count=${created.parts}`);
  expect(urls.ok(), `part URLs: ${urls.status()}`).toBe(true);
  const parts: Array<{ partNumber: number; etag: string }> = [];
  for (const part of ((await urls.json()) as { items: Array<{ partNumber: number; url: string; headers: Record<string, string> }> }).items) {
    const slice = bytes.subarray((part.partNumber - 1) * created.partSize, part.partNumber * created.partSize);
    const put = await page.request.put(part.url, { data: slice, headers: part.headers });
    expect(put.ok(), `PUT part ${part.partNumber}: ${put.status()}`).toBe(true);
    parts.push({ partNumber: part.partNumber, etag: put.headers()['etag'] });
  }
  await apiPost(page, `/api/v1/media/uploads/${created.assetId}/complete`, { parts });
  await expect
    .poll(async () => ((await (await page.request.get(`/api/v1/media/${created.assetId}`)).json()) as { status: string }).status, { timeout: 120_000, intervals: [1000], message: 'the video is processed' })
    .toBe('ready');
  return created.assetId;
}

/** "YYYY-MM-DD", `days` from today (the date field's value). */
function dayFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('a teacher assigns a course to class 4A; a student completes it by watching its video; the profile, the class matrix, its CSV and the parent show it', async ({ page, browser, playwright, baseURL }, testInfo) => {
  test.setTimeout(360_000);
  const tag = runTag(testInfo.project.name);
  const names = {
    department: `Sở GDĐT học tập ${tag}`,
    commune: `Xã An Lão ${tag}`,
    school: `Trường Tiểu học An Lão ${tag}`,
    klass: `4A ${tag}`,
    course: `Tìm kiếm thông tin an toàn ${tag}`,
    section: 'Tìm kiếm trên mạng',
    lesson: 'Video: tìm kiếm thông tin',
  };
  const teacher = { username: `gv.lan.${tag}`, displayName: `Nguyễn Thị Lan ${tag}`, password: `Giao-Vien-2026-${tag}` };
  const student = { username: `hs.an.${tag}`, displayName: `Trần Văn An ${tag}`, password: `Hoc-Sinh-2026-${tag}` };
  const parent = { username: `ph.binh.${tag}`, displayName: `Trần Văn Bình ${tag}`, password: `Phu-Huynh-2026-${tag}` };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lms-learning-'));
  const video = path.join(dir, 'tim-kiem.mp4');
  const contexts: Array<{ close(): Promise<void> }> = [];
  const due = dayFromNow(14);
  const [dueY, dueM, dueD] = due.split('-').map(Number);
  const dueText = `${dueD}/${dueM}/${dueY}`;

  try {
    const { units, states, studentId, courseId, lessonId } = await test.step('setup through the api: the school, 4A, a teacher, a student, their parent, and the published course', async () => {
      const department = await apiPost<Unit>(page, '/api/v1/org/units', { type: 'department', name: names.department });
      const commune = await apiPost<Unit>(page, '/api/v1/org/units', { type: 'commune', name: names.commune, communeKind: 'xa', parentId: department.id });
      const school = await apiPost<Unit>(page, '/api/v1/org/units', { type: 'institution', name: names.school, institutionKind: 'primary', ownership: 'public', parentId: commune.id });
      const klass = await apiPost<Unit>(page, '/api/v1/org/units', { type: 'class', name: names.klass, grade: 4, parentId: school.id });
      const createdTeacher = await apiPost<Created>(page, '/api/v1/users', { username: teacher.username, displayName: teacher.displayName, roles: [{ role: 'teacher', unitId: school.id }] });
      const createdStudent = await apiPost<Created>(page, '/api/v1/users', { username: student.username, displayName: student.displayName, roles: [{ role: 'student', unitId: klass.id }] });
      const createdParent = await apiPost<Created>(page, '/api/v1/users', { username: parent.username, displayName: parent.displayName, roles: [{ role: 'parent', unitId: klass.id }] });
      await apiPost(page, `/api/v1/users/${createdParent.person.id}/children`, { childId: createdStudent.person.id });

      // A real 12-second video (the api credits played seconds up to twice the real time elapsed, plus a minute).
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=duration=12:size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine=duration=12', '-shortest', '-c:v', 'libx264', '-c:a', 'aac', '-pix_fmt', 'yuv420p', video]);
      const assetId = await uploadVideo(page, video);

      const { course } = await apiPost<{ course: { id: string } }>(page, '/api/v1/courses', {
        titleVi: names.course,
        summaryVi: 'Xem video ngắn về cách tìm kiếm thông tin trên mạng an toàn.',
        audiences: ['student'],
        gradeMin: 4,
        gradeMax: 4,
        ownerUnitId: school.id,
      });
      const withSection = await apiPost<Outline>(page, `/api/v1/courses/${course.id}/sections`, { titleVi: names.section });
      const outline = await apiPost<Outline>(page, `/api/v1/courses/${course.id}/sections/${withSection.sections[0].id}/lessons`, {
        kind: 'video',
        titleVi: names.lesson,
        content: { assetId },
        required: true,
        competencies: [{ code: '1.1', level: 2 }],
      });
      await apiPost(page, `/api/v1/courses/${course.id}/publish`, {});

      const signIn = async (who: { username: string; password: string }, created: Created): Promise<StorageState> => {
        const request = await playwright.request.newContext({ baseURL });
        try {
          return await firstSignIn(request, who.username, created.oneTimeCode, who.password);
        } finally {
          await request.dispose();
        }
      };
      return {
        units: { school, klass },
        studentId: createdStudent.person.id,
        courseId: course.id,
        lessonId: outline.sections[0].lessons[0].id,
        states: { teacher: await signIn(teacher, createdTeacher), student: await signIn(student, createdStudent), parent: await signIn(parent, createdParent) },
      };
    });
    const classPath = [
      { name: units.school.name, kind: 'Trường tiểu học' },
      { name: units.klass.name, kind: 'Lớp (khối 4)' },
    ];

    const teacherContext = await browser.newContext({ storageState: states.teacher });
    contexts.push(teacherContext);
    const teacherPage = await teacherContext.newPage();

    await test.step('the teacher assigns the course to 4A, due in two weeks', async () => {
      await teacherPage.goto('/');
      await teacherPage.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Giảng dạy' }).click();
      await expect(heading(teacherPage)).toHaveText('Tiến độ học tập của lớp');
      await teacherPage.getByRole('navigation', { name: 'Mục giảng dạy' }).getByRole('link', { name: 'Giao khoá học' }).click();
      await expect(heading(teacherPage)).toHaveText('Giao khoá học');
      await pickUnit(teacherPage, classPath);
      const form = teacherPage.getByTestId('assign-form');
      await expect(form.getByRole('heading')).toHaveText(`Giao khoá học cho ${names.klass}`);
      await form.getByLabel('Tìm khoá học').fill(`tim kiem thong tin ${tag}`);
      await form.getByRole('radio', { name: names.course }).check();
      await expect(form.getByRole('radio', { name: 'Học sinh', exact: true })).toBeChecked();
      await form.getByLabel(/^Hạn hoàn thành/).fill(due);
      await form.getByRole('button', { name: 'Giao khoá học' }).click();
      await expect(teacherPage.getByTestId('assign-done')).toHaveText(`Đã giao khoá học “${names.course}” cho ${names.klass} (1 người học).`);
      const assignment = teacherPage.getByTestId('assignments').getByTestId('assignment').filter({ hasText: names.course });
      await expect(assignment).toContainText(`Hạn hoàn thành: ${dueText}`);
      await expect(assignment).toContainText('1 người học');
      await checkPage(teacherPage, '/giang-day/giao-khoa-hoc', 'learning-assign');
    });

    const studentContext = await browser.newContext({ storageState: states.student });
    contexts.push(studentContext);
    const learner = await studentContext.newPage();
    const sent: Sent[] = [];
    const answered: number[] = [];
    learner.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/progress') sent.push(request.postDataJSON() as Sent);
    });
    learner.on('response', (response) => {
      if (response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/v1/progress') answered.push(response.status());
    });

    await test.step('the student sees the assigned course on "Việc học của tôi", and level 0 in 1.1', async () => {
      await learner.goto('/');
      await learner.getByRole('main').getByRole('link', { name: 'Vào trang Việc học của tôi' }).click();
      await expect(heading(learner)).toHaveText('Việc học của tôi');
      const card = learner.getByTestId('learning-open').getByTestId('learning-course').filter({ hasText: names.course });
      await expect(card).toContainText('Được thầy cô giao');
      await expect(card).toContainText(`Hạn hoàn thành: ${dueText}`);
      await expect(card.getByTestId('progress-meter')).toContainText('0% · 0/1 bài bắt buộc');
      await checkPage(learner, '/hoc-tap (assigned)', 'learning-dashboard');

      await learner.getByRole('link', { name: 'Xem hồ sơ năng lực số' }).click();
      await expect(heading(learner)).toHaveText('Hồ sơ năng lực số');
      await expect(learner.getByTestId('competency-1.1')).toHaveAttribute('data-attained', '0');
      await expect(learner.getByTestId('competency-1.1')).toHaveAttribute('data-expected', '2');
      await expect(learner.locator('[data-code="1.1"]')).toContainText('Chưa đạt bậc nào · cần bậc 2 · Còn thiếu 2 bậc');
      // The lesson that closes the gap is recommended.
      await expect(learner.getByTestId('recommendations-1.1').getByRole('link', { name: new RegExp(names.lesson) })).toHaveAttribute('href', `/hoc/${courseId}/${lessonId}`);
      await expect(learner.getByTestId('domain-1')).toBeVisible();
      await expect(learner.locator('[data-testid^="competency-"][data-attained]')).toHaveCount(24);
      await checkPage(learner, '/nang-luc (before)');
    });

    await test.step('the course page says it was assigned; "Bắt đầu học" opens the video', async () => {
      await learner.goto('/hoc-tap');
      await learner.getByTestId('learning-open').getByRole('link', { name: names.course, exact: true }).click();
      await expect(heading(learner)).toHaveText(names.course);
      const enrolment = learner.getByTestId('enrolment');
      await expect(enrolment.getByTestId('enrolment-state')).toHaveText('Khoá học này được thầy cô giao cho bạn.');
      await expect(enrolment.getByTestId('due')).toHaveText(`Hạn hoàn thành: ${dueText}`);
      // Assigned: nothing to withdraw from.
      await expect(enrolment.getByRole('button', { name: 'Rút khỏi khoá học' })).toHaveCount(0);
      await expect(learner.getByTestId('lesson-status')).toHaveText('Chưa học');
      await checkPage(learner, '/khoa-hoc (assigned)');
      await enrolment.getByRole('link', { name: 'Bắt đầu học' }).click();
      await expect(heading(learner)).toHaveText(names.lesson);
      await expect(learner.getByTestId('lesson-state')).toHaveText('Kết quả học bài này được ghi lại tự động.');
    });

    await test.step('the student plays the video to the end (double speed, no seeking): the lesson and the course turn complete', async () => {
      const player = learner.getByTestId('video-player');
      await player.getByRole('button', { name: 'Phát' }).click();
      const videoElement = learner.getByTestId('video');
      await expect.poll(async () => videoElement.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000, message: 'the video plays' }).toBeGreaterThan(0.2);
      await videoElement.evaluate((v: HTMLVideoElement) => {
        v.playbackRate = 2;
      });
      await expect.poll(async () => videoElement.evaluate((v: HTMLVideoElement) => v.ended), { timeout: 60_000, message: 'the video plays to its end' }).toBe(true);
      await expect(learner.getByTestId('lesson-state')).toHaveText('✓ Đã hoàn thành', { timeout: 30_000 });
      await expect(learner.getByRole('status').filter({ hasText: 'Đã hoàn thành' }).first()).toBeVisible();
      await expect(learner.getByTestId('course-completed')).toContainText(`Chúc mừng! Bạn vừa hoàn thành khoá học “${names.course}”.`);

      // What the player reported: played ranges only (no seek happened), each ≤ 60 s, ids never reused
      // except when the same event was sent again.
      const played = sent.flatMap((body) => body.events).filter((e) => e.lessonId === lessonId);
      expect(played.length, 'heartbeats were sent').toBeGreaterThan(0);
      expect(answered.filter((status) => status !== 200), 'every heartbeat was accepted').toEqual([]);
      for (const event of played) {
        expect(event.type).toBe('played');
        expect(event.from ?? -1).toBeGreaterThanOrEqual(0);
        expect((event.to ?? 0) - (event.from ?? 0)).toBeLessThanOrEqual(60);
        expect(event.to ?? 0).toBeLessThanOrEqual(12.1);
      }
      const covered = [...new Map(played.map((e) => [e.id, e])).values()].reduce((sum, e) => sum + ((e.to ?? 0) - (e.from ?? 0)), 0);
      expect(covered, 'the played seconds cover the video').toBeGreaterThan(10.8);
      await checkPage(learner, '/hoc (video, completed)', 'learning-lesson-completed');
    });

    await test.step('the profile chart moved from 0 to 2 in 1.1, and the dashboard lists the course as completed', async () => {
      await learner.goto('/nang-luc');
      await expect(heading(learner)).toHaveText('Hồ sơ năng lực số');
      await expect(learner.getByTestId('competency-1.1')).toHaveAttribute('data-attained', '2');
      await expect(learner.locator('[data-code="1.1"]')).toContainText('Đạt bậc 2 · cần bậc 2 · ✓ Đạt yêu cầu');
      await expect(learner.getByTestId('summary-met')).not.toHaveText('0');
      await learner.locator('[data-code="1.1"]').getByText('Minh chứng (1 bài)').click();
      await expect(learner.getByTestId('evidence-1.1')).toContainText(`“${names.lesson}” — khoá “${names.course}”, bậc 2`);
      await checkPage(learner, '/nang-luc (after)', 'learning-profile');

      await learner.goto('/hoc-tap');
      const done = learner.getByTestId('learning-done').getByTestId('learning-course').filter({ hasText: names.course });
      await expect(done.getByTestId('course-done')).toContainText('Đã hoàn thành');
      await expect(done.getByTestId('progress-meter')).toContainText('100% · 1/1 bài bắt buộc');
      await expect(learner.getByTestId('learning-open')).toHaveCount(0);
      await checkPage(learner, '/hoc-tap (completed)');
    });

    await test.step('the teacher’s class matrix shows the course completed, and the CSV says so', async () => {
      await teacherPage.goto('/giang-day');
      await expect(heading(teacherPage)).toHaveText('Tiến độ học tập của lớp');
      await pickUnit(teacherPage, classPath);
      const matrix = teacherPage.getByTestId('progress-matrix');
      await expect(matrix.getByRole('columnheader').filter({ hasText: names.course })).toContainText(`Hạn hoàn thành: ${dueText}`);
      const cell = matrix.locator(`[data-testid="matrix-cell"][data-learner="${studentId}"][data-course="${courseId}"]`);
      await expect(cell).toHaveAttribute('data-state', 'completed');
      await expect(cell).toContainText('✓ Hoàn thành');
      await expect(matrix.getByRole('rowheader', { name: new RegExp(student.displayName) })).toBeVisible();
      // Per lesson, on request.
      await matrix.getByRole('button', { name: `Xem từng bài của khoá “${names.course}”` }).click();
      await expect(matrix.getByRole('columnheader').filter({ hasText: names.lesson })).toBeVisible();
      await expect(matrix.getByRole('button', { name: `Thu gọn các bài của khoá “${names.course}”` })).toHaveAttribute('aria-expanded', 'true');
      await checkPage(teacherPage, '/giang-day (matrix)', 'learning-matrix');

      const [download] = await Promise.all([teacherPage.waitForEvent('download'), teacherPage.getByTestId('export-csv').click()]);
      const bytes = await downloadBytes(download);
      expect([...bytes.subarray(0, 3)], 'the CSV starts with a BOM (Excel reads it as UTF-8)').toEqual([0xef, 0xbb, 0xbf]);
      const csv = bytes.subarray(3).toString('utf8');
      const row = csv.split(/\r?\n/).find((line) => line.includes(student.displayName));
      expect(row, `the student's row in:\n${csv}`).toBeTruthy();
      expect(row).toMatch(/Hoàn thành \d{2}\/\d{2}\/\d{4}/);
      expect(csv).toContain(names.course);
    });

    await test.step('the parent sees the child’s course completed and the profile', async () => {
      const parentContext = await browser.newContext({ storageState: states.parent });
      contexts.push(parentContext);
      const own = await parentContext.newPage();
      await own.goto('/');
      await own.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Con của tôi' }).click();
      await expect(heading(own)).toHaveText('Con của tôi');
      await own.getByRole('link', { name: `Xem việc học của ${student.displayName}` }).click();
      await expect(heading(own)).toHaveText(`Việc học của ${student.displayName}`);
      const done = own.getByTestId('learning-done').getByTestId('learning-course').filter({ hasText: names.course });
      await expect(done.getByTestId('course-done')).toContainText('Đã hoàn thành');
      // Nothing to play on the child's behalf.
      await expect(own.getByTestId('resume-card')).toHaveCount(0);
      await expect(own.getByTestId('competency-1.1')).toHaveAttribute('data-attained', '2');
      await expect(own.locator('[data-code="1.1"]')).toContainText('Đạt bậc 2 · cần bậc 2 · ✓ Đạt yêu cầu');
      await checkPage(own, '/con-cua-toi/:childId', 'learning-parent');
    });
  } finally {
    for (const context of contexts) await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a key to enrol, a text read to its end, an external course’s evidence approved by the teacher, and withdrawing', async ({ page, browser, playwright, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const tag = runTag(testInfo.project.name);
  const names = {
    department: `Sở GDĐT ghi danh ${tag}`,
    school: `Trường Tiểu học Đồ Sơn ${tag}`,
    klass: `5B ${tag}`,
    course: `Giao tiếp an toàn trên mạng ${tag}`,
    text: 'Bài đọc: lời nói trên mạng',
    external: 'Học trên nền tảng Bình dân học vụ số',
  };
  const key = `HOA-SEN-${tag}`;
  const teacher = { username: `gv.mai.${tag}`, displayName: `Lê Thị Mai ${tag}`, password: `Giao-Vien-2026-${tag}` };
  const student = { username: `hs.linh.${tag}`, displayName: `Phạm Khánh Linh ${tag}`, password: `Hoc-Sinh-2026-${tag}` };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lms-evidence-'));
  const certificate = path.join(dir, 'chung-nhan.png');
  const contexts: Array<{ close(): Promise<void> }> = [];
  // A text longer than a phone's screen: its end is reached by scrolling.
  const markdown = Array.from({ length: 14 }, (_, i) => `## Điều ${i + 1}\n\nTrước khi viết hay chia sẻ điều gì trên mạng, hãy nghĩ xem lời nói đó có tử tế, có đúng sự thật và có cần thiết không. Điều ${i + 1} nhắc em điều đó.`).join('\n\n');

  try {
    const { states, courseId } = await test.step('setup through the api: a school, class 5B, a teacher, a student, and a course with a text and an external lesson', async () => {
      const department = await apiPost<Unit>(page, '/api/v1/org/units', { type: 'department', name: names.department });
      const school = await apiPost<Unit>(page, '/api/v1/org/units', { type: 'institution', name: names.school, institutionKind: 'primary', ownership: 'public', parentId: department.id });
      const klass = await apiPost<Unit>(page, '/api/v1/org/units', { type: 'class', name: names.klass, grade: 5, parentId: school.id });
      const createdTeacher = await apiPost<Created>(page, '/api/v1/users', { username: teacher.username, displayName: teacher.displayName, roles: [{ role: 'teacher', unitId: school.id }] });
      const createdStudent = await apiPost<Created>(page, '/api/v1/users', { username: student.username, displayName: student.displayName, roles: [{ role: 'student', unitId: klass.id }] });
      const { course } = await apiPost<{ course: { id: string } }>(page, '/api/v1/courses', { titleVi: names.course, summaryVi: 'Đọc, học trên nền tảng quốc gia và nộp minh chứng.', audiences: ['student'], gradeMin: 4, gradeMax: 5, ownerUnitId: school.id });
      const outline = await apiPost<Outline>(page, `/api/v1/courses/${course.id}/sections`, { titleVi: 'Lời nói trên mạng' });
      const sectionId = outline.sections[0].id;
      await apiPost(page, `/api/v1/courses/${course.id}/sections/${sectionId}/lessons`, { kind: 'text', titleVi: names.text, content: { markdown }, required: true, competencies: [{ code: '2.5', level: 2 }] });
      await apiPost(page, `/api/v1/courses/${course.id}/sections/${sectionId}/lessons`, { kind: 'external', titleVi: names.external, content: { url: 'https://binhdanhocvuso.gov.vn/khoa-hoc/giao-tiep', provider: 'Nền tảng Bình dân học vụ số' }, required: true });
      await apiPost(page, `/api/v1/courses/${course.id}/publish`, {});
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x240', '-frames:v', '1', certificate]);
      const signIn = async (who: { username: string; password: string }, created: Created): Promise<StorageState> => {
        const request = await playwright.request.newContext({ baseURL });
        try {
          return await firstSignIn(request, who.username, created.oneTimeCode, who.password);
        } finally {
          await request.dispose();
        }
      };
      return { courseId: course.id, states: { teacher: await signIn(teacher, createdTeacher), student: await signIn(student, createdStudent) } };
    });

    await test.step('the course’s editor asks for an enrolment key', async () => {
      await page.goto(`/soan-bai/${courseId}`);
      await expect(heading(page)).toHaveText(names.course);
      const settings = page.getByTestId('enrolment-settings');
      await expect(settings.getByRole('radio', { name: 'Mọi người' })).toBeChecked();
      await settings.getByRole('radio', { name: 'Người có mã ghi danh' }).check();
      await settings.getByLabel('Mã ghi danh', { exact: true }).fill(key);
      await settings.getByRole('button', { name: 'Lưu cách ghi danh' }).click();
      await expect(settings.getByTestId('enrolment-settings-done')).toHaveText('Đã lưu: Người có mã ghi danh.');
      await expect(settings.getByLabel(/^Mã ghi danh mới/)).toHaveValue('');
    });

    const studentContext = await browser.newContext({ storageState: states.student });
    contexts.push(studentContext);
    const learner = await studentContext.newPage();

    await test.step('the student enrols with the key (a wrong one first)', async () => {
      await learner.goto(`/khoa-hoc/${courseId}`);
      await expect(heading(learner)).toHaveText(names.course);
      const enrolment = learner.getByTestId('enrolment');
      await expect(enrolment.getByTestId('enrolment-state')).toHaveText('Bạn chưa đăng ký khoá học này.');
      await enrolment.getByRole('button', { name: 'Đăng ký học' }).click();
      await expect(enrolment.getByRole('alert')).toHaveText('Khoá học này cần mã ghi danh. Hãy nhập mã rồi bấm “Đăng ký học”.');
      const field = enrolment.getByLabel('Mã ghi danh');
      await expect(field).toBeFocused();
      await field.fill('SAI-MA-1234');
      await enrolment.getByRole('button', { name: 'Đăng ký học' }).click();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await checkPage(learner, '/khoa-hoc (key refused)');
      await field.fill(key);
      await enrolment.getByRole('button', { name: 'Đăng ký học' }).click();
      await expect(enrolment.getByTestId('enrolment-done')).toHaveText(`Bạn đã đăng ký khoá học “${names.course}”.`);
      await expect(enrolment.getByTestId('enrolment-state')).toHaveText('Bạn đã đăng ký khoá học này.');
      await expect(enrolment.getByTestId('progress-meter')).toContainText('0% · 0/2 bài bắt buộc');
      await checkPage(learner, '/khoa-hoc (enrolled)', 'learning-enrolled');
    });

    await test.step('the text lesson is complete once its end has been scrolled to', async () => {
      await learner.getByTestId('enrolment').getByRole('link', { name: 'Bắt đầu học' }).click();
      await expect(heading(learner)).toHaveText(names.text);
      const state = learner.getByTestId('lesson-state');
      await expect(state).toHaveText('Kết quả học bài này được ghi lại tự động.');
      await checkPage(learner, '/hoc (text)');
      await learner.getByTestId('reader').getByRole('heading', { name: 'Điều 14' }).scrollIntoViewIfNeeded();
      await learner.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect(state).toHaveText('✓ Đã hoàn thành', { timeout: 20_000 });
    });

    await test.step('the external lesson: the student submits a photo of the certificate', async () => {
      await learner.getByRole('link', { name: `Bài sau: ${names.external}` }).click();
      await expect(heading(learner)).toHaveText(names.external);
      const panel = learner.getByTestId('evidence-panel');
      await expect(panel.getByTestId('evidence-state')).toHaveText('Bạn chưa nộp minh chứng cho bài này.');
      await panel.getByLabel('Chọn ảnh hoặc tệp PDF minh chứng').setInputFiles(certificate);
      await expect(panel.getByTestId('evidence-state')).toHaveText('Đã nộp, đang chờ thầy cô duyệt', { timeout: 30_000 });
      await checkPage(learner, '/hoc (external, evidence pending)', 'learning-evidence');
    });

    await test.step('the teacher approves it (a refusal needs a note)', async () => {
      const teacherContext = await browser.newContext({ storageState: states.teacher });
      contexts.push(teacherContext);
      const reviewer = await teacherContext.newPage();
      await reviewer.goto('/giang-day/minh-chung');
      await expect(heading(reviewer)).toHaveText('Duyệt minh chứng');
      const item = reviewer.getByTestId('evidence-item').filter({ hasText: student.displayName });
      await expect(item).toContainText(`Bài “${names.external}” — khoá “${names.course}”`);
      // The reviewer can open the photo.
      const href = (await item.getByRole('link', { name: /^Xem minh chứng/ }).getAttribute('href')) ?? '';
      const file = await reviewer.request.get(href);
      expect(file.status(), `the evidence file opens for the reviewer: ${href}`).toBe(200);
      expect(file.headers()['content-type']).toContain('image/png');
      await item.getByRole('button', { name: 'Không duyệt' }).click();
      await expect(item.getByText('Hãy viết nhận xét để học sinh biết vì sao minh chứng chưa được duyệt.')).toBeVisible();
      await checkPage(reviewer, '/giang-day/minh-chung');
      await item.getByRole('button', { name: 'Duyệt', exact: true }).click();
      await expect(reviewer.getByTestId('evidence-done')).toHaveText(`Đã duyệt minh chứng của ${student.displayName} cho bài “${names.external}”.`);
      await expect(reviewer.getByTestId('evidence-item').filter({ hasText: student.displayName })).toHaveCount(0);
    });

    await test.step('the student sees the evidence approved and the course completed, then withdraws (the record stays)', async () => {
      await learner.reload();
      await expect(heading(learner)).toHaveText(names.external);
      await expect(learner.getByTestId('evidence-state')).toHaveText('✓ Minh chứng đã được duyệt');
      await expect(learner.getByTestId('lesson-state')).toHaveText('✓ Đã hoàn thành');
      await expect(learner.getByTestId('course-completed')).toContainText(`Bạn đã hoàn thành khoá học “${names.course}”.`);

      await learner.goto(`/khoa-hoc/${courseId}`);
      const enrolment = learner.getByTestId('enrolment');
      await expect(enrolment.getByTestId('enrolment-state')).toContainText('Bạn đã hoàn thành khoá học ngày');
      await expect(learner.getByTestId('lesson-status')).toHaveText(['✓ Đã hoàn thành', '✓ Đã hoàn thành']);
      await enrolment.getByRole('button', { name: 'Rút khỏi khoá học' }).click();
      await expect(enrolment.getByText(`Rút khỏi khoá học “${names.course}”?`)).toBeVisible();
      await enrolment.getByRole('button', { name: 'Rút khỏi khoá học' }).click();
      await expect(enrolment.getByTestId('enrolment-done')).toHaveText(`Bạn đã rút khỏi khoá học “${names.course}”. Kết quả đã học vẫn được giữ lại.`);
      await expect(enrolment.getByTestId('enrolment-state')).toHaveText('Bạn chưa đăng ký khoá học này.');
    });
  } finally {
    for (const context of contexts) await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
