import { Body, Controller, Get, HttpCode, Inject, Logger, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, Public, RequirePermission, SystemSettingsRepository, requestIdOf, type AppConfig } from '@lms/core';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { APP_VERSION } from '../version';
import { AcceptedDto, ClientErrorReportDto, MetaDto, SystemInfoDto } from './system.dto';

@ApiTags('system')
@Controller()
export class SystemController {
  private readonly clientLogger = new Logger('ClientError');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SystemSettingsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Public()
  @Get('meta')
  @ApiOperation({ operationId: 'getMeta', summary: 'Product name, version and languages, for the web app' })
  @ApiOkResponse({ type: MetaDto })
  meta(): MetaDto {
    return { name: 'Bình dân học vụ số — Hải Phòng', version: APP_VERSION, languages: ['vi', 'en'], defaultLanguage: 'vi' };
  }

  @RequirePermission('system.read')
  @Get('system/info')
  @ApiOperation({ operationId: 'getSystemInfo', summary: 'Installation details for administrators' })
  @ApiOkResponse({ type: SystemInfoDto })
  async info(): Promise<SystemInfoDto> {
    const [installationId, versionRows, migrations] = await Promise.all([
      this.settings.installationId(),
      this.dataSource.query<Array<{ server_version: string }>>('SHOW server_version'),
      this.dataSource.query<Array<{ name: string }>>('SELECT name FROM schema_migrations ORDER BY id'),
    ]);
    return {
      version: APP_VERSION,
      installationId,
      storageDriver: this.config.storage.driver,
      jobsDriver: this.config.jobs.driver,
      redisConfigured: this.config.redis.url !== null,
      databaseVersion: versionRows[0]?.server_version ?? 'unknown',
      appliedMigrations: migrations.map((m) => m.name),
    };
  }

  /** Errors from learners' browsers, logged with the request id so support can find them. */
  @Public()
  @Post('client-errors')
  @HttpCode(202)
  @ApiOperation({ operationId: 'reportClientError', summary: 'Report an error that happened in the web app' })
  @ApiAcceptedResponse({ type: AcceptedDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, MALFORMED_JSON' })
  @ApiPayloadTooLargeResponse({ description: 'PAYLOAD_TOO_LARGE' })
  report(@Body() report: ClientErrorReportDto, @Req() request: FastifyRequest): AcceptedDto {
    const requestId = requestIdOf(request.raw);
    this.clientLogger.warn({ requestId, clientError: report, userAgent: request.headers['user-agent'] }, 'Client error reported');
    return { accepted: true, requestId };
  }
}
