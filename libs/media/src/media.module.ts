import { Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { MediaAccessRegistry } from './media-access';
import { MediaRepository } from './media.repository';
import { MediaService } from './media.service';
import { MediaProcessor } from './processing/media.processor';

/**
 * Media assets: direct uploads, verification, the `media.process` job and delivery URLs. The
 * processor runs wherever job processors run (the worker; the api under JOBS_DRIVER=inline).
 * Needs OBJECT_STORAGE (`StorageModule.forRoot()`) and `JobsModule`. Other libs decide who else
 * may see an asset by registering a MediaAccess with `MediaAccessRegistry`.
 */
@Module({
  providers: [MediaRepository, MediaService, MediaAccessRegistry, MediaProcessor],
  exports: [MediaService, MediaAccessRegistry],
})
export class MediaModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('MediaModule');

  constructor(private readonly media: MediaService) {}

  /** A job lost with Redis (or never enqueued) is enqueued again; job ids keep it from running twice. */
  async onApplicationBootstrap(): Promise<void> {
    await this.media.requeueUnfinished().catch((error: unknown) => {
      this.logger.warn(`Could not re-enqueue unfinished media processing: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
