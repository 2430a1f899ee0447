export * from './cleanup-abandoned-uploads.processor';
export * from './storage-cleanup.module';
