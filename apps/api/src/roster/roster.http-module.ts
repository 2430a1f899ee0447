import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RosterModule } from '@lms/roster';
import type { FastifyInstance } from 'fastify';
import { registerRawBodies } from '../storage/raw-body';
import { ROSTER_UPLOAD_PATH, RosterController } from './roster.controller';

/** The HTTP side of roster imports. Uploads reach the controller as an unread stream. */
@Module({ imports: [RosterModule], controllers: [RosterController] })
export class RosterHttpModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (adapter?.getType() !== 'fastify') return;
    registerRawBodies(adapter.getInstance<FastifyInstance>(), (method, url) => method === 'POST' && ROSTER_UPLOAD_PATH.test(url));
  }
}
