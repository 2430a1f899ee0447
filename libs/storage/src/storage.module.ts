import { type DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@lms/core';
import { FsObjectStorage } from './fs/fs-object-storage';
import { OBJECT_STORAGE, type ObjectStorage } from './object-storage';
import { S3ObjectStorage } from './s3/s3-object-storage';
import { UrlSigner } from './url-signer';

/** The signer of the filesystem driver, or null under the s3 driver (S3 presigns its own URLs). */
export function createUrlSigner(config: AppConfig): UrlSigner | null {
  if (config.storage.driver !== 'fs') return null;
  return new UrlSigner(config.storage.fs.signingSecret, config.http.publicUrl);
}

/** Builds and starts the configured driver: creates the folder (fs) or the bucket (s3). */
export async function createObjectStorage(config: AppConfig, signer = createUrlSigner(config)): Promise<ObjectStorage> {
  const { storage } = config;
  switch (storage.driver) {
    case 'fs': {
      if (!signer) throw new Error('The filesystem storage driver needs a UrlSigner');
      const driver = new FsObjectStorage({ root: storage.fs.root, signer, presignTtlSeconds: storage.presignTtlSeconds });
      await driver.init();
      return driver;
    }
    case 's3': {
      if (!storage.s3) throw new Error('The s3 storage driver needs S3_ENDPOINT, S3_ACCESS_KEY and S3_SECRET_KEY');
      const driver = new S3ObjectStorage({ ...storage.s3, presignTtlSeconds: storage.presignTtlSeconds });
      await driver.ensureBucket();
      return driver;
    }
    default: {
      const unknown: never = storage.driver;
      throw new Error(`Unknown storage driver ${String(unknown)}`);
    }
  }
}

/**
 * Provides `OBJECT_STORAGE` (the driver chosen by `config.storage.driver`) and `UrlSigner`
 * (null unless the driver is fs) to the whole application. Depends on APP_CONFIG only.
 */
@Module({})
export class StorageModule {
  static forRoot(): DynamicModule {
    return {
      module: StorageModule,
      global: true,
      providers: [
        { provide: UrlSigner, inject: [APP_CONFIG], useFactory: createUrlSigner },
        {
          provide: OBJECT_STORAGE,
          inject: [APP_CONFIG, UrlSigner],
          useFactory: (config: AppConfig, signer: UrlSigner | null) => createObjectStorage(config, signer),
        },
      ],
      exports: [OBJECT_STORAGE, UrlSigner],
    };
  }
}
