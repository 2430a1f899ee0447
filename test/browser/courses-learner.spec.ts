import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, BrowserContextOptions, Locator, Page } from '@playwright/test';
import PDFDocument from 'pdfkit';
import { apiPost, expect, runTag, test } from './fixtures';
import { expectNoAxeViolations, expectNoHorizontalScroll, screenshot } from './helpers';

// Issue 4's "Done when", end to end: a teacher (an author without the right to publish) builds a
// course owned by their school from a real video, a PowerPoint file, a PDF, Markdown and a
// recording, and sends it for review; the administrator (a reviewer) publishes it; a student of
// class 4A finds it without diacritics and watches its HLS video at 240p on a throttled connection
// (≈400 kbit/s), then turns the slides, reads the PDF's pages, the text and sees the audio player.
// Everything is named with a tag unique to the run: both projects share one database.

type StorageState = Exclude<BrowserContextOptions['storageState'], string | undefined>;
type Unit = { id: string; name: string };
type Created = { person: { id: string; username: string }; oneTimeCode: string };

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

const lessons = {
  video: 'Video: giữ an toàn khi lên mạng',
  pptx: 'Trình chiếu: ba quy tắc vàng',
  pdf: 'Tài liệu: hai trang hướng dẫn',
  text: 'Bài đọc: mật khẩu mạnh',
  audio: 'Nghe: lời nhắc của cô giáo',
};

/**
 * Signs a new account in once with its one-time code, chooses a password, and signs in again with it
 * (changing the password ends every other session): the cookies of that last session.
 */
async function firstSignIn(request: APIRequestContext, username: string, code: string, password: string): Promise<StorageState> {
  const first = await request.post('/api/v1/auth/web/login', { data: { username, password: code } });
  expect(first.status(), `${username} signs in with the one-time code`).toBe(200);
  const { csrfToken, mustChangePassword } = (await first.json()) as { csrfToken: string; mustChangePassword: boolean };
  expect(mustChangePassword).toBe(true);
  const changed = await request.post('/api/v1/me/password', { data: { currentPassword: code, newPassword: password }, headers: { 'X-CSRF-Token': csrfToken } });
  expect(changed.ok(), `${username} chooses a password: ${changed.status()} ${await changed.text()}`).toBe(true);
  const again = await request.post('/api/v1/auth/web/login', { data: { username, password } });
  expect(again.status(), `${username} signs in with the new password`).toBe(200);
  expect(((await again.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(false);
  return request.storageState();
}

function twoPagePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');
    doc.fontSize(24).text('Trang 1: Không chia sẻ mật khẩu');
    doc.addPage();
    doc.fontSize(24).text('Trang 2: Hỏi người lớn khi nghi ngờ');
    doc.end();
  });
}

async function startLesson(page: Page, kind: string, title: string): Promise<Locator> {
  await page.getByTestId('outline-section').first().getByRole('button', { name: /^Thêm bài học/ }).click();
  const form = page.getByTestId('lesson-form');
  await expect(form.getByRole('heading')).toBeFocused();
  await form.getByLabel('Loại bài học').selectOption({ label: kind });
  await form.getByLabel('Tên bài học').fill(title);
  return form;
}

async function saveLesson(page: Page, form: Locator, title: string): Promise<void> {
  await form.getByRole('button', { name: 'Lưu bài học' }).click();
  await expect(page.getByTestId('outline-announce')).toHaveText(`Đã lưu bài học “${title}”.`);
}

/** A lesson with a file: uploaded through the form, saved, processed until ready, and the form closed. */
async function fileLesson(page: Page, kind: string, title: string, fileLabel: string, file: string, processing: number, details: RegExp): Promise<void> {
  const form = await startLesson(page, kind, title);
  await form.getByLabel(fileLabel).setInputFiles(file);
  await expect(form.getByTestId('upload-progress-text')).toHaveText('Đã tải lên 100%.', { timeout: 30_000 });
  await saveLesson(page, form, title);
  const status = page.getByTestId('lesson-form').getByTestId('media-status');
  await expect(status, `${title}: processed`).toHaveAttribute('data-status', 'ready', { timeout: processing });
  await expect(status.getByTestId('media-status-text')).toHaveText('Sẵn sàng: đã xử lý xong.');
  await expect(status).toContainText(details);
  await page.getByTestId('lesson-form').getByRole('button', { name: 'Đóng' }).click();
  await expect(page.getByTestId('lesson-form')).toHaveCount(0);
}

test('a teacher builds a course from real files, a reviewer publishes it, and a student watches its video at 240p on a slow connection', async ({ page, browser, playwright, baseURL }, testInfo) => {
  test.setTimeout(300_000);
  const tag = runTag(testInfo.project.name);
  const names = {
    department: `Sở GDĐT học liệu ${tag}`,
    commune: `Xã Tiên Lãng ${tag}`,
    school: `Trường Tiểu học Tiên Lãng ${tag}`,
    course: `Kỹ năng số cho học sinh tiểu học ${tag}`,
    courseSearch: `ky nang so hoc sinh tieu hoc ${tag}`,
    section: 'Lên mạng an toàn',
  };
  const teacher = { username: `gv.hoa.${tag}`, displayName: `Phạm Thị Hoa ${tag}`, password: `Giao-Vien-2026-${tag}` };
  const student = { username: `hs.minh.${tag}`, displayName: `Lê Văn Minh ${tag}`, password: `Hoc-Sinh-2026-${tag}` };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lms-learner-'));
  const files = {
    video: path.join(dir, 'an-toan-tren-mang.mp4'),
    audio: path.join(dir, 'loi-nhac.mp3'),
    pdf: path.join(dir, 'huong-dan.pdf'),
    pptx: path.resolve(testInfo.project.testDir, '../fixtures/media/slides-3.pptx'),
  };
  const contexts: Array<{ close(): Promise<void> }> = [];
  try {
    const states = await test.step('setup through the api: the school, class 4A, a teacher and a student', async () => {
      const department = await apiPost<Unit>(page, '/api/v1/org/units', { type: 'department', name: names.department });
      const commune = await apiPost<Unit>(page, '/api/v1/org/units', { type: 'commune', name: names.commune, communeKind: 'xa', parentId: department.id });
      const school = await apiPost<Unit>(page, '/api/v1/org/units', { type: 'institution', name: names.school, institutionKind: 'primary', ownership: 'public', parentId: commune.id });
      const klass = await apiPost<Unit>(page, '/api/v1/org/units', { type: 'class', name: `4A ${tag}`, grade: 4, parentId: school.id });
      const createdTeacher = await apiPost<Created>(page, '/api/v1/users', { username: teacher.username, displayName: teacher.displayName, roles: [{ role: 'teacher', unitId: school.id }] });
      const createdStudent = await apiPost<Created>(page, '/api/v1/users', { username: student.username, displayName: student.displayName, roles: [{ role: 'student', unitId: klass.id }] });
      const signIn = async (who: { username: string; password: string }, created: Created): Promise<StorageState> => {
        expect(created.oneTimeCode, `${who.username} has a one-time code`).toBeTruthy();
        const request = await playwright.request.newContext({ baseURL });
        try {
          return await firstSignIn(request, who.username, created.oneTimeCode, who.password);
        } finally {
          await request.dispose();
        }
      };
      return { teacher: await signIn(teacher, createdTeacher), student: await signIn(student, createdStudent) };
    });

    await test.step('the files: a real video, a recording and a two-page PDF (the PPTX is committed)', async () => {
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=duration=6:size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine=duration=6', '-shortest', '-c:v', 'libx264', '-c:a', 'aac', '-pix_fmt', 'yuv420p', files.video]);
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-c:a', 'libmp3lame', files.audio]);
      writeFileSync(files.pdf, await twoPagePdf());
    });

    // The author: the teacher, in a browser context of their own.
    const teacherContext = await browser.newContext({ storageState: states.teacher });
    contexts.push(teacherContext);
    const author = await teacherContext.newPage();
    let courseId = '';

    await test.step('the teacher creates the course, owned by the school, for students of grades 3–5', async () => {
      await author.goto('/');
      await author.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Soạn bài' }).click();
      await expect(heading(author)).toHaveText('Khoá học tôi soạn');
      await author.getByRole('button', { name: 'Tạo khoá học' }).click();
      const form = author.getByRole('form', { name: 'Tạo khoá học mới' });
      await form.getByLabel('Tên khoá học').fill(names.course);
      await form.getByLabel('Tóm tắt', { exact: true }).fill('Xem video, lật trang trình chiếu, đọc tài liệu và nghe lời nhắc để lên mạng an toàn.');
      await form.getByLabel('Học sinh, sinh viên').check();
      await form.getByLabel('Từ khối').selectOption({ label: 'Khối 3' });
      await form.getByLabel('Đến khối').selectOption({ label: 'Khối 5' });
      await form.getByLabel('Thời lượng dự kiến (phút)').fill('30');
      // A teacher is offered their own school before typing anything.
      await form.getByLabel(names.school).check();
      await form.getByRole('button', { name: 'Tạo khoá học' }).click();
      await expect(author).toHaveURL(/\/soan-bai\/[0-9a-f-]{36}$/);
      courseId = author.url().split('/').pop() as string;
      await expect(heading(author)).toHaveText(names.course);
      await expect(author.getByTestId('course-status')).toHaveText('Bản nháp');

      const addSection = author.getByRole('form', { name: 'Thêm chương' });
      await addSection.getByLabel('Tên chương mới').fill(names.section);
      await addSection.getByRole('button', { name: 'Thêm chương' }).click();
      await expect(author.getByTestId('outline-announce')).toHaveText(`Đã thêm chương “${names.section}”.`);
    });

    await test.step('lessons from a video, a PPTX, a PDF, Markdown and an MP3, each processed until ready', async () => {
      await fileLesson(author, 'Video', lessons.video, 'Chọn tệp video', files.video, 90_000, /240p/);
      await fileLesson(author, 'Bài trình chiếu', lessons.pptx, 'Chọn tệp trình chiếu (PDF hoặc PPTX)', files.pptx, 120_000, /3 trang/);
      await fileLesson(author, 'Bài trình chiếu', lessons.pdf, 'Chọn tệp trình chiếu (PDF hoặc PPTX)', files.pdf, 60_000, /2 trang/);

      const form = await startLesson(author, 'Bài đọc', lessons.text);
      await form.getByLabel('Nội dung bài đọc (Markdown)').fill('# Mật khẩu mạnh\n\nMật khẩu mạnh có **ít nhất 12 ký tự** và không dùng lại ở nơi khác.');
      await saveLesson(author, form, lessons.text);
      await expect(author.getByTestId('lesson-form').getByTestId('lesson-preview').locator('strong')).toHaveText('ít nhất 12 ký tự');
      await author.getByTestId('lesson-form').getByRole('button', { name: 'Đóng' }).click();

      await fileLesson(author, 'Âm thanh', lessons.audio, 'Chọn tệp âm thanh', files.audio, 60_000, /Dài 0:0[23]/);
      await expect(author.getByTestId('outline-section').first().getByTestId('lesson-title')).toHaveText([lessons.video, lessons.pptx, lessons.pdf, lessons.text, lessons.audio]);
    });

    await test.step('the teacher sends it for review, and cannot publish it', async () => {
      await author.getByRole('button', { name: 'Gửi duyệt' }).click();
      await expect(author.getByTestId('workflow-done')).toHaveText('Đã gửi duyệt.');
      await expect(author.getByTestId('course-status')).toHaveText('Chờ duyệt');
      await expect(author.getByRole('button', { name: 'Xuất bản' })).toHaveCount(0);
      const csrf = (await teacherContext.cookies()).find((c) => c.name === 'lms_csrf')?.value ?? '';
      const refused = await author.request.post(`/api/v1/courses/${courseId}/publish`, { headers: { 'X-CSRF-Token': decodeURIComponent(csrf) } });
      expect(refused.status(), 'a teacher has no right to publish').toBe(403);
      expect(((await refused.json()) as { code: string }).code, 'refused for the right, not for the CSRF token').toBe('FORBIDDEN');
    });

    await test.step('the administrator, a reviewer, publishes it', async () => {
      await page.goto(`/soan-bai/${courseId}`);
      await expect(heading(page)).toHaveText(names.course);
      await expect(page.getByTestId('course-status')).toHaveText('Chờ duyệt');
      await page.getByRole('button', { name: 'Xuất bản' }).click();
      await expect(page.getByTestId('workflow-done')).toHaveText('Đã xuất bản khoá học.');
      await expect(page.getByTestId('course-status')).toHaveText('Đã xuất bản');
    });

    // The learner: the student of class 4A, in a new browser context.
    const studentContext = await browser.newContext({ storageState: states.student });
    contexts.push(studentContext);
    const learner = await studentContext.newPage();

    await test.step('the student finds the course without diacritics and opens it', async () => {
      await learner.goto('/khoa-hoc');
      await expect(heading(learner)).toHaveText('Khoá học');
      await learner.getByRole('search', { name: 'Tìm khoá học' }).getByLabel('Tìm khoá học').fill(names.courseSearch);
      await expect(learner.getByTestId('catalog-count')).toHaveText('Tìm thấy 1 khoá học.');
      const card = learner.getByTestId('catalog-results').getByRole('listitem').filter({ hasText: names.course });
      await expect(card).toContainText(names.school);
      await expect(card).toContainText('Lớp 3–5');
      await card.getByRole('link', { name: names.course }).click();
      await expect(heading(learner)).toHaveText(names.course);
      await expect(learner.getByTestId('published-lesson')).toHaveCount(5);
    });

    await test.step('the video, at 240p on a throttled connection (≈400 kbit/s)', async () => {
      // Throttled before the player loads anything (hls.js fetches the first segment as soon as it starts).
      const cdp = await studentContext.newCDPSession(learner);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (200 * 1024) / 8 });
      await learner.getByRole('link', { name: lessons.video }).click();
      await expect(heading(learner)).toHaveText(lessons.video);
      const player = learner.getByTestId('video-player');
      const quality = player.getByLabel('Chất lượng');
      await expect(quality.locator('option')).toHaveText(['Tự động', '240p', '360p']);
      await quality.selectOption({ label: '240p' });
      await player.getByRole('button', { name: 'Phát' }).click();
      await expect(player.getByTestId('video-level')).toHaveText('Đang phát ở 240p.', { timeout: 30_000 });
      await expect
        .poll(async () => learner.getByTestId('video').evaluate((video: HTMLVideoElement) => video.currentTime), { timeout: 30_000, message: 'the video plays on the slow connection' })
        .toBeGreaterThan(1);
      await expect.poll(async () => learner.getByTestId('video').evaluate((video: HTMLVideoElement) => video.videoHeight), { message: 'the frames are 240 pixels high' }).toBe(240);
      // The throttle was in force: the 240p segments took their time to arrive.
      const segments = await learner.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => /240p[^/]*\.ts(\?|$)/.test(new URL(e.name).pathname + '?'))
          .map((e) => ({ name: new URL(e.name).pathname.split('/').pop(), ms: Math.round(e.duration), bytes: (e as PerformanceResourceTiming).encodedBodySize })),
      );
      // (A load hls.js aborts when the quality is chosen shows up with 0 bytes: only finished ones count.)
      const received = segments.filter((segment) => segment.bytes > 0);
      expect(received.length, `the 240p segments were fetched: ${JSON.stringify(segments)}`).toBeGreaterThan(0);
      for (const segment of received) expect(segment.ms, `${segment.name} (${segment.bytes} bytes) came at the throttled rate`).toBeGreaterThan(1000);
      await expectNoAxeViolations(learner, '/hoc (student, video)');
      await expectNoHorizontalScroll(learner, '/hoc (student, video)');
      await screenshot(learner, testInfo, 'learner-video-240p');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await cdp.detach();
    });

    await test.step('the PowerPoint slides: page 1 of 3, then page 2', async () => {
      await learner.getByRole('link', { name: `Bài sau: ${lessons.pptx}` }).click();
      await expect(heading(learner)).toHaveText(lessons.pptx);
      const viewer = learner.getByTestId('slides-viewer');
      await expect(viewer.getByTestId('slides-page')).toHaveText('Trang 1/3');
      const image = viewer.getByRole('img', { name: `Trang 1/3 của “${lessons.pptx}”` });
      await expect.poll(async () => image.evaluate((img: HTMLImageElement) => img.naturalWidth), { message: 'slide 1 is drawn' }).toBeGreaterThan(0);
      await viewer.getByRole('button', { name: 'Sau', exact: true }).click();
      await expect(viewer.getByTestId('slides-page')).toHaveText('Trang 2/3');
      await expect(viewer.getByRole('img', { name: `Trang 2/3 của “${lessons.pptx}”` })).toBeVisible();
    });

    await test.step('the PDF: two pages', async () => {
      await learner.getByRole('link', { name: `Bài sau: ${lessons.pdf}` }).click();
      await expect(heading(learner)).toHaveText(lessons.pdf);
      const viewer = learner.getByTestId('slides-viewer');
      await expect(viewer.getByTestId('slides-page')).toHaveText('Trang 1/2');
      await expect(viewer.getByRole('navigation', { name: 'Các trang' }).getByRole('button')).toHaveCount(2);
      await viewer.getByRole('button', { name: 'Trang 2', exact: true }).click();
      await expect(viewer.getByTestId('slides-page')).toHaveText('Trang 2/2');
      await expect(viewer.getByRole('button', { name: 'Sau', exact: true })).toBeDisabled();
    });

    await test.step('the text, with its bold words', async () => {
      await learner.getByRole('link', { name: `Bài sau: ${lessons.text}` }).click();
      await expect(heading(learner)).toHaveText(lessons.text);
      const reader = learner.getByTestId('reader');
      await expect(reader.getByRole('heading', { name: 'Mật khẩu mạnh' })).toBeVisible();
      await expect(reader.locator('strong')).toHaveText('ít nhất 12 ký tự');
    });

    await test.step('the recording, in its player', async () => {
      await learner.getByRole('link', { name: `Bài sau: ${lessons.audio}` }).click();
      await expect(heading(learner)).toHaveText(lessons.audio);
      const player = learner.getByTestId('audio-player');
      await expect(player.locator('audio')).toHaveAttribute('src', /variant=audio/);
      await expect(player.getByRole('button', { name: 'Phát' })).toBeVisible();
      await expect.poll(async () => player.locator('audio').evaluate((audio: HTMLAudioElement) => audio.duration), { timeout: 20_000, message: 'the recording loads' }).toBeGreaterThan(2);
      await expectNoAxeViolations(learner, '/hoc (student, audio)');
      await expectNoHorizontalScroll(learner, '/hoc (student, audio)');
    });
  } finally {
    for (const context of contexts) await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
