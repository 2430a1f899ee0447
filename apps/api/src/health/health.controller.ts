import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthIndicatorResult } from '@nestjs/terminus';
import { Public, REDIS_CLIENT, type RedisClient } from '@lms/core';
import { OBJECT_STORAGE, type ObjectStorage } from '@lms/storage';
import { ShutdownState } from './shutdown.state';

const CHECK_TIMEOUT_MS = 2000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly shutdown: ShutdownState,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Optional() @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
  ) {}

  /** Ready to serve: database, Redis (when configured) and object storage answer. */
  @Get('ready')
  @HealthCheck()
  @ApiOperation({ operationId: 'getHealthReady', summary: 'Readiness: database, Redis and storage answer' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down or the process is shutting down' })
  ready() {
    const checks: Array<() => Promise<HealthIndicatorResult> | PromiseLike<HealthIndicatorResult>> = [
      () => this.indicators.check('accepting').attempt(() => {
        if (this.shutdown.shuttingDown) throw new Error('shutting down');
      }),
      () => this.db.pingCheck('database').withTimeout(CHECK_TIMEOUT_MS),
      () => this.indicators.check('storage').attempt(async () => {
        await this.storage.ping();
        return { driver: this.storage.driver };
      }).withTimeout(CHECK_TIMEOUT_MS),
    ];
    const redis = this.redis;
    if (redis) {
      checks.push(() => this.indicators.check('redis').attempt(async () => {
        if (redis.status === 'wait') await redis.connect();
        await redis.ping();
      }).withTimeout(CHECK_TIMEOUT_MS));
    }
    return this.health.check(checks);
  }
}
