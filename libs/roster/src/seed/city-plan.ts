// A synthetic Hải Phòng, as data only (no database): which communes, institutions and classes a
// city of N students has, and the people in each (students with parents, staff, officers). Pure
// and deterministic: the same (students, seed) gives the same city, byte for byte, so seeding twice
// matches every person by code and adds nothing.
import type { CommuneKind, InstitutionKind, Ownership } from '@lms/org';
import type { StaffRow, StudentRow } from '../parse/parse-roster';
import {
  COLLEGES,
  COMMUNES,
  type CommuneSpec,
  DEPARTMENT_NAME,
  KIND_PREFIX,
  MAJORS,
  MOBILE_PREFIXES,
  NAMESAKES,
  PRESCHOOL_NAMES,
  PRIVATE_SCHOOL_NAMES,
  UNIVERSITIES,
} from './hai-phong';
import { Prng } from './prng';
import { familyName, fullName, type Gender } from './vietnamese-names';

/** The school year the data is for: 2026–2027. A pupil of grade g was born in 2021 − g (grade 1: 2020). */
export const SCHOOL_YEAR_START = 2026;
export const MAX_SEED_STUDENTS = 2_000_000;
/** Hải Phòng's province code, the first three digits of every personal identification number (mã định danh). */
export const PROVINCE_CODE = '031';
/** From about 100,000 students every one of the 114 units is present. */
const STUDENTS_PER_COMMUNE = 877;
const MIN_COMMUNES = 2;
/**
 * Serials 990000–999999 of the six-digit part of a code, and phone numbers 0900000xxx, are kept
 * for the demo seed, so the demo and any seeded city never hand the same code to two people.
 */
const RESERVED_SERIAL = 990_000;
const RESERVED_PHONE_PREFIX = '0900000';

export function birthYearOfGrade(grade: number): number {
  return SCHOOL_YEAR_START - 5 - grade;
}

export interface ClassPlan {
  name: string;
  /** 1–12, or null for a cohort (preschool groups, vocational, college and university classes). */
  grade: number | null;
  birthYear: number;
  size: number;
}

export interface InstitutionPlan {
  /** Position in the city (processing order). */
  index: number;
  name: string;
  kind: InstitutionKind;
  ownership: Ownership;
  /** Index into `communes`; null: directly under the Department (colleges, universities). */
  commune: number | null;
  students: number;
  classes: ClassPlan[];
  managers: number;
  teachers: number;
}

export interface CommunePlan {
  index: number;
  name: string;
  kind: CommuneKind;
  institutions: InstitutionPlan[];
}

export interface CityPlan {
  seed: number;
  students: number;
  departmentName: string;
  communes: CommunePlan[];
  /** Colleges and universities, under the Department. */
  departmentInstitutions: InstitutionPlan[];
  /** Every institution, in the order they are written. */
  institutions: InstitutionPlan[];
  classes: number;
  /** Institution staff plus one department manager and one officer per commune. */
  staff: number;
}

/** Independent streams from one seed (the plan and the people draw from different ones). */
export function deriveSeed(seed: number, stream: number): number {
  return (Math.imul(seed >>> 0, 0x85ebca6b) + Math.imul(stream, 0xc2b2ae35)) >>> 0;
}

/** Students per institution, relative (preschool 21%, primary 35%, lower secondary 28%, upper secondary 12% of a city). */
const KIND_WEIGHT: Record<InstitutionKind, number> = {
  preschool: 140,
  primary: 233,
  lower_secondary: 280,
  upper_secondary: 300,
  continuing_education: 75,
  vocational: 60,
  college: 200,
  university: 400,
};

/** Share of private institutions by kind (about 10% over the city). */
const PRIVATE_SHARE: Record<InstitutionKind, number> = {
  preschool: 0.2,
  primary: 0.05,
  lower_secondary: 0.03,
  upper_secondary: 0.15,
  continuing_education: 0,
  vocational: 0.3,
  college: 0,
  university: 0,
};

/** Share of women among staff, by kind. */
const FEMALE_STAFF: Record<InstitutionKind, number> = {
  preschool: 0.97,
  primary: 0.85,
  lower_secondary: 0.72,
  upper_secondary: 0.62,
  continuing_education: 0.55,
  vocational: 0.4,
  college: 0.5,
  university: 0.5,
};

type Level = { label: string; grade: number | null; birthYear: number };

const PRESCHOOL_LEVELS: Level[] = [
  { label: 'Mầm', grade: null, birthYear: SCHOOL_YEAR_START - 3 },
  { label: 'Chồi', grade: null, birthYear: SCHOOL_YEAR_START - 4 },
  { label: 'Lá', grade: null, birthYear: SCHOOL_YEAR_START - 5 },
];
const grades = (from: number, to: number): Level[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ label: String(from + i), grade: from + i, birthYear: birthYearOfGrade(from + i) }));

/** Class sizes: the usual one, and the most a class takes before it is split. */
const LAYOUT: Record<InstitutionKind, { classSize: number; maxSize: number; levels?: Level[]; entryYears?: number[]; entryAge?: number }> = {
  preschool: { classSize: 28, maxSize: 35, levels: PRESCHOOL_LEVELS },
  primary: { classSize: 35, maxSize: 42, levels: grades(1, 5) },
  lower_secondary: { classSize: 40, maxSize: 45, levels: grades(6, 9) },
  upper_secondary: { classSize: 42, maxSize: 45, levels: grades(10, 12) },
  continuing_education: { classSize: 35, maxSize: 45, levels: grades(10, 12) },
  vocational: { classSize: 30, maxSize: 40, entryYears: [2025, 2026], entryAge: 16 },
  college: { classSize: 40, maxSize: 55, entryYears: [2024, 2025, 2026], entryAge: 18 },
  university: { classSize: 50, maxSize: 65, entryYears: [2023, 2024, 2025, 2026], entryAge: 18 },
};

function classCount(students: number, usual: number, max: number): number {
  let n = Math.max(1, Math.round(students / usual));
  while (students / n > max) n++;
  return n;
}

/** Splits `total` into parts proportional to `weights`, summing exactly to `total` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || weights.length === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]]++;
  return parts;
}

function layoutClasses(kind: InstitutionKind, students: number, rng: Prng): ClassPlan[] {
  if (students === 0) return [];
  const layout = LAYOUT[kind];
  const classes: ClassPlan[] = [];
  const evenly = (count: number, parts: number) => Array.from({ length: parts }, (_, k) => Math.floor(count / parts) + (k < count % parts ? 1 : 0));
  if (layout.levels) {
    const perLevel = apportion(students, layout.levels.map(() => rng.between(0.88, 1.12)));
    layout.levels.forEach((level, i) => {
      const count = perLevel[i];
      if (count === 0) return;
      const sizes = evenly(count, classCount(count, layout.classSize, layout.maxSize));
      sizes.forEach((size, k) => {
        const name = level.grade === null ? `${level.label} ${k + 1}` : `${level.grade}A${k + 1}`;
        classes.push({ name, grade: level.grade, birthYear: level.birthYear, size });
      });
    });
    return classes;
  }
  const years = layout.entryYears!;
  const majors = MAJORS[kind as 'vocational' | 'college' | 'university'];
  const sizes = evenly(students, classCount(students, layout.classSize, layout.maxSize));
  sizes.forEach((size, c) => {
    const entry = years[c % years.length];
    const major = majors[Math.floor(c / years.length) % majors.length];
    const n = Math.floor(c / (years.length * majors.length)) + 1;
    classes.push({ name: `K${entry % 100} ${major} ${n}`, grade: null, birthYear: entry - layout.entryAge!, size });
  });
  return classes;
}

/** Names an institution, unique within its commune. */
function institutionName(kind: InstitutionKind, ownership: Ownership, commune: CommuneSpec, nth: number, used: Set<string>, rng: Prng): string {
  const prefix = KIND_PREFIX[kind][ownership];
  const candidates: string[] = [];
  if (ownership === 'private') candidates.push(rng.pick(PRIVATE_SCHOOL_NAMES), rng.pick(PRIVATE_SCHOOL_NAMES), rng.pick(PRIVATE_SCHOOL_NAMES));
  else if (kind === 'continuing_education' || kind === 'vocational') candidates.push(commune.baseName);
  else if (kind === 'preschool') {
    if (nth === 0) candidates.push(commune.baseName);
    candidates.push(rng.pick(PRESCHOOL_NAMES), rng.pick(PRESCHOOL_NAMES), rng.pick(PRESCHOOL_NAMES));
  } else {
    if (nth === 0 && (kind !== 'upper_secondary' || rng.chance(0.5))) candidates.push(commune.baseName);
    candidates.push(rng.pick(NAMESAKES), rng.pick(NAMESAKES), rng.pick(NAMESAKES));
  }
  for (const candidate of candidates) {
    const name = `${prefix} ${candidate}`;
    if (!used.has(name.toLocaleLowerCase('vi'))) {
      used.add(name.toLocaleLowerCase('vi'));
      return name;
    }
  }
  for (let n = 2; ; n++) {
    const name = `${prefix} ${commune.baseName} số ${n}`;
    if (!used.has(name.toLocaleLowerCase('vi'))) {
      used.add(name.toLocaleLowerCase('vi'));
      return name;
    }
  }
}

/** The shape of a city of `students` students: communes, institutions by kind, classes by grade, staff counts. */
export function planCity(students: number, seed: number): CityPlan {
  if (!Number.isSafeInteger(students) || students < 1 || students > MAX_SEED_STUDENTS) {
    throw new RangeError(`students must be an integer from 1 to ${MAX_SEED_STUDENTS}`);
  }
  const rng = new Prng(deriveSeed(seed, 1));
  const communeCount = Math.min(COMMUNES.length, Math.max(MIN_COMMUNES, Math.round(students / STUDENTS_PER_COMMUNE)));
  const perCommune = students / communeCount;
  // Beyond ~877 students a commune, bigger communes have more schools (1.05 million students: ~1,600 institutions).
  const grow = (per: number) => Math.floor(Math.max(0, perCommune - STUDENTS_PER_COMMUNE) / per);

  type Draft = Omit<InstitutionPlan, 'index' | 'students' | 'classes' | 'managers' | 'teachers'> & { weight: number };
  const drafts: Draft[] = [];
  const communes: CommunePlan[] = [];
  for (let i = 0; i < communeCount; i++) {
    const spec = COMMUNES[i];
    const tiny = spec.weight < 0.1;
    const counts: Array<[InstitutionKind, number]> = [
      ['preschool', tiny ? 1 : (rng.chance(0.5) ? 2 : 1) + grow(2200)],
      ['primary', tiny ? 1 : (rng.chance(0.5) ? 2 : 1) + grow(2200)],
      ['lower_secondary', tiny ? 1 : 1 + grow(2400)],
      ['upper_secondary', tiny ? 0 : (i % 3 === 0 || rng.chance(0.15) ? 1 : 0) + (rng.chance(Math.min(0.9, Math.max(0, perCommune - STUDENTS_PER_COMMUNE) / 12_000)) ? 1 : 0)],
      ['continuing_education', !tiny && i % 5 === 1 ? 1 : 0],
      ['vocational', !tiny && i % 6 === 3 ? 1 : 0],
    ];
    const used = new Set<string>();
    communes.push({ index: i, name: spec.name, kind: spec.kind, institutions: [] });
    for (const [kind, count] of counts) {
      for (let nth = 0; nth < count; nth++) {
        const ownership: Ownership = rng.chance(PRIVATE_SHARE[kind]) ? 'private' : 'public';
        const name = institutionName(kind, ownership, spec, nth, used, rng);
        drafts.push({ name, kind, ownership, commune: i, weight: KIND_WEIGHT[kind] * spec.weight * rng.between(0.75, 1.25) });
      }
    }
  }
  const colleges = Math.min(COLLEGES.length, Math.max(1, Math.round((communeCount * 6) / COMMUNES.length)));
  const universities = Math.min(UNIVERSITIES.length, Math.round((communeCount * 4) / COMMUNES.length));
  for (const [list, count, kind] of [[COLLEGES, colleges, 'college'], [UNIVERSITIES, universities, 'university']] as const) {
    for (let k = 0; k < count; k++) {
      drafts.push({ name: list[k][0], kind, ownership: list[k][1], commune: null, weight: KIND_WEIGHT[kind] * rng.between(0.75, 1.25) });
    }
  }

  const sizes = apportion(students, drafts.map((d) => d.weight));
  const institutions: InstitutionPlan[] = [];
  const departmentInstitutions: InstitutionPlan[] = [];
  let classCount = 0;
  let staff = 1 + communeCount;
  drafts.forEach((d, index) => {
    const classes = layoutClasses(d.kind, sizes[index], rng);
    const managers = 1 + (classes.length >= 6 ? 1 : 0) + (classes.length >= 18 && rng.chance(0.6) ? 1 : 0);
    const teachers = classes.length + rng.int(1, 3);
    const plan: InstitutionPlan = { index, name: d.name, kind: d.kind, ownership: d.ownership, commune: d.commune, students: sizes[index], classes, managers, teachers };
    institutions.push(plan);
    if (d.commune === null) departmentInstitutions.push(plan);
    else communes[d.commune].institutions.push(plan);
    classCount += classes.length;
    staff += managers + teachers;
  });
  return { seed, students, departmentName: DEPARTMENT_NAME, communes, departmentInstitutions, institutions, classes: classCount, staff };
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

export interface Officer {
  code: string;
  fullName: string;
  phone: string;
}

export interface InstitutionPeople {
  students: StudentRow[];
  staff: StaffRow[];
  /** Homeroom teachers (GVCN): the k-th teacher holds the teacher role on the k-th class. */
  homerooms: Array<{ staffCode: string; className: string }>;
}

interface Family {
  childFamilyName: string;
  parentName: string;
  phone: string;
  birthYears: number[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Draws the people of a planned city, institution by institution, in a fixed order: codes and
 * phone numbers are unique across everything one generator hands out.
 */
export class PeopleGenerator {
  private readonly rng: Prng;
  private readonly codes = new Set<number>();
  private readonly phones = new Set<number>();
  private readonly families = new Map<number, Family[]>();
  /** Distinct parents handed out so far. */
  parents = 0;

  private readonly reserved: boolean;
  private readonly withoutParent: number;

  /**
   * `reserved`: draw codes and phones from the ranges kept for the demo seed; `withoutParent`: the
   * share of school pupils whose roster gives no parent (2% by default).
   */
  constructor(seed: number, options: { reserved?: boolean; withoutParent?: number } = {}) {
    this.rng = new Prng(deriveSeed(seed, 2));
    this.reserved = options.reserved ?? false;
    this.withoutParent = options.withoutParent ?? 0.02;
  }

  /** A 12-digit personal identification number: 031, gender/century digit, birth year (2 digits), 6 digits. */
  personCode(gender: Gender, birthYear: number): string {
    const digit = (birthYear >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
    const head = `${PROVINCE_CODE}${digit}${pad(birthYear % 100, 2)}`;
    for (let attempt = 0; attempt < 100_000; attempt++) {
      const serial = this.reserved ? RESERVED_SERIAL + this.rng.int(0, 999_999 - RESERVED_SERIAL) : this.rng.int(0, RESERVED_SERIAL - 1);
      const code = `${head}${pad(serial, 6)}`;
      const key = Number(code);
      if (!this.codes.has(key)) {
        this.codes.add(key);
        return code;
      }
    }
    throw new Error(`no free personal code left for ${head}`);
  }

  /** A 10-digit mobile number, unique among those handed out. */
  phone(): string {
    for (let attempt = 0; attempt < 100_000; attempt++) {
      const phone = this.reserved ? `${RESERVED_PHONE_PREFIX}${pad(this.rng.int(0, 999), 3)}` : `${this.rng.pick(MOBILE_PREFIXES)}${pad(this.rng.int(0, 9_999_999), 7)}`;
      if (!this.reserved && phone.startsWith(RESERVED_PHONE_PREFIX)) continue;
      const key = Number(phone);
      if (!this.phones.has(key)) {
        this.phones.add(key);
        return phone;
      }
    }
    throw new Error('no free phone number left');
  }

  /** YYYY-MM-DD within `year`. */
  dateIn(year: number): string {
    const month = this.rng.int(1, 12);
    const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const day = this.rng.int(1, DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0));
    return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
  }

  gender(maleShare: number): Gender {
    return this.rng.chance(maleShare) ? 'male' : 'female';
  }

  /** A department manager or commune officer. */
  officer(): Officer {
    const gender = this.gender(0.5);
    const birthYear = this.rng.int(1970, 1992);
    return { code: this.personCode(gender, birthYear), fullName: fullName(this.rng, gender, 'adult'), phone: this.phone() };
  }

  /** Students (with parents) and staff of one planned institution; siblings share a parent within a commune. */
  institution(plan: InstitutionPlan): InstitutionPeople {
    return { students: this.students(plan), ...this.staff(plan) };
  }

  students(plan: InstitutionPlan): StudentRow[] {
    const rows: StudentRow[] = [];
    const adults = plan.kind === 'college' || plan.kind === 'university';
    const pool = plan.commune === null ? null : this.poolOf(plan.commune);
    for (const cls of plan.classes) {
      for (let seat = 0; seat < cls.size; seat++) {
        const gender = this.gender(0.53);
        // About 2% of pupils repeated a year or started late.
        const birthYear = cls.grade !== null && this.rng.chance(0.02) ? cls.birthYear - 1 : cls.birthYear;
        let family: Family | null = null;
        if (!adults && pool && !this.rng.chance(this.withoutParent)) {
          if (pool.length > 0 && this.rng.chance(0.08)) {
            // A sibling: the same parent account and family name, born at least two years apart.
            for (let attempt = 0; attempt < 4 && !family; attempt++) {
              const candidate = this.rng.pick(pool);
              if (candidate.birthYears.every((y) => Math.abs(y - birthYear) >= 2)) family = candidate;
            }
          }
          if (family) {
            family.birthYears.push(birthYear);
            if (family.birthYears.length >= 3) pool.splice(pool.indexOf(family), 1);
          } else {
            family = this.newFamily(birthYear);
            pool.push(family);
            if (pool.length > 5000) pool.shift();
          }
        }
        const childFamily = family?.childFamilyName ?? familyName(this.rng);
        rows.push({
          row: rows.length + 2,
          fullName: fullName(this.rng, gender, 'child', childFamily),
          dateOfBirth: this.dateIn(birthYear),
          className: cls.name,
          grade: cls.grade,
          studentCode: this.personCode(gender, birthYear),
          parentName: family?.parentName ?? null,
          parentPhone: family?.phone ?? null,
        });
      }
    }
    return rows;
  }

  staff(plan: InstitutionPlan): Omit<InstitutionPeople, 'students'> {
    const staff: StaffRow[] = [];
    const femaleShare = FEMALE_STAFF[plan.kind];
    for (let k = 0; k < plan.managers + plan.teachers; k++) {
      const manager = k < plan.managers;
      const gender = this.gender(1 - femaleShare);
      const birthYear = manager ? this.rng.int(1968, 1988) : this.rng.int(1968, 2003);
      staff.push({
        row: k + 2,
        fullName: fullName(this.rng, gender, 'adult'),
        role: manager ? 'institution_manager' : 'teacher',
        staffCode: this.personCode(gender, birthYear),
        email: null,
        phone: this.phone(),
      });
    }
    const teachers = staff.slice(plan.managers);
    const homerooms = plan.classes.slice(0, teachers.length).map((cls, k) => ({ staffCode: teachers[k].staffCode, className: cls.name }));
    return { staff, homerooms };
  }

  private poolOf(commune: number): Family[] {
    let pool = this.families.get(commune);
    if (!pool) {
      pool = [];
      this.families.set(commune, pool);
    }
    return pool;
  }

  private newFamily(birthYear: number): Family {
    const childFamilyName = familyName(this.rng);
    // Mothers are the contact a little more often than fathers; a father shares the child's family name.
    const mother = this.rng.chance(0.6);
    const parentName = mother ? fullName(this.rng, 'female', 'adult') : fullName(this.rng, 'male', 'adult', childFamilyName);
    this.parents++;
    return { childFamilyName, parentName, phone: this.phone(), birthYears: [birthYear] };
  }
}
