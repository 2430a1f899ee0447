// Vietnamese personal names for synthetic rosters: family names with their approximate share of
// the population (Nguyễn ~38%, Trần ~11%, Lê ~9.5% …; in the North, Hoàng and Vũ far outnumber
// Huỳnh and Võ), and middle and given names by gender and generation (children born 2005–2023
// rarely get "Văn"/"Thị", their parents and teachers often do). Approximate, for realism only.
import { type Prng, WeightedTable } from './prng';

export type Gender = 'male' | 'female';
export type Generation = 'child' | 'adult';

export const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7.1],
  ['Hoàng', 4.8],
  ['Huỳnh', 0.3],
  ['Phan', 4.5],
  ['Vũ', 3.6],
  ['Võ', 0.3],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  // The remaining ~11%, with a few names typical of Hải Phòng and Hải Dương (Mạc, Khúc, Nhữ).
  ['Đào', 1],
  ['Đinh', 1],
  ['Đoàn', 0.8],
  ['Trịnh', 0.7],
  ['Mai', 0.6],
  ['Hà', 0.6],
  ['Lương', 0.5],
  ['Cao', 0.5],
  ['Trương', 0.5],
  ['Phùng', 0.4],
  ['Tạ', 0.4],
  ['Lưu', 0.4],
  ['Tô', 0.4],
  ['Vương', 0.3],
  ['Mạc', 0.3],
  ['Lại', 0.3],
  ['Chu', 0.3],
  ['Đồng', 0.3],
  ['Nhữ', 0.2],
  ['Quách', 0.2],
  ['Kiều', 0.2],
  ['Triệu', 0.2],
  ['Nghiêm', 0.2],
  ['Phí', 0.15],
  ['Khúc', 0.15],
  ['Bạch', 0.1],
  ['Lã', 0.1],
];

const MIDDLE: Record<Generation, Record<Gender, ReadonlyArray<readonly [string, number]>>> = {
  child: {
    male: [
      ['Văn', 10], ['Minh', 14], ['Đức', 10], ['Gia', 8], ['Bảo', 8], ['Quang', 6], ['Hoàng', 6], ['Anh', 5], ['Tuấn', 4], ['Duy', 4],
      ['Hữu', 4], ['Thành', 4], ['Nhật', 4], ['Đăng', 4], ['Trung', 3], ['Khánh', 3], ['Hải', 3], ['Tiến', 2], ['Xuân', 2], ['Công', 2],
      ['Thế', 2], ['Phúc', 2], ['Ngọc', 2],
    ],
    female: [
      ['Ngọc', 10], ['Thị', 8], ['Minh', 6], ['Bảo', 6], ['Khánh', 6], ['Phương', 5], ['Thu', 5], ['Thanh', 5], ['Gia', 4], ['Hà', 4],
      ['Mai', 4], ['Thảo', 4], ['Diệu', 3], ['Tuệ', 3], ['Quỳnh', 3], ['An', 3], ['Kim', 3], ['Như', 3], ['Hoài', 2], ['Hồng', 2],
      ['Yến', 2], ['Lan', 2], ['Hải', 2], ['Tường', 1],
    ],
  },
  adult: {
    male: [
      ['Văn', 40], ['Đức', 8], ['Minh', 7], ['Quang', 6], ['Hữu', 5], ['Đình', 5], ['Công', 4], ['Thành', 4], ['Xuân', 4], ['Ngọc', 4],
      ['Tiến', 3], ['Mạnh', 3], ['Hải', 3], ['Thanh', 3], ['Trọng', 3], ['Anh', 3], ['Tuấn', 2], ['Việt', 2],
    ],
    female: [
      ['Thị', 50], ['Thu', 6], ['Thanh', 5], ['Ngọc', 5], ['Hồng', 4], ['Minh', 3], ['Phương', 3], ['Kim', 3], ['Thúy', 3], ['Hải', 2],
      ['Mai', 2], ['Lan', 2], ['Hà', 2], ['Bích', 2], ['Hoài', 2], ['Quỳnh', 2], ['Diệu', 1],
    ],
  },
};

/** "Nguyễn Thị Thu Hà": women of the parents' generation often carry a second middle name after Thị. */
const SECOND_MIDDLE_AFTER_THI = ['Thu', 'Thanh', 'Hồng', 'Minh', 'Kim', 'Ngọc', 'Thúy', 'Phương', 'Hải', 'Bích'];

const GIVEN: Record<Generation, Record<Gender, ReadonlyArray<readonly [string, number]>>> = {
  child: {
    male: [
      ['Minh', 6], ['Anh', 6], ['Huy', 4], ['Nam', 4], ['Quân', 4], ['An', 3], ['Bảo', 3], ['Đạt', 3], ['Hải', 3], ['Hưng', 3],
      ['Khang', 3], ['Khoa', 3], ['Khôi', 3], ['Long', 3], ['Phong', 3], ['Phúc', 3], ['Sơn', 3], ['Tuấn', 3], ['Bình', 2], ['Dũng', 2],
      ['Duy', 2], ['Dương', 2], ['Đức', 2], ['Hiếu', 2], ['Hoàng', 2], ['Hùng', 2], ['Khánh', 2], ['Kiên', 2], ['Lâm', 2], ['Nguyên', 2],
      ['Nhật', 2], ['Phát', 2], ['Quang', 2], ['Thắng', 2], ['Thành', 2], ['Thịnh', 2], ['Tiến', 2], ['Trung', 2], ['Tùng', 2], ['Việt', 2],
      ['Vinh', 2], ['Vũ', 2], ['Trí', 2], ['Cường', 1], ['Lộc', 1], ['Nghĩa', 1], ['Tài', 1], ['Toàn', 1], ['Hào', 1],
    ],
    female: [
      ['Anh', 7], ['Linh', 6], ['Nhi', 5], ['Vy', 5], ['An', 4], ['Chi', 4], ['Hân', 4], ['My', 4], ['Thảo', 4], ['Thư', 4],
      ['Trang', 4], ['Hà', 3], ['Mai', 3], ['Ngân', 3], ['Ngọc', 3], ['Phương', 3], ['Quỳnh', 3], ['Châu', 2], ['Giang', 2], ['Hằng', 2],
      ['Huyền', 2], ['Hương', 2], ['Lan', 2], ['Tâm', 2], ['Trâm', 2], ['Uyên', 2], ['Vân', 2], ['Yến', 2], ['Như', 2], ['Diệp', 1],
      ['Hạnh', 1], ['Hoa', 1], ['Loan', 1], ['Nga', 1], ['Nhung', 1], ['Oanh', 1], ['Quyên', 1], ['Thủy', 1], ['Xuân', 1], ['Khuê', 1],
      ['Tú', 1],
    ],
  },
  adult: {
    male: [
      ['Hùng', 4], ['Dũng', 4], ['Tuấn', 4], ['Hải', 4], ['Thắng', 3], ['Cường', 3], ['Long', 3], ['Nam', 3], ['Sơn', 3], ['Trung', 3],
      ['Hưng', 3], ['Minh', 3], ['Thành', 3], ['Bình', 3], ['Quang', 2], ['Việt', 2], ['Đức', 2], ['Hoàng', 2], ['Tiến', 2], ['Toàn', 2],
      ['Thanh', 2], ['Khánh', 2], ['Hiếu', 2], ['Tùng', 2], ['Phong', 2], ['Vinh', 2], ['Hòa', 2], ['Huy', 2], ['Lâm', 1], ['Quý', 1],
      ['Chiến', 1], ['Thịnh', 1],
    ],
    female: [
      ['Hà', 4], ['Hương', 4], ['Lan', 4], ['Hằng', 3], ['Hoa', 3], ['Huyền', 3], ['Hạnh', 3], ['Mai', 3], ['Nga', 3], ['Nhung', 3],
      ['Phương', 3], ['Thảo', 3], ['Thủy', 3], ['Trang', 3], ['Yến', 3], ['Linh', 3], ['Dung', 3], ['Hiền', 3], ['Oanh', 2], ['Loan', 2],
      ['Ngọc', 2], ['Thu', 2], ['Vân', 2], ['Liên', 2], ['Tâm', 2], ['Huệ', 2], ['Xuân', 2], ['Giang', 2], ['Hồng', 2], ['Lý', 1],
      ['Nhàn', 1], ['Quyên', 1], ['Chi', 1],
    ],
  },
};

const familyTable = new WeightedTable(FAMILY_NAMES);
const middleTables = {
  child: { male: new WeightedTable(MIDDLE.child.male), female: new WeightedTable(MIDDLE.child.female) },
  adult: { male: new WeightedTable(MIDDLE.adult.male), female: new WeightedTable(MIDDLE.adult.female) },
};
const givenTables = {
  child: { male: new WeightedTable(GIVEN.child.male), female: new WeightedTable(GIVEN.child.female) },
  adult: { male: new WeightedTable(GIVEN.adult.male), female: new WeightedTable(GIVEN.adult.female) },
};

export function familyName(rng: Prng): string {
  return familyTable.pick(rng);
}

/** A full name (họ, đệm, tên) with diacritics, in NFC. */
export function fullName(rng: Prng, gender: Gender, generation: Generation, family: string = familyName(rng)): string {
  const middle = middleTables[generation][gender].pick(rng);
  let given = givenTables[generation][gender].pick(rng);
  // "Minh Minh" does not happen: draw again (a second clash is left alone; it is vanishingly rare).
  if (given === middle) given = givenTables[generation][gender].pick(rng);
  const parts = [family, middle];
  if (generation === 'adult' && middle === 'Thị' && rng.chance(0.25)) {
    const second = rng.pick(SECOND_MIDDLE_AFTER_THI);
    if (second !== given) parts.push(second);
  }
  parts.push(given);
  return parts.join(' ').normalize('NFC');
}
