import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { MediaProcessingError } from '../media.exceptions';
import { lastLines } from './probe';
import { runCommand } from './run-command';

/** LibreOffice gets two minutes per presentation; past that it is killed (a hung import). */
export const SOFFICE_TIME_LIMIT_MS = 2 * 60_000;
/** Thumbnails of at most this many pages are rendered (the PDF itself keeps every page). */
export const MAX_THUMBNAIL_PAGES = 300;

/**
 * Converts a presentation to PDF with LibreOffice in `workDir`, with a profile of its own there
 * (two conversions sharing a profile block or corrupt each other). LibreOffice answers 0 even when
 * it could not load the file, so success is the PDF existing.
 */
export async function convertToPdf(input: string, workDir: string, timeoutMs = SOFFICE_TIME_LIMIT_MS): Promise<string> {
  const outDir = path.join(workDir, 'converted');
  const profile = path.join(workDir, 'lo-profile');
  const result = await runCommand(
    'soffice',
    ['--headless', '--norestore', '--nolockcheck', '--nodefault', '--nofirststartwizard', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', outDir, input],
    { timeoutMs, cwd: workDir },
  );
  const output = path.join(outDir, `${path.basename(input, path.extname(input))}.pdf`);
  const exists = await access(output).then(() => true, () => false);
  if (result.exitCode !== 0 || !exists) {
    const why = lastLines(result.stderrTail) || (result.signal ? `killed by ${result.signal}` : `exit ${String(result.exitCode)}`);
    throw new MediaProcessingError('MEDIA_CONVERSION_FAILED', `LibreOffice: ${why}`);
  }
  return output;
}

/** Page count from pdfinfo; a PDF it cannot open (damaged, password-protected) is MEDIA_UNREADABLE. */
export async function pdfPageCount(file: string): Promise<number> {
  const result = await runCommand('pdfinfo', [file], { timeoutMs: 60_000, collectStdout: true });
  const match = /^Pages:\s+(\d+)\s*$/m.exec(result.stdout);
  if (result.exitCode !== 0 || !match) {
    throw new MediaProcessingError('MEDIA_UNREADABLE', `pdfinfo: ${lastLines(result.stderrTail) || 'no page count'}`);
  }
  const pages = Number(match[1]);
  if (pages < 1) throw new MediaProcessingError('MEDIA_UNREADABLE', 'the PDF has no page');
  return pages;
}

/** Renders pages 1…min(pages, 300) as JPEG at 50 dpi; returns the files in page order. */
export async function renderPageThumbnails(file: string, pages: number, outDir: string): Promise<string[]> {
  const last = Math.min(pages, MAX_THUMBNAIL_PAGES);
  const prefix = path.join(outDir, 'page');
  const result = await runCommand('pdftoppm', ['-jpeg', '-jpegopt', 'quality=80', '-r', '50', '-f', '1', '-l', String(last), file, prefix], {
    timeoutMs: Math.max(2 * 60_000, last * 2000),
  });
  if (result.exitCode !== 0) throw new MediaProcessingError('MEDIA_UNREADABLE', `pdftoppm: ${lastLines(result.stderrTail) || `exit ${String(result.exitCode)}`}`);
  // pdftoppm pads page numbers to the width of the last one: page-1.jpg or page-001.jpg.
  const files = (await readdir(outDir))
    .map((name) => ({ name, page: Number(/^page-(\d+)\.jpg$/.exec(name)?.[1] ?? NaN) }))
    .filter((f) => Number.isInteger(f.page))
    .sort((a, b) => a.page - b.page);
  if (files.length === 0) throw new MediaProcessingError('MEDIA_UNREADABLE', 'pdftoppm rendered no page');
  return files.map((f) => path.join(outDir, f.name));
}
