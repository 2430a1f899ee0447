import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainException, type Principal, commonError, foldVietnamese } from '@lms/core';
import { type MediaAsset, type MediaPurpose, MediaService } from '@lms/media';
import { OBJECT_STORAGE, type ObjectStorage } from '@lms/storage';
import type { DataSource } from 'typeorm';
import * as yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { AUDIENCES, type CompetencyTagValue, LESSON_KINDS, type LessonKind } from './course.entity';
import { CoursesService, type Outline } from './courses.service';

export const PACKAGE_FORMAT = 'lms-bdhvs-course';
export const PACKAGE_VERSION = 1;
const MAX_MANIFEST_BYTES = 5 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The purpose a file has in a package, from where it is used. */
const PURPOSE_OF_KIND: Partial<Record<LessonKind, MediaPurpose>> = { video: 'video', audio: 'audio', slides: 'slides', file: 'file', gallery: 'image' };

interface ManifestFile {
  path: string;
  purpose: MediaPurpose;
  name: string;
  size: number;
}

export interface PackageManifest {
  format: typeof PACKAGE_FORMAT;
  version: number;
  exportedAt: string;
  course: { titleVi: string; titleEn: string | null; summaryVi: string; summaryEn: string | null; audiences: string[]; gradeMin: number | null; gradeMax: number | null; estimatedMinutes: number | null; licence: string; coverFile: string | null };
  sections: Array<{ titleVi: string; titleEn: string | null; lessons: Array<{ kind: LessonKind; titleVi: string; titleEn: string | null; required: boolean; estimatedMinutes: number | null; competencies: CompetencyTagValue[]; content: Record<string, unknown> }> }>;
  files: ManifestFile[];
}

export class CoursePackageInvalidException extends DomainException {
  constructor(reason: { vi: string; en: string }) {
    super('COURSE_PACKAGE_INVALID', 422, { vi: `Gói khoá học không hợp lệ: ${reason.vi}`, en: `The course package is not valid: ${reason.en}` });
  }
}

export class CoursePackageTooLargeException extends DomainException {
  constructor(maxBytes: number) {
    const mb = Math.round(maxBytes / 1024 / 1024);
    super('COURSE_PACKAGE_TOO_LARGE', 413, { vi: `Gói khoá học vượt quá ${mb} MB.`, en: `The course package is over ${mb} MB.` });
  }
}

class Cap extends Transform {
  size = 0;
  over = false;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.limit) {
      this.over = true;
      done(new Error('too large'));
      return;
    }
    done(null, chunk);
  }
}

/**
 * Course packages: a zip with `manifest.json` (the course, its sections and lessons, competency
 * tags) and `files/…` (the original of every media file the course uses), to move a course from one
 * installation to another. Export is streamed; an import creates a new draft course owned by a unit
 * the importer may author in, and its files go through the same verification and processing as
 * uploads. Nothing is created when the package is refused.
 */
@Injectable()
export class CoursePackageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly courses: CoursesService,
    private readonly media: MediaService,
  ) {}

  /** The package of a course's working copy, as a zip stream. */
  async export(principal: Principal, courseId: string): Promise<{ stream: Readable; fileName: string }> {
    const outline = await this.courses.outline(principal, courseId);
    if (!outline.can.edit && !outline.can.review) throw commonError('FORBIDDEN');
    const assets = await this.assetsOf(outline);
    const files = new Map<string, ManifestFile>();
    const fileFor = (assetId: string | null, purpose: MediaPurpose): string | null => {
      if (!assetId) return null;
      const asset = assets.get(assetId);
      if (!asset || !asset.size) return null;
      const existing = files.get(assetId);
      if (existing) return existing.path;
      const ext = path.extname(asset.originalName).replace(/[^.a-zA-Z0-9]/g, '').slice(0, 10);
      const file = { path: `files/${files.size + 1}${ext}`, purpose, name: asset.originalName, size: Number(asset.size) };
      files.set(assetId, file);
      return file.path;
    };
    const c = outline.course;
    const manifest: PackageManifest = {
      format: PACKAGE_FORMAT,
      version: PACKAGE_VERSION,
      exportedAt: new Date().toISOString(),
      course: { titleVi: c.titleVi, titleEn: c.titleEn, summaryVi: c.summaryVi, summaryEn: c.summaryEn, audiences: c.audiences, gradeMin: c.gradeMin, gradeMax: c.gradeMax, estimatedMinutes: c.estimatedMinutes, licence: c.licence, coverFile: fileFor(c.coverAssetId, 'image') },
      sections: outline.sections.map((s) => ({
        titleVi: s.titleVi,
        titleEn: s.titleEn,
        lessons: s.lessons.map((l) => {
          const purpose = PURPOSE_OF_KIND[l.kind];
          const content: Record<string, unknown> = { ...l.content };
          if (purpose && typeof content.assetId === 'string') {
            content.file = fileFor(content.assetId, purpose);
            delete content.assetId;
          }
          if (purpose && Array.isArray(content.assetIds)) {
            content.files = (content.assetIds as string[]).map((id) => fileFor(id, purpose)).filter(Boolean);
            delete content.assetIds;
          }
          return { kind: l.kind, titleVi: l.titleVi, titleEn: l.titleEn, required: l.required, estimatedMinutes: l.estimatedMinutes, competencies: l.competencies, content };
        }),
      })),
      files: [...files.values()],
    };
    const zip = new ZipFile();
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
    const out = new PassThrough();
    zip.outputStream.pipe(out);
    // Files are added as they are read from storage, one after the other.
    void (async () => {
      try {
        for (const [assetId, file] of files) {
          const asset = assets.get(assetId)!;
          zip.addReadStream(await this.storage.get(asset.sourceKey), file.path, { compress: false });
        }
        zip.end();
      } catch (error) {
        out.destroy(error as Error);
      }
    })();
    const slug = foldVietnamese(c.titleVi).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
    return { stream: out, fileName: `${slug || 'khoa-hoc'}.zip` };
  }

  /** Imports a package (the request body) as a new draft course owned by `ownerUnitId`. */
  async import(principal: Principal, ownerUnitId: string, body: Readable, maxBytes: number): Promise<Outline> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lms-package-'));
    const file = path.join(dir, 'package.zip');
    try {
      const cap = new Cap(maxBytes);
      try {
        await pipeline(body, cap, createWriteStream(file));
      } catch (error) {
        if (cap.over) throw new CoursePackageTooLargeException(maxBytes);
        throw error;
      }
      const zip = await openZip(file);
      try {
        const entries = await listEntries(zip);
        const manifestEntry = entries.get('manifest.json');
        if (!manifestEntry) throw new CoursePackageInvalidException({ vi: 'thiếu manifest.json', en: 'manifest.json is missing' });
        if (manifestEntry.uncompressedSize > MAX_MANIFEST_BYTES) throw new CoursePackageInvalidException({ vi: 'manifest.json quá lớn', en: 'manifest.json is too large' });
        let manifest: PackageManifest;
        try {
          manifest = JSON.parse((await readEntry(zip, manifestEntry)).toString('utf8')) as PackageManifest;
        } catch {
          throw new CoursePackageInvalidException({ vi: 'manifest.json không phải JSON hợp lệ', en: 'manifest.json is not valid JSON' });
        }
        this.checkManifest(manifest, entries);
        // The course first (checks the owning unit and the author's rights), then each file.
        let outline = await this.courses.create(principal, { ...manifest.course, audiences: manifest.course.audiences as (typeof AUDIENCES)[number][], ownerUnitId });
        try {
          const assetOf = new Map<string, MediaAsset>();
          const ingest = async (filePath: string): Promise<string> => {
            const known = assetOf.get(filePath);
            if (known) return known.id;
            const meta = manifest.files.find((f) => f.path === filePath)!;
            const entry = entries.get(filePath)!;
            const asset = await this.media.ingest(principal, { purpose: meta.purpose, fileName: meta.name, size: entry.uncompressedSize, body: await entryStream(zip, entry) });
            assetOf.set(filePath, asset);
            return asset.id;
          };
          if (manifest.course.coverFile) outline = await this.courses.update(principal, outline.course.id, { coverAssetId: await ingest(manifest.course.coverFile) });
          for (const section of manifest.sections) {
            outline = await this.courses.addSection(principal, outline.course.id, { titleVi: section.titleVi, titleEn: section.titleEn });
            const sectionId = outline.sections[outline.sections.length - 1].id;
            for (const lesson of section.lessons) {
              const content: Record<string, unknown> = { ...lesson.content };
              if (typeof content.file === 'string') content.assetId = await ingest(content.file);
              if (Array.isArray(content.files)) content.assetIds = await Promise.all((content.files as string[]).map(ingest));
              delete content.file;
              delete content.files;
              outline = await this.courses.addLesson(principal, outline.course.id, sectionId, { ...lesson, content });
            }
          }
          return await this.courses.outline(principal, outline.course.id);
        } catch (error) {
          // Nothing half-imported: the new draft goes (its files are left to storage clean-up).
          await this.dataSource.query('DELETE FROM course WHERE id = $1', [outline.course.id]);
          throw error;
        }
      } finally {
        zip.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private checkManifest(m: PackageManifest, entries: Map<string, yauzl.Entry>): void {
    const bad = (vi: string, en: string) => new CoursePackageInvalidException({ vi, en });
    if (m?.format !== PACKAGE_FORMAT) throw bad('không phải gói khoá học của hệ thống này', `not a ${PACKAGE_FORMAT} package`);
    if (m.version !== PACKAGE_VERSION) throw bad(`phiên bản ${String(m.version)} chưa được hỗ trợ`, `version ${String(m.version)} is not supported`);
    if (!m.course || typeof m.course.titleVi !== 'string' || typeof m.course.summaryVi !== 'string' || !Array.isArray(m.course.audiences)) throw bad('thiếu thông tin khoá học', 'the course metadata is incomplete');
    if (!m.course.audiences.every((a) => (AUDIENCES as readonly string[]).includes(a))) throw bad('đối tượng người học không hợp lệ', 'unknown audience');
    if (!Array.isArray(m.sections) || !Array.isArray(m.files)) throw bad('thiếu danh sách chương hoặc tệp', 'sections or files are missing');
    for (const f of m.files) {
      if (typeof f.path !== 'string' || !entries.has(f.path)) throw bad(`thiếu tệp ${String(f.path)}`, `file ${String(f.path)} is missing`);
    }
    const listed = new Set(m.files.map((f) => f.path));
    for (const s of m.sections) {
      if (typeof s.titleVi !== 'string' || !Array.isArray(s.lessons)) throw bad('chương không hợp lệ', 'a section is not valid');
      for (const l of s.lessons) {
        if (!(LESSON_KINDS as readonly string[]).includes(l.kind)) throw bad(`loại bài học "${String(l.kind)}" không hợp lệ`, `lesson kind "${String(l.kind)}" is not valid`);
        const refs = [l.content?.file, ...(Array.isArray(l.content?.files) ? (l.content.files as unknown[]) : [])].filter((x) => x !== undefined && x !== null);
        for (const ref of refs) if (typeof ref !== 'string' || !listed.has(ref)) throw bad(`bài "${l.titleVi}" trỏ tới tệp không có trong gói`, `lesson "${l.titleVi}" points to a file not in the package`);
        if (l.content && typeof l.content.assetId === 'string' && UUID.test(l.content.assetId)) throw bad('bài học trỏ tới tệp của hệ thống khác', 'a lesson points to another installation’s asset');
      }
    }
    if (m.course.coverFile && !listed.has(m.course.coverFile)) throw bad('thiếu ảnh bìa', 'the cover file is missing');
  }

  private async assetsOf(outline: Outline): Promise<Map<string, { sourceKey: string; originalName: string; size: number | null }>> {
    const ids = new Set<string>();
    if (outline.course.coverAssetId) ids.add(outline.course.coverAssetId);
    for (const s of outline.sections) {
      for (const l of s.lessons) {
        if (typeof l.content.assetId === 'string') ids.add(l.content.assetId);
        if (Array.isArray(l.content.assetIds)) for (const id of l.content.assetIds as string[]) ids.add(id);
      }
    }
    if (ids.size === 0) return new Map();
    const rows = await this.dataSource.query<Array<{ id: string; source_key: string; original_name: string; size: string | null; status: string }>>(
      `SELECT id, source_key, original_name, size, status FROM media_asset WHERE id = ANY($1::uuid[]) AND status IN ('uploaded', 'processing', 'ready')`,
      [[...ids]],
    );
    return new Map(rows.map((r) => [r.id, { sourceKey: r.source_key, originalName: r.original_name, size: r.size === null ? null : Number(r.size) }]));
  }
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) reject(new CoursePackageInvalidException({ vi: 'tệp không phải zip đọc được', en: 'the file is not a readable zip' }));
      else resolve(zip);
    }),
  );
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      if (entries.size > 10_000) reject(new CoursePackageInvalidException({ vi: 'gói có quá nhiều tệp', en: 'the package has too many files' }));
      else zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', () => reject(new CoursePackageInvalidException({ vi: 'tệp zip bị hỏng', en: 'the zip file is damaged' })));
    zip.readEntry();
  });
}

function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(new CoursePackageInvalidException({ vi: `không đọc được ${entry.fileName}`, en: `cannot read ${entry.fileName}` }));
      else resolve(stream);
    }),
  );
}

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await entryStream(zip, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
