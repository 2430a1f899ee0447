import { TT02_2025 } from './tt02-2025.data';

/** CV 3456's grade bands, in order, with the grades each covers. */
export const GRADE_BANDS: ReadonlyArray<{ band: string; grades: readonly number[] }> = [
  { band: 'CB1', grades: [1, 2, 3] },
  { band: 'CB2', grades: [4, 5] },
  { band: 'TC1', grades: [6, 7] },
  { band: 'TC2', grades: [8, 9] },
  { band: 'NC1', grades: [10, 11, 12] },
];

export const COMPETENCY_CODES: ReadonlySet<string> = new Set(TT02_2025.domains.flatMap((d) => d.competencies.map((c) => c.code)));
export const LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export function bandOfGrade(grade: number): string | null {
  return GRADE_BANDS.find((b) => b.grades.includes(grade))?.band ?? null;
}

/**
 * The level a learner of `grade` is expected to reach in `code` (CV 3456 reference): the band's
 * level, which for 6.1 and 6.3 is shifted by one (CB1 expects none). Null outside grades 1–12.
 */
export function expectedLevel(code: string, grade: number): number | null {
  const band = bandOfGrade(grade);
  if (!band) return null;
  const competency = TT02_2025.domains.flatMap((d) => d.competencies).find((c) => c.code === code);
  if (!competency) return null;
  const levels = competency.bandLevels as Record<string, number | null | undefined>;
  return levels[band] ?? null;
}

export interface CompetencyTag {
  code: string;
  level: number;
}

/** Problems with competency tags, in both languages; empty when every tag is in the framework. */
export function competencyTagProblems(tags: readonly CompetencyTag[]): Array<{ vi: string; en: string }> {
  const problems: Array<{ vi: string; en: string }> = [];
  const seen = new Set<string>();
  for (const tag of tags) {
    if (!COMPETENCY_CODES.has(tag.code)) problems.push({ vi: `mã năng lực "${tag.code}" không có trong khung TT 02/2025`, en: `competency code "${tag.code}" is not in the TT 02/2025 framework` });
    if (!Number.isInteger(tag.level) || tag.level < 1 || tag.level > 8) problems.push({ vi: `bậc ${tag.level} không hợp lệ (1–8)`, en: `level ${tag.level} is not valid (1–8)` });
    if (seen.has(tag.code)) problems.push({ vi: `năng lực ${tag.code} bị gắn hai lần`, en: `competency ${tag.code} is tagged twice` });
    seen.add(tag.code);
  }
  return problems;
}
