import { TT02_2025, expectedLevel } from '@lms/competency';
import type { CompetencyTagValue, LessonKind } from '@lms/courses';

/**
 * How completions become attained levels (docs/learning.md, "Competency profile rule"):
 *  - a lesson tagged with competency c at level L gives level L in c once it is complete (a quiz:
 *    once passed — a quiz lesson completes only when passed);
 *  - the attained level in c is the highest such L (levels are not added up: three level-1
 *    lessons are still level 1); its evidence is every completed lesson tagged with c, newest first;
 *  - the expected level is CV 3456's band level for the learner's grade (none without a grade);
 *  - gap = max(0, expected − attained);
 *  - recommendations: up to three published lessons tagged with c at a level above the attained one
 *    and at most the expected one (without an expectation: the next level), from courses open to
 *    the learner's grade and audience, not completed yet — lowest level first.
 */

export interface CompletedLesson {
  courseId: string;
  courseTitleVi: string;
  lessonId: string;
  lessonTitleVi: string;
  kind: LessonKind;
  competencies: readonly CompetencyTagValue[];
  completedAt: Date;
}

export interface CandidateLesson {
  courseId: string;
  courseTitleVi: string;
  lessonId: string;
  lessonTitleVi: string;
  lessonTitleEn: string | null;
  competencies: readonly CompetencyTagValue[];
  gradeMin: number | null;
  gradeMax: number | null;
  audiences: readonly string[];
}

export interface Evidence {
  courseId: string;
  courseTitleVi: string;
  lessonId: string;
  lessonTitleVi: string;
  kind: LessonKind;
  level: number;
  at: string;
}

export interface Recommendation {
  courseId: string;
  courseTitleVi: string;
  lessonId: string;
  lessonTitleVi: string;
  lessonTitleEn: string | null;
  level: number;
}

export interface CompetencyStanding {
  code: string;
  nameVi: string;
  nameEn: string;
  attainedLevel: number;
  expectedLevel: number | null;
  gap: number;
  evidence: Evidence[];
  recommendations: Recommendation[];
}

export interface DomainStanding {
  code: string;
  nameVi: string;
  nameEn: string;
  competencies: CompetencyStanding[];
}

export interface ProfileSummary {
  attained: number;
  expected: number;
  met: number;
}

const MAX_RECOMMENDATIONS = 3;
const MAX_LEVEL = 8;

/** The highest level reached in each competency, with every completion that shows it (newest first). */
export function attainedLevels(completed: readonly CompletedLesson[]): Map<string, { level: number; evidence: Evidence[] }> {
  const result = new Map<string, { level: number; evidence: Evidence[] }>();
  const newestFirst = [...completed].sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime());
  for (const lesson of newestFirst) {
    for (const tag of lesson.competencies) {
      const entry = result.get(tag.code) ?? { level: 0, evidence: [] };
      entry.level = Math.max(entry.level, tag.level);
      entry.evidence.push({ courseId: lesson.courseId, courseTitleVi: lesson.courseTitleVi, lessonId: lesson.lessonId, lessonTitleVi: lesson.lessonTitleVi, kind: lesson.kind, level: tag.level, at: lesson.completedAt.toISOString() });
      result.set(tag.code, entry);
    }
  }
  return result;
}

/** Whether a course is meant for this learner: their grade in its range, their audience among its audiences. */
export function suitsLearner(candidate: Pick<CandidateLesson, 'gradeMin' | 'gradeMax' | 'audiences'>, grade: number | null, audiences: readonly string[]): boolean {
  if (grade !== null && ((candidate.gradeMin !== null && grade < candidate.gradeMin) || (candidate.gradeMax !== null && grade > candidate.gradeMax))) return false;
  return candidate.audiences.length === 0 || audiences.length === 0 || candidate.audiences.some((a) => audiences.includes(a));
}

/** The whole profile: the 24 competencies by domain, and the summary. */
export function buildProfile(
  grade: number | null,
  audiences: readonly string[],
  completed: readonly CompletedLesson[],
  candidates: readonly CandidateLesson[],
): { domains: DomainStanding[]; summary: ProfileSummary } {
  const attained = attainedLevels(completed);
  const done = new Set(completed.map((c) => c.lessonId));
  const suitable = candidates.filter((c) => !done.has(c.lessonId) && suitsLearner(c, grade, audiences));
  const summary: ProfileSummary = { attained: 0, expected: 0, met: 0 };
  const domains = TT02_2025.domains.map((domain) => ({
    code: domain.code,
    nameVi: domain.nameVi,
    nameEn: domain.nameEn,
    competencies: domain.competencies.map((c): CompetencyStanding => {
      const level = attained.get(c.code)?.level ?? 0;
      const expected = grade === null ? null : expectedLevel(c.code, grade);
      const upTo = expected ?? Math.min(MAX_LEVEL, level + 1);
      if (level > 0) summary.attained++;
      if (expected !== null) {
        summary.expected++;
        if (level >= expected) summary.met++;
      }
      const recommendations: Recommendation[] = [];
      if (upTo > level) {
        const options = suitable
          .flatMap((l) => l.competencies.filter((t) => t.code === c.code && t.level > level && t.level <= upTo).map((t) => ({ l, level: t.level })))
          .sort((a, b) => a.level - b.level || a.l.courseTitleVi.localeCompare(b.l.courseTitleVi, 'vi'));
        const seen = new Set<string>();
        for (const o of options) {
          if (seen.has(o.l.lessonId)) continue;
          seen.add(o.l.lessonId);
          recommendations.push({ courseId: o.l.courseId, courseTitleVi: o.l.courseTitleVi, lessonId: o.l.lessonId, lessonTitleVi: o.l.lessonTitleVi, lessonTitleEn: o.l.lessonTitleEn, level: o.level });
          if (recommendations.length === MAX_RECOMMENDATIONS) break;
        }
      }
      return {
        code: c.code,
        nameVi: c.nameVi,
        nameEn: c.nameEn,
        attainedLevel: level,
        expectedLevel: expected,
        gap: expected === null ? 0 : Math.max(0, expected - level),
        evidence: attained.get(c.code)?.evidence ?? [],
        recommendations,
      };
    }),
  }));
  return { domains, summary };
}

/** The audiences a person's roles make them part of (course audiences: staff, teacher, student, parent, community). */
export function audiencesOfRoles(roles: readonly string[]): string[] {
  const out = new Set<string>();
  for (const role of roles) {
    if (role === 'student') out.add('student');
    else if (role === 'parent') out.add('parent');
    else if (role === 'learner') out.add('community');
    else if (role === 'teacher') {
      out.add('teacher');
      out.add('staff');
    } else if (role !== 'author') out.add('staff');
  }
  return [...out];
}
