import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  countSlipPages,
  findSlipFont,
  formatDateOfBirth,
  renderAccountSlips,
  SLIP_LAYOUT,
  type AccountSlip,
  type AccountSlipsInput,
  type SlipGroup,
} from './account-slips';

// These tests render real PDFs with the system fonts: they need the Debian package
// fonts-dejavu-core (or fonts-noto-core), as the runtime image has.

const SIGN_IN_URL = 'https://lms.haiphong.edu.vn/dang-nhap';
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hoàng Đức', 'Đặng Thị Thu Hường', 'Vũ Quốc Ưng', 'Phạm Thị Ánh Tuyết'];

function slip(i: number, extra: Partial<AccountSlip> = {}): AccountSlip {
  return {
    fullName: NAMES[i % NAMES.length] as string,
    username: `hs${String(i).padStart(4, '0')}`,
    oneTimeCode: `K7P2-M9XD-${String(i % 10_000).padStart(4, '0')}`,
    dateOfBirth: '2015-03-09',
    roleLabel: 'Học sinh',
    ...extra,
  };
}

function group(title: string, count: number, from = 0): SlipGroup {
  return { title, slips: Array.from({ length: count }, (_, i) => slip(from + i)) };
}

function input(groups: SlipGroup[]): AccountSlipsInput {
  return {
    institutionName: 'Trường Tiểu học Lê Văn Tám',
    signInUrl: SIGN_IN_URL,
    generatedAt: new Date('2025-09-05T20:30:00Z'), // 06/09/2025 in Vietnam (UTC+7)
    groups,
  };
}

// ---- Minimal reading of pdfkit's output (no PDF library) ----

const latin1 = (pdf: Buffer): string => pdf.toString('latin1');

/** Page objects: `/Type /Page` not followed by `s` (that one is the page tree). */
function pageCount(pdf: Buffer): number {
  return latin1(pdf).match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

function embeddedFontNames(pdf: Buffer): string[] {
  return [...latin1(pdf).matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[1] as string);
}

function objectBody(text: string, id: number): string {
  const start = text.search(new RegExp(`(^|\\n)${id} 0 obj\\b`));
  expect(start).toBeGreaterThanOrEqual(0);
  return text.slice(start, text.indexOf('endobj', start));
}

/** A document-information entry: a literal string holding UTF-16BE with a byte-order mark. */
function infoEntry(pdf: Buffer, key: string): string {
  const text = latin1(pdf);
  const infoId = Number(/\/Info (\d+) 0 R/.exec(text)?.[1]);
  const valueId = Number(new RegExp(`/${key} (\\d+) 0 R`).exec(objectBody(text, infoId))?.[1]);
  const literal = /\(([\s\S]*)\)\s*$/.exec(objectBody(text, valueId).trim())?.[1] ?? '';
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const raw = literal.replace(/\\([0-7]{1,3}|[\s\S])/g, (_, e: string) =>
    /^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (escapes[e] ?? e),
  );
  const bytes = Buffer.from(raw, 'latin1');
  expect([...bytes.subarray(0, 2)]).toEqual([0xfe, 0xff]);
  return bytes.subarray(2).swap16().toString('utf16le');
}

/**
 * The text drawn in an uncompressed document: each `/Fn size Tf [<glyph ids> …] TJ` run decoded
 * through that font's ToUnicode map (pdfkit writes Identity-H fonts with bfrange arrays).
 */
function drawnText(pdf: Buffer): string[] {
  const text = latin1(pdf);
  const fontObjects = new Map<string, number>();
  for (const m of text.matchAll(/\/(F\d+) (\d+) 0 R/g)) fontObjects.set(m[1] as string, Number(m[2]));
  const maps = new Map<string, Map<number, string>>();
  for (const [name, id] of fontObjects) {
    const toUnicode = Number(/\/ToUnicode (\d+) 0 R/.exec(objectBody(text, id))?.[1]);
    const cmap = objectBody(text, toUnicode);
    const glyphs = new Map<number, string>();
    for (const range of cmap.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/gi)) {
      const first = parseInt(range[1] as string, 16);
      [...(range[2] as string).matchAll(/<([0-9a-f]+)>/gi)].forEach((u, i) => {
        const units = (u[1] as string).match(/.{4}/g) ?? [];
        glyphs.set(first + i, String.fromCharCode(...units.map((h) => parseInt(h, 16))));
      });
    }
    maps.set(name, glyphs);
  }
  return [...text.matchAll(/\/(F\d+) [\d.]+ Tf\s*\[([^\]]*)\] TJ/g)].map((run) => {
    const glyphs = maps.get(run[1] as string) ?? new Map<number, string>();
    const hex = [...(run[2] as string).matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]).join('');
    return (hex.match(/.{4}/g) ?? []).map((g) => glyphs.get(parseInt(g, 16)) ?? '\uFFFD').join('');
  });
}

describe('account slips PDF', () => {
  it('gives each group its own pages, 10 slips a page, and numbers the pages', async () => {
    const pdf = await renderAccountSlips(input([group('Lớp 4A1', 3), group('Lớp 5A2', 23, 3)]));

    expect(latin1(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(latin1(pdf.subarray(-6)).trim()).toBe('%%EOF');
    expect(SLIP_LAYOUT.cardsPerPage).toBe(10);
    expect(pageCount(pdf)).toBe(1 + 3);
    expect(countSlipPages([group('a', 3), group('b', 23)])).toBe(4);
    expect(embeddedFontNames(pdf).some((name) => /DejaVu|Noto/.test(name))).toBe(true);
    expect(pdf.length).toBeGreaterThan(20_000);
    expect(infoEntry(pdf, 'Title')).toBe('Phiếu tài khoản — Trường Tiểu học Lê Văn Tám');
    expect(infoEntry(pdf, 'Author')).toBe('LMS Bình dân học vụ số');
  });

  it('draws the Vietnamese text itself (read back through the font maps)', async () => {
    const groups = [
      { title: 'Lớp 4A1', slips: [slip(3, { roleLabel: 'Phụ huynh của Nguyễn Văn An', username: 'ph.nguyenvanan', oneTimeCode: 'H3M8-W2RT-9PXK' })] },
      group('Lớp 5A2', 23, 10),
    ];
    const runs = drawnText(await renderAccountSlips(input(groups), { compress: false }));

    expect(runs).toContain('Đặng Thị Thu Hường');
    expect(runs).toContain('Phụ huynh của Nguyễn Văn An · Lớp 4A1');
    expect(runs).toContain('Ngày sinh: 09/03/2015');
    expect(runs).toEqual(expect.arrayContaining(['Tên đăng nhập:', 'ph.nguyenvanan', 'Mã đăng nhập lần đầu:', 'H3M8-W2RT-9PXK']));
    expect(runs).toContain('Đăng nhập tại lms.haiphong.edu.vn rồi đặt mật khẩu của riêng mình.');
    expect(runs).toContain('Trường Tiểu học Lê Văn Tám');
    expect(runs).toContain(SIGN_IN_URL);
    expect(runs).toContain('Ngày in: 06/09/2025 · Số phiếu: 23 · Phiếu 11–20');
    expect(runs.filter((r) => r === ' (tiếp)')).toHaveLength(2);
    expect(runs.filter((r) => r.startsWith('Trang '))).toEqual(['Trang 1/4', 'Trang 2/4', 'Trang 3/4', 'Trang 4/4']);
    expect(runs.join('\n')).not.toContain('\uFFFD');
  });

  it('normalises names typed with combining marks, and shrinks or cuts what is too long', async () => {
    const decomposed = 'Nguyễn Thị Hường'.normalize('NFD');
    const long = 'Tôn Nữ Hoàng Phương Thảo Nguyên Khánh Vy Công Tằng Tôn Nữ';
    const runs = drawnText(
      await renderAccountSlips(input([{ title: 'Lớp 1A', slips: [slip(0, { fullName: decomposed }), slip(1, { fullName: long })] }]), { compress: false }),
    );
    expect(runs).toContain('Nguyễn Thị Hường'.normalize('NFC'));
    expect(runs.some((r) => r.endsWith('…') && long.startsWith(r.slice(0, -1)))).toBe(true);
  });

  it('prints one page saying there are no new accounts when there is nothing to print', async () => {
    for (const groups of [[], [{ title: 'Lớp 3B', slips: [] }]]) {
      const pdf = await renderAccountSlips(input(groups), { compress: false });
      expect(latin1(pdf.subarray(0, 5))).toBe('%PDF-');
      expect(pageCount(pdf)).toBe(1);
      expect(drawnText(pdf)).toEqual(expect.arrayContaining(['Không có tài khoản mới.', 'Trang 1/1']));
    }
    expect(countSlipPages([])).toBe(1);
  });

  it('embeds the QR image once, whatever the number of pages', async () => {
    const images = (pdf: Buffer): number => latin1(pdf).match(/\/Subtype\s*\/Image/g)?.length ?? 0;
    const one = await renderAccountSlips(input([group('Lớp 1A', 1)]));
    const many = await renderAccountSlips(input([group('Lớp 1A', 45), group('Lớp 1B', 12)]));
    expect(pageCount(many)).toBe(5 + 2);
    expect(images(one)).toBeGreaterThan(0);
    expect(images(many)).toBe(images(one));
  });

  it('renders a school of 3,000 slips', async () => {
    // 85 classes of 35 (4 pages each: 10 + 10 + 10 + 5) and 25 teachers (3 pages).
    const groups = Array.from({ length: 85 }, (_, i) => group(`Lớp ${1 + (i % 5)}A${1 + Math.floor(i / 5)}`, 35, i * 35));
    groups.push(group('Giáo viên', 25, 85 * 35));
    expect(groups.reduce((n, g) => n + g.slips.length, 0)).toBe(3_000);

    const pdf = await renderAccountSlips(input(groups));
    expect(pageCount(pdf)).toBe(85 * 4 + 3);
    expect(countSlipPages(groups)).toBe(85 * 4 + 3);
  }, 60_000);
});

describe('findSlipFont', () => {
  const system = path.join(__dirname, '__no_such_dir__');
  let dir: string;
  let regular: string;
  let bold: string;

  beforeAll(() => {
    ({ regular, bold } = findSlipFont());
  });
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'slip-fonts-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the system fonts', () => {
    expect(path.basename(regular)).toMatch(/^(DejaVuSans|NotoSans-Regular)\.ttf$/);
    expect(path.basename(bold)).toMatch(/^(DejaVuSans|NotoSans)-Bold\.ttf$/);
  });

  it('prefers an explicit font directory (LMS_PDF_FONT_DIR)', () => {
    copyFileSync(regular, path.join(dir, 'DejaVuSans.ttf'));
    copyFileSync(bold, path.join(dir, 'DejaVuSans-Bold.ttf'));
    expect(findSlipFont({ fontDir: dir, systemFontRoot: system })).toEqual({
      regular: path.join(dir, 'DejaVuSans.ttf'),
      bold: path.join(dir, 'DejaVuSans-Bold.ttf'),
    });
  });

  it('refuses a font directory without the fonts rather than printing something else', () => {
    expect(() => findSlipFont({ fontDir: dir })).toThrow(/LMS_PDF_FONT_DIR.*DejaVuSans\.ttf/);
  });

  it('falls back to Noto Sans from fonts-noto-core', () => {
    mkdirSync(path.join(dir, 'noto'));
    copyFileSync(regular, path.join(dir, 'noto', 'NotoSans-Regular.ttf'));
    copyFileSync(bold, path.join(dir, 'noto', 'NotoSans-Bold.ttf'));
    expect(findSlipFont({ systemFontRoot: dir })).toEqual({
      regular: path.join(dir, 'noto', 'NotoSans-Regular.ttf'),
      bold: path.join(dir, 'noto', 'NotoSans-Bold.ttf'),
    });
  });

  it('names the Debian package when no font is found', () => {
    expect(() => findSlipFont({ systemFontRoot: system })).toThrow(/fonts-dejavu-core/);
    return expect(renderAccountSlips(input([group('Lớp 1A', 1)]), { systemFontRoot: system })).rejects.toThrow(/fonts-dejavu-core/);
  });
});

describe('formatDateOfBirth', () => {
  it('prints dd/mm/yyyy and keeps anything else as given', () => {
    expect(formatDateOfBirth('2015-03-09')).toBe('09/03/2015');
    expect(formatDateOfBirth('2015-03-09T00:00:00.000Z')).toBe('09/03/2015');
    expect(formatDateOfBirth(' 9/3/2015 ')).toBe('9/3/2015');
    expect(formatDateOfBirth('')).toBeNull();
    expect(formatDateOfBirth(null)).toBeNull();
    expect(formatDateOfBirth(undefined)).toBeNull();
  });
});
