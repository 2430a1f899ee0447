// The files an administrator downloads and fills in: the canonical headers and one example row.

import ExcelJS from 'exceljs';
import { rosterColumns, type RosterKind } from './roster-columns';
import { csvLine } from './error-report';

interface TemplateColumn {
  header: string;
  required: boolean;
  /** The example row's cell: text as typed, or a date / number for the XLSX template. */
  example: string | number | Date;
  /** How the cell reads in the CSV template. */
  exampleText: string;
  numFmt?: string;
  note: string;
}

const EXAMPLE_BIRTH_DATE = new Date(Date.UTC(2015, 2, 15));

const NOTES: Record<RosterKind, Record<string, { example: string | number | Date; exampleText?: string; numFmt?: string; note: string }>> = {
  students: {
    fullName: { example: 'Nguyễn Thị Minh Anh', note: 'Họ và tên đầy đủ, có dấu.' },
    dateOfBirth: { example: EXAMPLE_BIRTH_DATE, exampleText: '15/03/2015', numFmt: 'dd/mm/yyyy', note: 'Dạng dd/mm/yyyy, ví dụ 15/03/2015.' },
    className: { example: '4A1', note: 'Tên lớp, ví dụ 4A1 hoặc 10 Toán.' },
    grade: { example: 4, exampleText: '4', note: 'Số từ 1 đến 12; để trống thì lấy theo số đầu của tên lớp.' },
    studentCode: { example: '031215001234', numFmt: '@', note: 'Mã định danh của học sinh; không trùng nhau trong tệp.' },
    parentName: { example: 'Nguyễn Văn Hùng', note: 'Không bắt buộc.' },
    parentPhone: { example: '0912345678', numFmt: '@', note: 'Bắt buộc khi có họ tên phụ huynh; ví dụ 0912345678.' },
  },
  staff: {
    fullName: { example: 'Trần Thị Thu Hà', note: 'Họ và tên đầy đủ, có dấu.' },
    role: { example: 'giáo viên', note: 'Một trong: giáo viên, quản lý, tác giả.' },
    staffCode: { example: 'GV0001', numFmt: '@', note: 'Mã cán bộ; không trùng nhau trong tệp.' },
    email: { example: 'ha.ttt@thcs-ngoquyen.edu.vn', note: 'Cần email hoặc số điện thoại (ít nhất một).' },
    phone: { example: '0987654321', numFmt: '@', note: 'Cần email hoặc số điện thoại (ít nhất một).' },
  },
};

function templateColumns(kind: RosterKind): TemplateColumn[] {
  return rosterColumns(kind).map((column) => {
    const notes = NOTES[kind][column.field];
    if (!notes) throw new Error(`No template example for ${kind}.${column.field}.`);
    return {
      header: column.header,
      required: column.required,
      example: notes.example,
      exampleText: notes.exampleText ?? String(notes.example),
      numFmt: notes.numFmt,
      note: notes.note,
    };
  });
}

/** UTF-8 with a BOM, comma-separated: the header and one example row. */
export function rosterTemplateCsv(kind: RosterKind): Buffer {
  const columns = templateColumns(kind);
  const text = `\uFEFF${csvLine(columns.map((column) => column.header))}${csvLine(columns.map((column) => column.exampleText))}`;
  return Buffer.from(text, 'utf8');
}

const SHEET_NAMES: Record<RosterKind, string> = { students: 'Học sinh', staff: 'Cán bộ' };

/** An .xlsx workbook: the roster sheet (bold header, example row, widths, text cells for codes and phones) and a help sheet. */
export async function rosterTemplateXlsx(kind: RosterKind): Promise<Buffer> {
  const columns = templateColumns(kind);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LMS Bình dân học vụ số';

  const sheet = workbook.addWorksheet(SHEET_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: Math.max(column.header.length, column.exampleText.length) + 6,
    ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(columns.map((column) => column.example));

  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', width: 22 },
    { header: 'Bắt buộc', width: 10 },
    { header: 'Ghi chú', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of columns) help.addRow([column.header, column.required ? 'Có' : 'Không', column.note]);
  help.addRow([]);
  help.addRow(['Chỉ trang tính đầu tiên được nhập. Hãy xoá dòng ví dụ trước khi tải tệp lên.']);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
