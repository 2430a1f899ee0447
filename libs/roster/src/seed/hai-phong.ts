// Place and school names for a synthetic Hải Phòng. After the July 2025 merger with Hải Dương the
// city has 114 commune-level units: 45 phường, 67 xã and 2 đặc khu (Cát Hải, Bạch Long Vĩ). The
// names below are plausible (most follow the new units of the former Hải Phòng and Hải Dương);
// they are synthetic data, not an official list, and the seed never claims otherwise.
import type { CommuneKind, InstitutionKind, Ownership } from '@lms/org';

export const DEPARTMENT_NAME = 'Sở Giáo dục và Đào tạo Hải Phòng';

const PHUONG = [
  'Hồng Bàng', 'Lê Chân', 'Ngô Quyền', 'Kiến An', 'Hải An', 'Dương Kinh', 'Đồ Sơn', 'An Dương', 'Thủy Nguyên', 'Hải Dương',
  'Hồng An', 'Gia Viên', 'An Biên', 'Đông Hải', 'Phù Liễn', 'Nam Đồ Sơn', 'Hưng Đạo', 'An Hải', 'An Phong', 'Thiên Hương',
  'Hòa Bình', 'Nam Triệu', 'Bạch Đằng', 'Lưu Kiếm', 'Lê Ích Mộc', 'Lê Thanh Nghị', 'Việt Hòa', 'Thành Đông', 'Nam Đồng', 'Tân Hưng',
  'Thạch Khôi', 'Tứ Minh', 'Ái Quốc', 'Chu Văn An', 'Chí Linh', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Trần Nhân Tông', 'Lê Đại Hành', 'Kinh Môn',
  'Nguyễn Đại Năng', 'Trần Liễu', 'Bắc An Phụ', 'Phạm Sư Mạnh', 'Nhị Chiểu',
];

const XA = [
  'An Lão', 'Tiên Lãng', 'Vĩnh Bảo', 'Kiến Thụy', 'Nam Sách', 'Thanh Hà', 'Kim Thành', 'Cẩm Giàng', 'Bình Giang', 'Gia Lộc',
  'Tứ Kỳ', 'Ninh Giang', 'Thanh Miện', 'An Khánh', 'An Quang', 'An Trường', 'An Hưng', 'Kiến Minh', 'Kiến Hải', 'Kiến Hưng',
  'Nghi Dương', 'Quyết Thắng', 'Tân Minh', 'Tiên Minh', 'Chấn Hưng', 'Hùng Thắng', 'Nguyễn Bỉnh Khiêm', 'Vĩnh Am', 'Vĩnh Hải', 'Vĩnh Hòa',
  'Vĩnh Thịnh', 'Vĩnh Thuận', 'Việt Khê', 'Thái Tân', 'Hợp Tiến', 'Trần Phú', 'An Phú', 'Hà Tây', 'Hà Bắc', 'Hà Nam',
  'Hà Đông', 'Cẩm Giang', 'Tuệ Tĩnh', 'Mao Điền', 'Kẻ Sặt', 'Đường An', 'Thượng Hồng', 'Yết Kiêu', 'Gia Phúc', 'Trường Tân',
  'Tân Kỳ', 'Đại Sơn', 'Chí Minh', 'Lạc Phượng', 'Nguyên Giáp', 'Vĩnh Lại', 'Khúc Thừa Dụ', 'Tân An', 'Hồng Châu', 'Bắc Thanh Miện',
  'Hải Hưng', 'Nguyễn Lương Bằng', 'Nam Thanh Miện', 'Phú Thái', 'Lai Khê', 'An Thành', 'Nam An Phụ',
];

export interface CommuneSpec {
  /** Without the prefix: "Hồng Bàng". */
  baseName: string;
  /** With it: "Phường Hồng Bàng". */
  name: string;
  kind: CommuneKind;
  /** How populous, relative to an average unit (urban wards more, the outlying island far less). */
  weight: number;
}

const PREFIX: Record<CommuneKind, string> = { phuong: 'Phường', xa: 'Xã', dac_khu: 'Đặc khu' };

function commune(baseName: string, kind: CommuneKind, weight: number): CommuneSpec {
  return { baseName, name: `${PREFIX[kind]} ${baseName}`, kind, weight };
}

/**
 * All 114 units in the order a smaller city takes them: wards and communes interleaved in the
 * city's proportion (45 : 67), central wards first, Cát Hải tenth, Bạch Long Vĩ last.
 */
export const COMMUNES: readonly CommuneSpec[] = (() => {
  const list: CommuneSpec[] = [];
  let p = 0;
  let x = 0;
  const units = PHUONG.length + XA.length;
  for (let k = 0; k < units; k++) {
    // Bresenham: a ward whenever the wards' share of the first k+1 places goes up by one.
    const wardsDue = Math.ceil(((k + 1) * PHUONG.length) / units);
    if ((p < wardsDue && p < PHUONG.length) || x >= XA.length) list.push(commune(PHUONG[p++], 'phuong', 1.2));
    else list.push(commune(XA[x++], 'xa', 0.9));
  }
  list.splice(9, 0, commune('Cát Hải', 'dac_khu', 0.6));
  list.push(commune('Bạch Long Vĩ', 'dac_khu', 0.05));
  return list;
})();

/** Historical figures schools are commonly named after. */
export const NAMESAKES = [
  'Nguyễn Trãi', 'Lê Lợi', 'Trần Phú', 'Chu Văn An', 'Lê Quý Đôn', 'Ngô Quyền', 'Trần Hưng Đạo', 'Lý Thường Kiệt', 'Nguyễn Du', 'Nguyễn Bỉnh Khiêm',
  'Lê Hồng Phong', 'Tô Hiệu', 'Nguyễn Đức Cảnh', 'Lương Khánh Thiện', 'Hai Bà Trưng', 'Quang Trung', 'Phan Bội Châu', 'Lê Văn Tám', 'Kim Đồng', 'Võ Thị Sáu',
  'Nguyễn Văn Trỗi', 'Trần Quốc Toản', 'Đinh Tiên Hoàng', 'Đoàn Thị Điểm', 'Hùng Vương', 'Lê Thánh Tông', 'Lý Tự Trọng', 'Nguyễn Khuyến', 'Mạc Đĩnh Chi', 'Phạm Ngũ Lão',
  'Nguyễn Thị Minh Khai', 'Hoàng Văn Thụ', 'Thái Phiên', 'Trần Nguyên Hãn', 'Vũ Hữu', 'Bạch Đằng', 'Lê Lai', 'Tuệ Tĩnh', 'Phan Chu Trinh', 'Nguyễn Huệ',
];

export const PRESCHOOL_NAMES = [
  'Hoa Phượng', 'Hoa Sen', 'Hoa Mai', 'Hoa Hồng', 'Sao Mai', 'Ánh Dương', 'Bình Minh', 'Tuổi Thơ', 'Hướng Dương', 'Sơn Ca',
  'Họa Mi', 'Hoa Sữa', 'Tuổi Hoa', 'Măng Non', 'Hoa Ban', 'Thỏ Ngọc', 'Búp Sen Hồng', 'Hoa Cúc',
];

export const PRIVATE_SCHOOL_NAMES = [
  'Ánh Sao', 'Ngôi Sao Nhỏ', 'Cầu Vồng', 'Thiên Thần Nhỏ', 'Ban Mai', 'Việt Úc', 'Lương Thế Vinh', 'Văn Lang', 'Marie Curie', 'Thăng Long',
  'Đông Đô', 'Newton', 'Tuệ Đức', 'Trí Tuệ', 'Hồng Đức',
];

/** How each kind is written at the start of its name (public, private). */
export const KIND_PREFIX: Record<InstitutionKind, { public: string; private: string }> = {
  preschool: { public: 'Trường Mầm non', private: 'Trường Mầm non tư thục' },
  primary: { public: 'Trường Tiểu học', private: 'Trường Tiểu học tư thục' },
  lower_secondary: { public: 'Trường THCS', private: 'Trường THCS tư thục' },
  upper_secondary: { public: 'Trường THPT', private: 'Trường THPT tư thục' },
  continuing_education: { public: 'Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên', private: 'Trung tâm Giáo dục thường xuyên' },
  vocational: { public: 'Trường Trung cấp', private: 'Trường Trung cấp tư thục' },
  college: { public: 'Trường Cao đẳng', private: 'Trường Cao đẳng' },
  university: { public: 'Trường Đại học', private: 'Trường Đại học' },
};

/** Colleges and universities, city-wide, under the Department (taken in this order). */
export const COLLEGES: ReadonlyArray<readonly [string, Ownership]> = [
  ['Trường Cao đẳng Hàng hải Hải Phòng', 'public'],
  ['Trường Cao đẳng Du lịch Hải Phòng', 'public'],
  ['Trường Cao đẳng Y tế Hải Dương', 'public'],
  ['Trường Cao đẳng Kỹ thuật Công nghiệp Hải Phòng', 'public'],
  ['Trường Cao đẳng Công nghệ và Kinh tế Duyên Hải', 'private'],
  ['Trường Cao đẳng Hải Dương', 'public'],
  ['Trường Cao đẳng Y tế Hải Phòng', 'public'],
  ['Trường Cao đẳng Bách nghệ Tây Hải Phòng', 'private'],
];

export const UNIVERSITIES: ReadonlyArray<readonly [string, Ownership]> = [
  ['Trường Đại học Hải Phòng', 'public'],
  ['Trường Đại học Hàng hải Việt Nam', 'public'],
  ['Trường Đại học Y Dược Hải Phòng', 'public'],
  ['Trường Đại học Quản lý và Công nghệ Hải Phòng', 'private'],
  ['Trường Đại học Hải Dương', 'public'],
  ['Trường Đại học Sao Đỏ', 'public'],
  ['Trường Đại học Thành Đông', 'private'],
];

export const MAJORS: Record<'vocational' | 'college' | 'university', readonly string[]> = {
  vocational: ['Điện công nghiệp', 'Công nghệ ô tô', 'Hàn', 'May thời trang', 'Kỹ thuật chế biến món ăn', 'Điện tử công nghiệp', 'Cắt gọt kim loại', 'Tin học ứng dụng'],
  college: ['Kế toán', 'Điều dưỡng', 'Quản trị khách sạn', 'Điện công nghiệp', 'Công nghệ ô tô', 'Công nghệ thông tin', 'Logistics', 'Hướng dẫn du lịch', 'Điều khiển tàu biển', 'Dược'],
  university: ['Công nghệ thông tin', 'Kinh tế vận tải biển', 'Quản trị kinh doanh', 'Ngôn ngữ Anh', 'Sư phạm Toán học', 'Y khoa', 'Luật kinh tế', 'Kỹ thuật điện', 'Logistics và quản lý chuỗi cung ứng', 'Kế toán'],
};

/** Vietnamese mobile prefixes (Viettel, VinaPhone, MobiFone): 09x, 03x, 08x, 07x. */
export const MOBILE_PREFIXES = [
  '096', '097', '098', '086', '032', '033', '034', '035', '036', '037', '038', '039', // Viettel
  '091', '094', '088', '081', '082', '083', '084', '085', // VinaPhone
  '090', '093', '089', '070', '076', '077', '078', '079', // MobiFone
];
