import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { STORAGE_OBJECTS_PATH } from '@lms/storage';
import { registerRawUploadBodies } from './raw-body';
import { StorageObjectsController } from './storage-objects.controller';

/**
 * The HTTP side of the filesystem storage driver: signed GET/HEAD/PUT under
 * /api/v1/storage/objects. Needs StorageModule.forRoot() (global) for OBJECT_STORAGE.
 */
@Module({ controllers: [StorageObjectsController] })
export class StorageHttpModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (adapter?.getType() !== 'fastify') return;
    // Runs during app.init(), before Fastify is ready, so the hook and parser still apply.
    registerRawUploadBodies(adapter.getInstance<FastifyInstance>(), STORAGE_OBJECTS_PATH);
  }
}
