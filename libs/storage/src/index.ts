export * from './object-storage';
export * from './storage-key';
export * from './storage.exceptions';
export * from './url-signer';
export * from './http-headers';
export * from './fs/fs-object-storage';
export * from './s3/s3-object-storage';
export * from './storage.module';
