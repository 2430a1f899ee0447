import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AUTHENTICATOR, type Authenticator } from '@lms/core';
import { IdentityModule } from '@lms/identity';
import { LearningModule, ProgressService } from '@lms/learning';
import type { FastifyInstance } from 'fastify';
import { LearningController } from './learning.controller';
import { registerProgressRoute } from './progress.route';

@Module({ imports: [IdentityModule, LearningModule], controllers: [LearningController] })
export class LearningHttpModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    private readonly progress: ProgressService,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (adapter?.getType() !== 'fastify') return;
    registerProgressRoute(adapter.getInstance<FastifyInstance>(), this.authenticator, this.progress);
  }
}
