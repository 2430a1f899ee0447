import ExcelJS from 'exceljs';
import type { MatrixCell, ProgressMatrix } from './learning-views.service';

const dateVi = (iso: string) => new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));

/** One cell in words: "Hoàn thành 25/11/2026", "60% — Quá hạn", "Chưa ghi danh". */
export function cellText(cell: MatrixCell): string {
  if (cell.completedAt) return `Hoàn thành ${dateVi(cell.completedAt)}`;
  if (!cell.enrolled && cell.percent === 0) return 'Chưa ghi danh';
  return cell.overdue ? `${cell.percent}% — Quá hạn` : `${cell.percent}%`;
}

/** Cells a spreadsheet program would run as a formula are prefixed with an apostrophe. */
function safe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
  const v = safe(value);
  return /[",\n\r;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const HEADER = ['Họ và tên', 'Tên đăng nhập', 'Mã định danh', 'Lớp'];

/** CSV (UTF-8 with BOM, so Excel opens the Vietnamese right): one row per learner, one column per course. */
export function matrixCsv(matrix: ProgressMatrix): Buffer {
  const lines = [[...HEADER, ...matrix.courses.map((c) => c.titleVi)].map(csvField).join(',')];
  for (const learner of matrix.learners) {
    lines.push([learner.displayName, learner.username, learner.personCode ?? '', learner.className ?? '', ...learner.cells.map(cellText)].map(csvField).join(','));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

/** XLSX: the same table, overdue cells in red, completed in green, header frozen. */
export async function matrixXlsx(matrix: ProgressMatrix): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LMS Bình dân học vụ số';
  const sheet = workbook.addWorksheet('Tiến độ', { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  sheet.addRow([`Tiến độ học tập — ${matrix.unitName}`, `Xuất lúc ${dateVi(matrix.generatedAt)}`]).font = { bold: true };
  const header = sheet.addRow([...HEADER, ...matrix.courses.map((c) => (c.dueAt ? `${c.titleVi} (hạn ${dateVi(c.dueAt)})` : c.titleVi))]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const learner of matrix.learners) {
    const row = sheet.addRow([learner.displayName, learner.username, learner.personCode ?? '', learner.className ?? '', ...learner.cells.map(cellText)].map(safe));
    learner.cells.forEach((cell, i) => {
      const target = row.getCell(HEADER.length + 1 + i);
      if (cell.overdue) {
        target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8D7DA' } };
        target.font = { color: { argb: 'FF9C0006' }, bold: true };
      } else if (cell.completedAt) {
        target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD4EDDA' } };
      }
    });
  }
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 28 : i < HEADER.length ? 16 : 24;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
