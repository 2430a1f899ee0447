import { Module } from '@nestjs/common';
import { CleanupAbandonedUploadsProcessor } from './cleanup-abandoned-uploads.processor';

/**
 * The storage lib's job processors. Import it wherever processors run (the worker; the api when
 * JOBS_DRIVER=inline). Needs OBJECT_STORAGE from `StorageModule.forRoot()`.
 */
@Module({ providers: [CleanupAbandonedUploadsProcessor] })
export class StorageCleanupModule {}
