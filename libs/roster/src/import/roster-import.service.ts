import { createHash, randomUUID } from 'node:crypto';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, DomainException, type Principal } from '@lms/core';
import { OneTimeCodes } from '@lms/identity';
import { JobsService } from '@lms/jobs';
import { AccessService, OrgUnitNotFoundException } from '@lms/org';
import { OBJECT_STORAGE, type ObjectStorage } from '@lms/storage';
import type { DataSource } from 'typeorm';
import { type RosterFormat, detectRosterFormat } from '../parse/parse-roster';
import type { RosterKind } from '../parse/roster-columns';
import { type AccountSlipsInput, type SlipGroup, renderAccountSlips } from '../slips/account-slips';
import { RosterImport } from './roster-import.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class RosterImportNotFoundException extends DomainException {
  constructor() {
    super('ROSTER_IMPORT_NOT_FOUND', 404, { vi: 'Không tìm thấy lần nhập danh sách này.', en: 'The roster import was not found.' });
  }
}

export class RosterTooLargeException extends DomainException {
  constructor(maxBytes: number) {
    const mb = Math.round(maxBytes / 1024 / 1024);
    super('ROSTER_TOO_LARGE', 413, { vi: `Tệp danh sách vượt quá giới hạn ${mb} MB.`, en: `The roster file is over the ${mb} MB limit.` }, { maxBytes });
  }
}

export class RosterUnsupportedFileException extends DomainException {
  constructor() {
    super('ROSTER_UNSUPPORTED_FILE', 415, {
      vi: 'Chỉ nhận tệp CSV (UTF-8) hoặc Excel .xlsx. Tệp .xls cũ cần lưu lại thành .xlsx hoặc "CSV UTF-8".',
      en: 'Only CSV (UTF-8) or Excel .xlsx files are accepted. Save an old .xls file as .xlsx or "CSV UTF-8".',
    });
  }
}

export class RosterEmptyFileException extends DomainException {
  constructor() {
    super('ROSTER_EMPTY', 422, { vi: 'Tệp danh sách trống.', en: 'The roster file is empty.' });
  }
}

export class RosterNotInstitutionException extends DomainException {
  constructor() {
    super('ROSTER_NOT_INSTITUTION', 422, { vi: 'Danh sách chỉ nhập được cho một cơ sở giáo dục (trường).', en: 'A roster can only be imported into an institution (school).' });
  }
}

export class RosterNoSlipsException extends DomainException {
  constructor() {
    super('ROSTER_NO_SLIPS', 404, { vi: 'Lần nhập này không tạo tài khoản mới nên không có phiếu tài khoản.', en: 'This import created no new accounts, so there are no account slips.' });
  }
}

export interface RosterUpload {
  kind: RosterKind;
  fileName: string;
  contentType: string | undefined;
  declaredLength: number | undefined;
  body: Readable;
}

/** Counts a stream's bytes, hashes them, keeps the first few and stops past a limit. */
class Meter extends Transform {
  size = 0;
  head = Buffer.alloc(0);
  readonly hash = createHash('sha256');
  tooLarge = false;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.limit) {
      this.tooLarge = true;
      done(new Error('too large'));
      return;
    }
    if (this.head.length < 8) this.head = Buffer.concat([this.head, chunk.subarray(0, 8 - this.head.length)]);
    this.hash.update(chunk);
    done(null, chunk);
  }
}

/**
 * Roster imports as the api sees them: the upload (streamed into object storage, capped, hashed),
 * the job that does the work (`roster.import`), the progress, the error report and the account slips.
 * Every call is checked against the caller's reach: an import of a school outside it is "not found".
 */
@Injectable()
export class RosterImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly jobs: JobsService,
    private readonly codes: OneTimeCodes,
  ) {}

  async start(principal: Principal, unitId: string, upload: RosterUpload): Promise<RosterImport> {
    const unit = await this.institutionFor(principal, unitId);
    const maxBytes = this.config.roster.maxBytes;
    if (upload.declaredLength !== undefined && upload.declaredLength > maxBytes) {
      upload.body.resume();
      throw new RosterTooLargeException(maxBytes);
    }
    const id = randomUUID();
    const extension = /\.xlsx$/i.test(upload.fileName) ? 'xlsx' : 'csv';
    const key = `rosters/${unit.id}/${id}/source.${extension}`;
    const meter = new Meter(maxBytes);
    try {
      const metered = upload.body.pipe(meter);
      upload.body.on('error', (err) => meter.destroy(err));
      await this.storage.put(key, metered, { contentType: upload.contentType ?? 'application/octet-stream' });
    } catch (err) {
      await this.storage.delete(key).catch(() => undefined);
      upload.body.resume();
      if (meter.tooLarge) throw new RosterTooLargeException(maxBytes);
      throw err;
    }
    if (meter.size === 0) {
      await this.storage.delete(key);
      throw new RosterEmptyFileException();
    }
    const format: RosterFormat | null = detectRosterFormat(upload.fileName, upload.contentType, meter.head);
    if (!format) {
      await this.storage.delete(key);
      throw new RosterUnsupportedFileException();
    }
    const row = this.dataSource.getRepository(RosterImport).create({
      id,
      unitId: unit.id,
      kind: upload.kind,
      format,
      fileName: upload.fileName.slice(0, 255),
      fileKey: key,
      fileSize: meter.size,
      fileSha256: meter.hash.digest('hex'),
      status: 'queued',
      createdBy: principal.userId,
    });
    await this.dataSource.getRepository(RosterImport).insert(row);
    await this.jobs.enqueue('roster.import', { importId: id });
    return this.load(id);
  }

  async get(principal: Principal, importId: string): Promise<RosterImport> {
    if (!UUID.test(importId)) throw new RosterImportNotFoundException();
    const row = await this.dataSource.getRepository(RosterImport).findOneBy({ id: importId });
    if (!row || !(await this.access.unitInReach(principal, 'roster.import', row.unitId))) throw new RosterImportNotFoundException();
    return row;
  }

  async list(principal: Principal, unitId: string): Promise<RosterImport[]> {
    const unit = await this.institutionFor(principal, unitId);
    return this.dataSource.getRepository(RosterImport).find({ where: { unitId: unit.id }, order: { createdAt: 'DESC' }, take: 50 });
  }

  /** The per-row error report (CSV), as stored by the job. */
  async errorReport(principal: Principal, importId: string): Promise<{ body: Readable; fileName: string }> {
    const row = await this.get(principal, importId);
    if (!row.reportKey) throw new DomainException('ROSTER_NO_REPORT', 404, { vi: 'Lần nhập này không có dòng lỗi.', en: 'This import has no row errors.' });
    return { body: await this.storage.get(row.reportKey), fileName: `loi-nhap-danh-sach-${row.id.slice(0, 8)}.csv` };
  }

  /** The account slips of the accounts an import created, rendered now from their sealed copy. */
  async slips(principal: Principal, importId: string, signInUrl: string): Promise<{ body: Buffer; fileName: string }> {
    const row = await this.get(principal, importId);
    if (!row.slipsKey) throw new RosterNoSlipsException();
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.get(row.slipsKey)) chunks.push(chunk as Buffer);
    await this.codes.ensureKey();
    const groups = JSON.parse(this.codes.open(Buffer.concat(chunks)).toString('utf8')) as SlipGroup[];
    const [unit] = await this.dataSource.query<Array<{ name: string }>>('SELECT name FROM org_unit WHERE id = $1', [row.unitId]);
    const input: AccountSlipsInput = { institutionName: unit?.name ?? '', signInUrl, generatedAt: row.finishedAt ?? row.createdAt, groups };
    return { body: await renderAccountSlips(input), fileName: `phieu-tai-khoan-${row.id.slice(0, 8)}.pdf` };
  }

  private load(id: string): Promise<RosterImport> {
    return this.dataSource.getRepository(RosterImport).findOneByOrFail({ id });
  }

  private async institutionFor(principal: Principal, unitId: string): Promise<{ id: string; type: string }> {
    if (!UUID.test(unitId) || !(await this.access.unitInReach(principal, 'roster.import', unitId))) throw new OrgUnitNotFoundException();
    const [unit] = await this.dataSource.query<Array<{ id: string; type: string; archived_at: Date | null }>>('SELECT id, type, archived_at FROM org_unit WHERE id = $1', [unitId]);
    if (!unit) throw new OrgUnitNotFoundException();
    if (unit.type !== 'institution' || unit.archived_at) throw new RosterNotInstitutionException();
    return unit;
  }
}
