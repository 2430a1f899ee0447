import { existsSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * Account slips ("phiếu tài khoản"): after a roster import a school prints these, teachers cut
 * them apart along the dashed lines and hand one to each student (or parent, or teacher). Every
 * slip carries the username and a one-time sign-in code that must be replaced by a personal
 * password at first sign-in. Everything printed is Vietnamese; identifiers stay English.
 */

export interface AccountSlip {
  fullName: string;
  username: string;
  oneTimeCode: string;
  /** YYYY-MM-DD; printed as dd/mm/yyyy. Any other text is printed as given. */
  dateOfBirth?: string | null;
  /** e.g. "Học sinh", "Phụ huynh của Nguyễn Văn An", "Giáo viên". */
  roleLabel?: string;
}

export interface SlipGroup {
  /** e.g. "Lớp 4A1". */
  title: string;
  slips: AccountSlip[];
}

export interface AccountSlipsInput {
  institutionName: string;
  /** e.g. https://lms.haiphong.edu.vn/dang-nhap — encoded in the QR code and printed under it. */
  signInUrl: string;
  generatedAt: Date;
  groups: SlipGroup[];
}

export interface SlipFonts {
  regular: string;
  bold: string;
  /** A monospace bold face for usernames and codes (DejaVu Sans Mono); the bold face otherwise. */
  mono?: string;
}

export interface FindSlipFontOptions {
  /**
   * A directory holding DejaVuSans.ttf and DejaVuSans-Bold.ttf, taking precedence over the
   * system fonts (the LMS_PDF_FONT_DIR setting; the caller passes it from its configuration).
   */
  fontDir?: string | null;
  /** Where to look for the Debian font packages; tests replace it. */
  systemFontRoot?: string;
}

export interface RenderAccountSlipsOptions extends FindSlipFontOptions {
  /** Compress content streams (default true). Tests turn it off to read the drawn text. */
  compress?: boolean;
  /** Font files to use instead of searching for them. */
  fonts?: SlipFonts;
}

/** Page geometry (PDF points, A4 portrait). Exported so callers and tests can reason about pages. */
export const SLIP_LAYOUT = {
  pageWidth: 595.28,
  pageHeight: 841.89,
  marginX: 28,
  columns: 2,
  rows: 5,
  /** Cards per page: columns × rows. */
  cardsPerPage: 10,
  gridTop: 124,
  cardHeight: 134,
  qrSize: 68,
} as const;

const AUTHOR = 'LMS Bình dân học vụ số';
const DEBIAN_FONT_PACKAGE = 'fonts-dejavu-core';
const FONT_REGULAR = 'slip-regular';
const FONT_BOLD = 'slip-bold';
const FONT_MONO = 'slip-mono';
const INK = '#000000';
const MUTED = '#444444';
const RULE = '#888888';
const VIETNAM_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Finds TrueType fonts that can draw Vietnamese; throws naming the Debian package when none. */
export function findSlipFont(options: FindSlipFontOptions = {}): SlipFonts {
  const root = options.systemFontRoot ?? '/usr/share/fonts/truetype';
  const fontDir = options.fontDir?.trim();
  if (fontDir) {
    const found = pair(fontDir, 'DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono-Bold.ttf');
    if (found) return found;
    throw new Error(
      `LMS_PDF_FONT_DIR is set to "${fontDir}" but that directory does not hold both DejaVuSans.ttf and DejaVuSans-Bold.ttf ` +
        `(needed to print Vietnamese on account slips). Fix the directory, or unset it to use the Debian package ${DEBIAN_FONT_PACKAGE}.`,
    );
  }
  const found =
    pair(path.join(root, 'dejavu'), 'DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono-Bold.ttf') ??
    pair(path.join(root, 'noto'), 'NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSansMono-Bold.ttf');
  if (found) {
    // With Noto Sans, still prefer DejaVu Sans Mono for credentials when it is there.
    if (!found.mono) {
      const mono = path.join(root, 'dejavu', 'DejaVuSansMono-Bold.ttf');
      if (existsSync(mono)) found.mono = mono;
    }
    return found;
  }
  throw new Error(
    `No font that can draw Vietnamese was found for account slips: install the Debian package ${DEBIAN_FONT_PACKAGE} ` +
      `(${path.join(root, 'dejavu', 'DejaVuSans.ttf')} and DejaVuSans-Bold.ttf) or fonts-noto-core, ` +
      'or set LMS_PDF_FONT_DIR to a directory holding DejaVuSans.ttf and DejaVuSans-Bold.ttf.',
  );
}

function pair(dir: string, regularName: string, boldName: string, monoName: string): SlipFonts | null {
  const regular = path.join(dir, regularName);
  const bold = path.join(dir, boldName);
  if (!existsSync(regular) || !existsSync(bold)) return null;
  const mono = path.join(dir, monoName);
  return existsSync(mono) ? { regular, bold, mono } : { regular, bold };
}

/** Number of pages the layout gives: one page per started run of 10 slips in each group; at least 1. */
export function countSlipPages(groups: readonly SlipGroup[]): number {
  const pages = groups.reduce((sum, g) => sum + Math.ceil(g.slips.length / SLIP_LAYOUT.cardsPerPage), 0);
  return Math.max(1, pages);
}

/** Renders the slips of every group (each group from a new page) into one A4 PDF. */
export async function renderAccountSlips(input: AccountSlipsInput, options: RenderAccountSlipsOptions = {}): Promise<Buffer> {
  const fonts = options.fonts ?? findSlipFont(options);
  const host = hostOf(input.signInUrl);
  // One PNG for the whole document: passed as a data-URL string, pdfkit registers it by that
  // string and embeds a single image object that every page references.
  const qrDataUrl = await QRCode.toDataURL(input.signInUrl, { errorCorrectionLevel: 'M', margin: 1, scale: 6 });

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margin: 0,
    autoFirstPage: false,
    compress: options.compress ?? true,
    info: {
      Title: `Phiếu tài khoản — ${input.institutionName}`,
      Author: AUTHOR,
      Subject: 'Phiếu tài khoản đăng nhập lần đầu',
      CreationDate: input.generatedAt,
    },
    lang: 'vi-VN',
  });
  const done = collect(doc);

  try {
    doc.registerFont(FONT_REGULAR, fonts.regular);
    doc.registerFont(FONT_BOLD, fonts.bold);
    doc.registerFont(FONT_MONO, fonts.mono ?? fonts.bold);

    const ctx: PageContext = {
      doc,
      institution: input.institutionName,
      signInUrl: input.signInUrl,
      host,
      date: formatVietnamDate(input.generatedAt),
      qrDataUrl,
      pageNumber: 0,
      pageCount: countSlipPages(input.groups),
    };

    const groups = input.groups.filter((g) => g.slips.length > 0);
    if (groups.length === 0) {
      startPage(ctx, { title: 'Phiếu tài khoản', continued: false, info: `Ngày in: ${ctx.date}`, cards: false });
      doc.font(FONT_BOLD).fontSize(16).fillColor(INK);
      const message = 'Không có tài khoản mới.';
      doc.text(message, (SLIP_LAYOUT.pageWidth - doc.widthOfString(message)) / 2, 260, { lineBreak: false, baseline: 'alphabetic' });
    }
    for (const group of groups) {
      const total = group.slips.length;
      for (let start = 0; start < total; start += SLIP_LAYOUT.cardsPerPage) {
        const slips = group.slips.slice(start, start + SLIP_LAYOUT.cardsPerPage);
        const range = total > SLIP_LAYOUT.cardsPerPage ? ` · Phiếu ${start + 1}–${start + slips.length}` : '';
        startPage(ctx, { title: group.title, continued: start > 0, info: `Ngày in: ${ctx.date} · Số phiếu: ${total}${range}`, cards: true });
        drawCutLines(doc, slips.length);
        slips.forEach((slip, i) => {
          const col = i % SLIP_LAYOUT.columns;
          const row = Math.floor(i / SLIP_LAYOUT.columns);
          drawCard(ctx, group.title, slip, SLIP_LAYOUT.marginX + col * cellWidth(), SLIP_LAYOUT.gridTop + row * SLIP_LAYOUT.cardHeight);
        });
      }
    }
    doc.end();
  } catch (error) {
    doc.end();
    await done.catch(() => undefined);
    throw error;
  }
  return done;
}

interface PageContext {
  doc: PDFKit.PDFDocument;
  institution: string;
  signInUrl: string;
  host: string;
  date: string;
  qrDataUrl: string;
  pageNumber: number;
  pageCount: number;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function cellWidth(): number {
  return (SLIP_LAYOUT.pageWidth - 2 * SLIP_LAYOUT.marginX) / SLIP_LAYOUT.columns;
}

function startPage(ctx: PageContext, header: { title: string; continued: boolean; info: string; cards: boolean }): void {
  const { doc } = ctx;
  const { pageWidth, pageHeight, marginX, qrSize } = SLIP_LAYOUT;
  doc.addPage({ size: 'A4', layout: 'portrait', margin: 0 });
  ctx.pageNumber += 1;

  // QR code of the sign-in address, top right, with the address under it.
  const qrX = pageWidth - marginX - qrSize;
  doc.image(ctx.qrDataUrl, qrX, 20, { width: qrSize, height: qrSize });
  doc.font(FONT_REGULAR).fillColor(INK);
  fitText(doc, ctx.signInUrl, pageWidth - marginX, 98, { size: 7, minSize: 5, maxWidth: 200, align: 'right' });

  const left = marginX;
  const width = qrX - 16 - left;
  doc.font(FONT_BOLD).fillColor(INK);
  fitText(doc, ctx.institution, left, 36, { size: 12, minSize: 8, maxWidth: width });
  doc.font(FONT_REGULAR).fillColor(MUTED);
  fitText(doc, 'PHIẾU TÀI KHOẢN ĐĂNG NHẬP', left, 52, { size: 8.5, minSize: 8.5, maxWidth: width });
  const suffix = header.continued ? ' (tiếp)' : '';
  const suffixWidth = suffix ? doc.font(FONT_REGULAR).fontSize(12).widthOfString(suffix) + 2 : 0;
  doc.font(FONT_BOLD).fillColor(INK);
  const titleWidth = fitText(doc, header.title, left, 78, { size: 20, minSize: 11, maxWidth: width - suffixWidth });
  if (suffix) {
    doc.font(FONT_REGULAR).fontSize(12).fillColor(MUTED);
    doc.text(suffix, left + titleWidth, 78, { lineBreak: false, baseline: 'alphabetic' });
  }
  doc.font(FONT_REGULAR).fillColor(MUTED);
  fitText(doc, header.info, left, 98, { size: 9, minSize: 7, maxWidth: width });

  doc.save().lineWidth(0.75).strokeColor(RULE).moveTo(marginX, 110).lineTo(pageWidth - marginX, 110).stroke().restore();

  // Footer.
  const footerY = pageHeight - 26;
  doc.font(FONT_REGULAR).fillColor(MUTED);
  if (header.cards) fitText(doc, 'Cắt theo đường nét đứt và phát cho từng người.', marginX, footerY, { size: 8, minSize: 6, maxWidth: 300 });
  fitText(doc, `Trang ${ctx.pageNumber}/${ctx.pageCount}`, pageWidth - marginX, footerY, { size: 8, minSize: 8, maxWidth: 120, align: 'right' });
  doc.fillColor(INK);
}

/** Dashed cut lines around the cards of one page; cards fill row by row, so only the last row may be short. */
function drawCutLines(doc: PDFKit.PDFDocument, cards: number): void {
  const { columns, gridTop, cardHeight, marginX } = SLIP_LAYOUT;
  const w = cellWidth();
  const rows = Math.ceil(cards / columns);
  const inRow = (r: number): number => (r < 0 || r >= rows ? 0 : Math.min(columns, cards - r * columns));
  doc.save().lineWidth(0.6).strokeColor(RULE).dash(4, { space: 3 });
  for (let r = 0; r <= rows; r++) {
    const span = Math.max(inRow(r - 1), inRow(r));
    const y = gridTop + r * cardHeight;
    doc.moveTo(marginX, y).lineTo(marginX + span * w, y);
  }
  for (let c = 0; c <= columns; c++) {
    let rowsSpanned = 0;
    while (rowsSpanned < rows && c <= inRow(rowsSpanned)) rowsSpanned++;
    const x = marginX + c * w;
    if (rowsSpanned > 0) doc.moveTo(x, gridTop).lineTo(x, gridTop + rowsSpanned * cardHeight);
  }
  doc.stroke().undash().restore();
}

function drawCard(ctx: PageContext, groupTitle: string, slip: AccountSlip, x: number, y: number): void {
  const { doc } = ctx;
  const pad = 12;
  const left = x + pad;
  const width = cellWidth() - 2 * pad;
  const bottom = y + SLIP_LAYOUT.cardHeight;

  // From the top: name, then role (with the group), then date of birth.
  let line = y + 26;
  doc.font(FONT_BOLD).fillColor(INK);
  fitText(doc, slip.fullName.trim(), left, line, { size: 15, minSize: 9, maxWidth: width });
  const role = [slip.roleLabel?.trim(), groupTitle.trim()].filter(Boolean).join(' · ');
  doc.font(FONT_REGULAR).fillColor(MUTED);
  if (role) {
    line += 17;
    fitText(doc, role, left, line, { size: 10, minSize: 7, maxWidth: width });
  }
  const dob = formatDateOfBirth(slip.dateOfBirth);
  if (dob) {
    line += 14;
    fitText(doc, `Ngày sinh: ${dob}`, left, line, { size: 10, minSize: 7, maxWidth: width });
  }

  // From the bottom: instruction, code, username — at fixed places so every card looks alike.
  const instructionY = bottom - 11;
  const codeY = instructionY - 17;
  const usernameY = codeY - 27;

  doc.font(FONT_REGULAR).fillColor(INK);
  const usernameLabel = 'Tên đăng nhập:';
  doc.fontSize(9);
  const usernameLabelWidth = doc.widthOfString(usernameLabel);
  doc.text(usernameLabel, left, usernameY, { lineBreak: false, baseline: 'alphabetic' });
  doc.font(FONT_MONO).fillColor(INK);
  fitText(doc, slip.username, left + usernameLabelWidth + 6, usernameY, { size: 12.5, minSize: 7, maxWidth: width - usernameLabelWidth - 6, ellipsis: false });

  doc.save().roundedRect(left - 4, codeY - 19, width + 8, 26, 4).fillColor('#eeeeee').fill().restore();
  doc.font(FONT_REGULAR).fillColor(INK);
  const codeLabel = 'Mã đăng nhập lần đầu:';
  doc.fontSize(9);
  const codeLabelWidth = doc.widthOfString(codeLabel);
  doc.text(codeLabel, left, codeY, { lineBreak: false, baseline: 'alphabetic' });
  doc.font(FONT_MONO).fillColor(INK);
  fitText(doc, slip.oneTimeCode, left + codeLabelWidth + 8, codeY, { size: 19, minSize: 8, maxWidth: width - codeLabelWidth - 8, ellipsis: false });

  doc.font(FONT_REGULAR).fillColor(MUTED);
  fitText(doc, `Đăng nhập tại ${ctx.host} rồi đặt mật khẩu của riêng mình.`, left, instructionY, { size: 8, minSize: 6, maxWidth: width });
  doc.fillColor(INK);
}

interface FitOptions {
  size: number;
  minSize: number;
  maxWidth: number;
  align?: 'left' | 'right';
  /** Cut the text with "…" when it does not fit at minSize (default). Credentials are never cut. */
  ellipsis?: boolean;
}

/**
 * Draws one line with its baseline at y, in the current font, shrinking the size down to
 * minSize to fit maxWidth, then cutting it with "…" if it still does not fit. Returns the drawn width.
 */
function fitText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, o: FitOptions): number {
  // NFC: names typed with combining marks (e.g. "Unicode tổ hợp" keyboards) become the
  // precomposed letters the font draws well.
  const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  let size = o.size;
  doc.fontSize(size);
  const natural = doc.widthOfString(clean);
  if (natural > o.maxWidth) {
    size = Math.max(o.minSize, Math.floor(((o.size * o.maxWidth) / natural) * 10) / 10);
    doc.fontSize(size);
  }
  const shown = o.ellipsis === false ? clean : ellipsize(doc, clean, o.maxWidth);
  const drawnWidth = doc.widthOfString(shown);
  const left = o.align === 'right' ? x - drawnWidth : x;
  doc.text(shown, left, y, { lineBreak: false, baseline: 'alphabetic' });
  return drawnWidth;
}

function ellipsize(doc: PDFKit.PDFDocument, text: string, maxWidth: number): string {
  if (doc.widthOfString(text) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 1 && doc.widthOfString(`${chars.join('').trimEnd()}…`) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? url;
  }
}

/** dd/mm/yyyy in Vietnam time (UTC+7, no daylight saving), whatever the server's time zone. */
function formatVietnamDate(date: Date): string {
  const local = new Date(date.getTime() + VIETNAM_UTC_OFFSET_MS);
  const dd = String(local.getUTCDate()).padStart(2, '0');
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${local.getUTCFullYear()}`;
}

/** YYYY-MM-DD (optionally followed by a time) → dd/mm/yyyy; other text is kept as given. */
export function formatDateOfBirth(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : text;
}
