import { COMPETENCY_CODES, bandOfGrade, competencyTagProblems, expectedLevel } from './competency.rules';
import { TT02_2025 } from './tt02-2025.data';

describe('the TT 02/2025 framework and CV 3456 grade bands', () => {
  it('has 6 domains, 24 competencies and 8 levels', () => {
    expect(TT02_2025.domains).toHaveLength(6);
    expect(COMPETENCY_CODES.size).toBe(24);
    expect(TT02_2025.levels.map((l) => l.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('maps grades to bands: 1–3 CB1, 4–5 CB2, 6–7 TC1, 8–9 TC2, 10–12 NC1', () => {
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 12].map(bandOfGrade)).toEqual(['CB1', 'CB1', 'CB2', 'CB2', 'TC1', 'TC1', 'TC2', 'TC2', 'NC1', 'NC1']);
    expect(bandOfGrade(0)).toBeNull();
    expect(bandOfGrade(13)).toBeNull();
  });

  it('expects the band’s level, shifted by one for 6.1 and 6.3', () => {
    expect(expectedLevel('1.1', 2)).toBe(1);
    expect(expectedLevel('1.1', 11)).toBe(5);
    expect(expectedLevel('6.1', 2)).toBeNull();
    expect(expectedLevel('6.1', 4)).toBe(1);
    expect(expectedLevel('6.3', 12)).toBe(4);
    expect(expectedLevel('9.9', 4)).toBeNull();
  });

  it('checks lesson tags against the framework', () => {
    expect(competencyTagProblems([{ code: '4.2', level: 3 }])).toEqual([]);
    expect(competencyTagProblems([{ code: '7.1', level: 3 }, { code: '4.2', level: 9 }, { code: '4.2', level: 2 }]).map((p) => p.en)).toEqual([
      'competency code "7.1" is not in the TT 02/2025 framework',
      'level 9 is not valid (1–8)',
      'competency 4.2 is tagged twice',
    ]);
  });
});
