import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, type Principal } from '@lms/core';
import { OneTimeCodes, permissionsOf } from '@lms/identity';
import { type JobContext, type JobHandler, JobProcessor, type RosterImportPayload } from '@lms/jobs';
import { AccessService } from '@lms/org';
import { OBJECT_STORAGE, type ObjectStorage } from '@lms/storage';
import type { DataSource } from 'typeorm';
import { writeErrorReportCsv } from '../parse/error-report';
import { type StaffRow, type StudentRow, parseRoster } from '../parse/parse-roster';
import { RosterFileException, type RowError } from '../parse/roster-errors';
import { RosterImport } from './roster-import.entity';
import { RosterWriter, type WriteOutcome } from './roster-writer';

/** How often, at most, progress is written while the file is read. */
const PROGRESS_EVERY_MS = 500;

/** The writer found problems only the database could see: the transaction is rolled back. */
class RowsRefused extends Error {
  constructor(readonly errors: RowError[]) {
    super('rows refused');
  }
}

/**
 * Runs one roster import: reads the stored file as a stream, validates every row, and only when the
 * whole file is clean writes it in one transaction (nothing is ever half-imported). Progress (rows
 * done of total) is written as it goes; a file with problems ends `failed` with a per-row error
 * report. Safe to run twice: a finished import is left alone, an interrupted one starts over, and
 * people are matched by code so nothing is created twice.
 */
@JobProcessor('roster.import')
export class RosterImportProcessor implements JobHandler<'roster.import'> {
  private readonly logger = new Logger(RosterImportProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly codes: OneTimeCodes,
  ) {}

  async handle(payload: RosterImportPayload, context: JobContext): Promise<unknown> {
    const repo = this.dataSource.getRepository(RosterImport);
    const job = await repo.findOneBy({ id: payload.importId });
    if (!job) return { skipped: 'missing' };
    if (job.status === 'completed' || job.status === 'failed') return { skipped: job.status };
    const started = Date.now();
    await repo.update({ id: job.id }, { status: 'reading', doneRows: 0, totalRows: null });

    // 1. Read and validate the whole file.
    let lastWrite = 0;
    const onRead = (rows: number) => {
      if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = Date.now();
      void repo.update({ id: job.id }, { doneRows: rows }).catch(() => undefined);
    };
    let parsed: { rows: Array<StudentRow | StaffRow>; errors: RowError[]; totalRows: number };
    try {
      const source = await this.storage.get(job.fileKey);
      parsed = job.kind === 'students'
        ? await parseRoster(source, { kind: 'students', format: job.format, maxRows: this.config.roster.maxRows, onProgress: onRead })
        : await parseRoster(source, { kind: 'staff', format: job.format, maxRows: this.config.roster.maxRows, onProgress: onRead });
    } catch (err) {
      if (err instanceof RosterFileException) {
        await this.fail(job, { code: err.code, ...err.messages }, [], null);
        return { failed: err.code };
      }
      throw err;
    }
    if (parsed.errors.length > 0) {
      await this.fail(job, rowErrorsFailure(parsed.errors.length), parsed.errors, parsed.totalRows);
      return { failed: 'ROSTER_ROW_ERRORS', errors: parsed.errors.length };
    }

    // 2. Write it, all or nothing.
    await repo.update({ id: job.id }, { status: 'importing', totalRows: parsed.totalRows, doneRows: 0 });
    const principal = await this.importer(job.createdBy);
    const [unit] = await this.dataSource.query<Array<{ id: string; name: string; path: string }>>('SELECT id, name, path FROM org_unit WHERE id = $1', [job.unitId]);
    let outcome: WriteOutcome;
    try {
      outcome = await this.dataSource.transaction(async (em) => {
        // One import per school at a time: a second waits for the first to commit.
        await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`roster:${unit.id}`]);
        const writer = new RosterWriter(
          em,
          this.codes,
          unit,
          (ids) => (principal ? this.access.usersInReach(principal, 'user.manage', ids, em) : Promise.resolve(new Set())),
          async (done) => {
            await this.dataSource.getRepository(RosterImport).update({ id: job.id }, { doneRows: done });
          },
        );
        await this.codes.ensureKey();
        const result = job.kind === 'students' ? await writer.writeStudents(parsed.rows as StudentRow[]) : await writer.writeStaff(parsed.rows as StaffRow[]);
        if (result.errors.length > 0) throw new RowsRefused(result.errors);
        // The slips hold the new codes: stored (sealed) before the accounts commit, so codes are never lost.
        if (result.slips.length > 0) {
          await this.storage.put(this.slipsKey(job), this.codes.seal(Buffer.from(JSON.stringify(result.slips))), { contentType: 'application/octet-stream' });
        }
        return result;
      });
    } catch (err) {
      if (err instanceof RowsRefused) {
        await this.fail(job, rowErrorsFailure(err.errors.length), err.errors, parsed.totalRows);
        return { failed: 'ROSTER_ROW_ERRORS', errors: err.errors.length };
      }
      throw err;
    }
    await repo.update(
      { id: job.id },
      {
        status: 'completed',
        doneRows: parsed.totalRows,
        createdCount: outcome.created,
        updatedCount: outcome.updated,
        unchangedCount: outcome.unchanged,
        parentsCreatedCount: outcome.parentsCreated,
        errorCount: 0,
        slipsKey: outcome.slips.length > 0 ? this.slipsKey(job) : null,
        finishedAt: new Date(),
      },
    );
    if (outcome.created + outcome.parentsCreated >= 5000) {
      // Fresh statistics after a bulk load, before autovacuum gets to it: otherwise the next import's
      // lookups by code may be planned as if the tables were still small (measured: 40 s instead of 6 s).
      await this.dataSource.query('ANALYZE user_account, role_assignment, parent_link, org_unit').catch(() => undefined);
    }
    const seconds = (Date.now() - started) / 1000;
    this.logger.log(`Roster ${job.id} (${job.kind}, ${parsed.totalRows} rows): ${outcome.created} created, ${outcome.updated} updated, ${outcome.unchanged} unchanged, ${outcome.parentsCreated} parents in ${seconds.toFixed(1)} s (job ${context.id})`);
    return { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged, seconds };
  }

  private slipsKey(job: RosterImport): string {
    return job.fileKey.replace(/source\.[a-z]+$/, 'slips.sealed');
  }

  private async fail(job: RosterImport, failure: { code: string; vi: string; en: string }, errors: RowError[], totalRows: number | null): Promise<void> {
    let reportKey: string | null = null;
    if (errors.length > 0) {
      reportKey = job.fileKey.replace(/source\.[a-z]+$/, 'errors.csv');
      await this.storage.put(reportKey, writeErrorReportCsv(errors), { contentType: 'text/csv; charset=utf-8' });
    }
    await this.dataSource.getRepository(RosterImport).update(
      { id: job.id },
      { status: 'failed', failure: { ...failure, sample: errors.slice(0, 50) }, errorCount: errors.length, reportKey, totalRows, doneRows: 0, finishedAt: new Date() },
    );
  }

  /** The manager who uploaded the file, as a principal with their current roles. */
  private async importer(userId: string | null): Promise<Principal | null> {
    if (!userId) return null;
    const rows = await this.dataSource.query<Array<{ role: string; username: string }>>(
      'SELECT r.role, a.username FROM role_assignment r JOIN user_account a ON a.id = r.user_id WHERE r.user_id = $1',
      [userId],
    );
    if (rows.length === 0) return null;
    const roles = [...new Set(rows.map((r) => r.role))];
    return { userId, username: rows[0].username, roles, permissions: permissionsOf(roles) };
  }
}

function rowErrorsFailure(count: number): { code: string; vi: string; en: string } {
  return {
    code: 'ROSTER_ROW_ERRORS',
    vi: `Tệp có ${count} lỗi nên chưa nhập dòng nào. Tải báo cáo lỗi, sửa tệp rồi nhập lại.`,
    en: `The file has ${count} error(s), so no row was imported. Download the error report, fix the file and import it again.`,
  };
}
