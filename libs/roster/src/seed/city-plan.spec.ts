import { COMMUNES } from './hai-phong';
import { PeopleGenerator, apportion, birthYearOfGrade, planCity } from './city-plan';

describe('synthetic city plan', () => {
  it('knows the 114 commune-level units of Hải Phòng: 45 phường, 67 xã, 2 đặc khu, all named differently', () => {
    expect(COMMUNES).toHaveLength(114);
    const kinds = COMMUNES.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.kind]: (acc[c.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ phuong: 45, xa: 67, dac_khu: 2 });
    expect(new Set(COMMUNES.map((c) => c.name)).size).toBe(114);
    expect(COMMUNES.filter((c) => c.kind === 'dac_khu').map((c) => c.baseName).sort()).toEqual(['Bạch Long Vĩ', 'Cát Hải']);
    expect(COMMUNES[0].name).toBe('Phường Hồng Bàng');
  });

  it('scales with the number of students: fewer communes for a small city, all 114 from 100,000', () => {
    expect(planCity(2000, 1).communes).toHaveLength(2);
    expect(planCity(10_000, 1).communes.length).toBeGreaterThan(5);
    const city = planCity(100_000, 1);
    expect(city.communes).toHaveLength(114);
    expect(city.institutions.reduce((n, i) => n + i.students, 0)).toBe(100_000);
    const kinds = new Set(city.institutions.map((i) => i.kind));
    expect(kinds.size).toBe(8);
    const privateShare = city.institutions.filter((i) => i.ownership === 'private').length / city.institutions.length;
    expect(privateShare).toBeGreaterThan(0.05);
    expect(privateShare).toBeLessThan(0.15);
    const million = planCity(1_000_000, 1);
    expect(million.institutions.length).toBeGreaterThan(1200);
    expect(million.institutions.length).toBeLessThan(2200);
  });

  it('is deterministic for a seed', () => {
    expect(planCity(5000, 42)).toEqual(planCity(5000, 42));
    expect(planCity(5000, 43)).not.toEqual(planCity(5000, 42));
  });

  it('apportions exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    expect(apportion(7, [0, 0])).toEqual([0, 0]);
  });

  it('draws unique codes (031 + gender/century + birth year + 6 digits) and dates of birth that fit the grade', () => {
    const city = planCity(20_000, 3);
    const people = new PeopleGenerator(3);
    const codes = new Set<string>();
    for (const inst of city.institutions) {
      for (const s of people.students(inst)) {
        expect(s.studentCode).toMatch(/^031[23]\d{8}$/);
        const year = Number(s.dateOfBirth!.slice(0, 4));
        expect(s.studentCode.slice(4, 6)).toBe(String(year % 100).padStart(2, '0'));
        if (s.grade !== null) expect([birthYearOfGrade(s.grade), birthYearOfGrade(s.grade) - 1]).toContain(year);
        codes.add(s.studentCode);
      }
    }
    expect(codes.size).toBe(20_000);
  });

  it('keeps the demo ranges apart from any city', () => {
    const demo = new PeopleGenerator(1, { reserved: true });
    for (let i = 0; i < 200; i++) {
      expect(Number(demo.personCode('female', 2015).slice(6))).toBeGreaterThanOrEqual(990_000);
      expect(demo.phone()).toMatch(/^0900000\d{3}$/);
    }
    const city = new PeopleGenerator(1);
    for (let i = 0; i < 2000; i++) {
      expect(Number(city.personCode('male', 2015).slice(6))).toBeLessThan(990_000);
      expect(city.phone()).toMatch(/^0(9[0-8]|3[2-9]|8[1-689]|7[06-9])\d{7}$/);
    }
  });
});
