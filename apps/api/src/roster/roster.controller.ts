import type { IncomingMessage } from 'node:http';
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Principal, RequirePermission, commonError } from '@lms/core';
import { RosterImportService, rosterTemplateCsv, rosterTemplateXlsx } from '@lms/roster';
import { contentDisposition } from '@lms/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { originalContentType } from '../storage/raw-body';
import { RosterImportDto, RosterImportListDto, RosterTemplateQuery, StartRosterImportQuery, toRosterImportDto } from './roster.dto';

/** The path of uploads, matched on the raw URL before Fastify parses a body (see raw-body.ts). */
export const ROSTER_UPLOAD_PATH = /^\/api\/v1\/org\/units\/[^/]+\/roster-imports(\?|$)/;

@ApiTags('rosters')
@Controller()
export class RosterController {
  constructor(private readonly rosters: RosterImportService) {}

  @Post('org/units/:unitId/roster-imports')
  @HttpCode(202)
  @RequirePermission('roster.import')
  @ApiOperation({
    operationId: 'startRosterImport',
    summary: 'Nhập danh sách / Upload a roster file (CSV UTF-8 or XLSX) of an institution; it is imported by a background job',
    description: 'The raw request body is the file. Progress: GET /roster-imports/{importId}.',
  })
  @ApiConsumes('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ type: RosterImportDto })
  @ApiNotFoundResponse({ description: 'ORG_UNIT_NOT_FOUND' })
  async start(@CurrentPrincipal() principal: Principal, @Param('unitId') unitId: string, @Query() query: StartRosterImportQuery, @Req() request: FastifyRequest): Promise<RosterImportDto> {
    const raw = request.raw as IncomingMessage;
    const length = Number(request.headers['content-length']);
    const row = await this.rosters.start(principal, unitId, {
      kind: query.kind,
      fileName: query.fileName ?? (query.kind === 'students' ? 'danh-sach-hoc-sinh' : 'danh-sach-can-bo'),
      contentType: originalContentType(raw),
      declaredLength: Number.isFinite(length) ? length : undefined,
      body: raw,
    });
    return toRosterImportDto(row);
  }

  @Get('org/units/:unitId/roster-imports')
  @RequirePermission('roster.import')
  @ApiOperation({ operationId: 'listRosterImports', summary: 'Các lần nhập danh sách của một trường / Roster imports of an institution, newest first' })
  @ApiOkResponse({ type: RosterImportListDto })
  async list(@CurrentPrincipal() principal: Principal, @Param('unitId') unitId: string): Promise<RosterImportListDto> {
    return { items: (await this.rosters.list(principal, unitId)).map(toRosterImportDto) };
  }

  @Get('roster-imports/:importId')
  @RequirePermission('roster.import')
  @ApiOperation({ operationId: 'getRosterImport', summary: 'Tiến độ nhập / One import: status, rows done of total, counts, errors' })
  @ApiOkResponse({ type: RosterImportDto })
  @ApiNotFoundResponse({ description: 'ROSTER_IMPORT_NOT_FOUND' })
  async get(@CurrentPrincipal() principal: Principal, @Param('importId') importId: string): Promise<RosterImportDto> {
    return toRosterImportDto(await this.rosters.get(principal, importId));
  }

  @Get('roster-imports/:importId/error-report')
  @RequirePermission('roster.import')
  @ApiOperation({ operationId: 'getRosterErrorReport', summary: 'Báo cáo lỗi / The per-row error report (CSV, UTF-8 with BOM)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV: row, column, code, reason (vi), reason (en)' })
  async errorReport(@CurrentPrincipal() principal: Principal, @Param('importId') importId: string, @Res() reply: FastifyReply): Promise<void> {
    const report = await this.rosters.errorReport(principal, importId);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition('attachment', report.fileName))
      .header('cache-control', 'no-store')
      .send(report.body);
  }

  @Get('roster-imports/:importId/slips')
  @RequirePermission('roster.import')
  @ApiOperation({ operationId: 'getRosterSlips', summary: 'Phiếu tài khoản / Account slips (PDF) of the accounts the import created, one page per class' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF' })
  @ApiNotFoundResponse({ description: 'ROSTER_IMPORT_NOT_FOUND, ROSTER_NO_SLIPS' })
  async slips(@CurrentPrincipal() principal: Principal, @Param('importId') importId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const host = request.headers['x-forwarded-host'] ?? request.headers.host ?? 'localhost';
    const proto = request.headers['x-forwarded-proto'] ?? request.protocol;
    const slips = await this.rosters.slips(principal, importId, `${String(proto)}://${String(host)}/dang-nhap`);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', contentDisposition('attachment', slips.fileName))
      .header('cache-control', 'no-store')
      .send(slips.body);
  }

  @Get('roster-templates/:kind')
  @RequirePermission('roster.import')
  @ApiOperation({ operationId: 'getRosterTemplate', summary: 'Tệp mẫu / A roster template to fill in (students or staff; XLSX or CSV)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'The template file' })
  async template(@Param('kind') kind: string, @Query() query: RosterTemplateQuery, @Res() reply: FastifyReply): Promise<void> {
    if (kind !== 'students' && kind !== 'staff') throw commonError('NOT_FOUND');
    const format = query.format ?? 'xlsx';
    const name = `mau-danh-sach-${kind === 'students' ? 'hoc-sinh' : 'can-bo'}.${format}`;
    const body = format === 'csv' ? rosterTemplateCsv(kind) : await rosterTemplateXlsx(kind);
    await reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition('attachment', name))
      .send(body);
  }
}
