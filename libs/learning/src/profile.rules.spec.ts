import { expectedLevel } from '@lms/competency';
import { courseComplete } from './completion.service';
import type { CourseInfo, LessonInfo } from './lesson-directory';
import { readingSecondsOf } from './lesson-directory';
import { type CandidateLesson, type CompletedLesson, attainedLevels, audiencesOfRoles, buildProfile, suitsLearner } from './profile.rules';

const done = (lessonId: string, tags: Array<[string, number]>, day: number): CompletedLesson => ({
  courseId: 'c1',
  courseTitleVi: 'Khoá 1',
  lessonId,
  lessonTitleVi: `Bài ${lessonId}`,
  kind: 'video',
  competencies: tags.map(([code, level]) => ({ code, level })),
  completedAt: new Date(Date.UTC(2026, 10, day)),
});

const candidate = (lessonId: string, code: string, level: number, extra: Partial<CandidateLesson> = {}): CandidateLesson => ({
  courseId: 'c2',
  courseTitleVi: 'Khoá 2',
  lessonId,
  lessonTitleVi: `Bài ${lessonId}`,
  lessonTitleEn: null,
  competencies: [{ code, level }],
  gradeMin: 3,
  gradeMax: 5,
  audiences: ['student'],
  ...extra,
});

describe('how completions become attained levels', () => {
  it('takes the highest level completed in each competency, not a sum, with every completion as evidence (newest first)', () => {
    const levels = attainedLevels([done('a', [['1.1', 1]], 1), done('b', [['1.1', 1]], 2), done('c', [['1.1', 2], ['4.2', 1]], 3), done('d', [['1.1', 1]], 4)]);
    expect(levels.get('1.1')?.level).toBe(2);
    expect(levels.get('1.1')?.evidence.map((e) => e.lessonId)).toEqual(['d', 'c', 'b', 'a']);
    expect(levels.get('4.2')).toMatchObject({ level: 1, evidence: [{ lessonId: 'c', level: 1, at: '2026-11-03T00:00:00.000Z' }] });
    expect(levels.has('2.1')).toBe(false);
  });

  it('compares with CV 3456’s level for the grade and reports the gap; no grade, no expectation and no gap', () => {
    const profile = buildProfile(4, ['student'], [done('a', [['1.1', 1]], 1)], []);
    const all = profile.domains.flatMap((d) => d.competencies);
    expect(all).toHaveLength(24);
    const c = all.find((x) => x.code === '1.1')!;
    expect(c).toMatchObject({ attainedLevel: 1, expectedLevel: expectedLevel('1.1', 4), gap: (expectedLevel('1.1', 4) ?? 0) - 1 });
    expect(profile.summary).toMatchObject({ attained: 1, expected: 24 - all.filter((x) => x.expectedLevel === null).length });
    const adult = buildProfile(null, ['parent'], [], []);
    expect(adult.domains.flatMap((d) => d.competencies).every((x) => x.expectedLevel === null && x.gap === 0)).toBe(true);
    expect(adult.summary).toEqual({ attained: 0, expected: 0, met: 0 });
  });

  it('recommends up to three suitable lessons above the attained level and up to the expected one, lowest level first, never one already done', () => {
    const expected = expectedLevel('1.1', 8)!; // a grade-8 learner expects more than level 1
    expect(expected).toBeGreaterThanOrEqual(3);
    const candidates = [
      candidate('x3', '1.1', 3, { gradeMin: 6, gradeMax: 9 }),
      candidate('x2', '1.1', 2, { gradeMin: 6, gradeMax: 9 }),
      candidate('done', '1.1', 2, { gradeMin: 6, gradeMax: 9 }),
      candidate('too-high', '1.1', expected + 1, { gradeMin: 6, gradeMax: 9 }),
      candidate('primary-only', '1.1', 2, { gradeMin: 1, gradeMax: 5 }),
      candidate('teachers-only', '1.1', 2, { gradeMin: null, gradeMax: null, audiences: ['teacher'] }),
      candidate('level-1', '1.1', 1, { gradeMin: 6, gradeMax: 9 }),
      candidate('x2b', '1.1', 2, { gradeMin: null, gradeMax: null }),
      candidate('x3b', '1.1', 3, { gradeMin: 8, gradeMax: 8 }),
    ];
    const profile = buildProfile(8, ['student'], [done('a', [['1.1', 1]], 1), done('done', [['2.1', 1]], 2)], candidates);
    const c = profile.domains[0].competencies.find((x) => x.code === '1.1')!;
    expect(c.recommendations.map((r) => r.lessonId)).toEqual(['x2', 'x2b', 'x3']);
    expect(c.recommendations.map((r) => r.level)).toEqual([2, 2, 3]);
  });

  it('recommends nothing once the expected level is reached; without a grade, the next level', () => {
    const met = buildProfile(4, ['student'], [done('a', [['1.1', 8]], 1)], [candidate('x', '1.1', 2)]);
    expect(met.domains[0].competencies[0]).toMatchObject({ gap: 0, recommendations: [] });
    const adult = buildProfile(null, ['parent'], [], [candidate('p1', '1.1', 1, { audiences: ['parent'] }), candidate('p2', '1.1', 2, { audiences: ['parent'] })]);
    expect(adult.domains[0].competencies[0].recommendations.map((r) => r.lessonId)).toEqual(['p1']);
  });

  it('matches a course to a learner by grade range and audience', () => {
    expect(suitsLearner({ gradeMin: 3, gradeMax: 5, audiences: ['student'] }, 4, ['student'])).toBe(true);
    expect(suitsLearner({ gradeMin: 3, gradeMax: 5, audiences: ['student'] }, 6, ['student'])).toBe(false);
    expect(suitsLearner({ gradeMin: null, gradeMax: null, audiences: ['teacher'] }, 4, ['student'])).toBe(false);
    expect(suitsLearner({ gradeMin: null, gradeMax: null, audiences: [] }, null, ['parent'])).toBe(true);
    expect(audiencesOfRoles(['teacher', 'parent'])).toEqual(['teacher', 'staff', 'parent']);
    expect(audiencesOfRoles(['learner'])).toEqual(['community']);
  });
});

describe('course completion and reading time', () => {
  const lesson = (id: string, kind: LessonInfo['kind'], required = true): LessonInfo => ({
    id,
    courseId: 'c',
    sectionId: 's',
    kind,
    titleVi: id,
    titleEn: null,
    required,
    competencies: [],
    assetId: null,
    durationSeconds: null,
    pageCount: null,
    readingSeconds: null,
    passPercent: 80,
  });
  const course: CourseInfo = { courseId: 'c', revisionId: 'r', revision: 1, titleVi: 'C', titleEn: null, audiences: [], gradeMin: null, gradeMax: null, coverAssetId: null, lessons: [lesson('v', 'video'), lesson('q', 'quiz'), lesson('extra', 'text', false)] };

  it('needs every required lesson, and each required quiz at its pass mark', () => {
    expect(courseComplete(course, new Map([['v', { bestScore: null }]]))).toBe(false);
    expect(courseComplete(course, new Map([['v', { bestScore: null }], ['q', { bestScore: 70 }]]))).toBe(false);
    expect(courseComplete(course, new Map([['v', { bestScore: null }], ['q', { bestScore: 80 }]]))).toBe(true);
    expect(courseComplete({ ...course, lessons: [lesson('x', 'text', false)] }, new Map([['x', { bestScore: null }]]))).toBe(false);
  });

  it('reads 200 words a minute, at least 30 seconds, unless the author estimated it', () => {
    expect(readingSecondsOf(5, '<p>x</p>')).toBe(300);
    expect(readingSecondsOf(null, `<p>${'từ '.repeat(400)}</p>`)).toBe(120);
    expect(readingSecondsOf(null, '<p>ngắn</p>')).toBe(30);
  });
});
