import { Module } from '@nestjs/common';
import { MediaModule } from '@lms/media';
import { MediaController } from './media.controller';

/** The HTTP side of media assets. Bytes never pass through here: browsers use signed storage URLs. */
@Module({ imports: [MediaModule], controllers: [MediaController] })
export class MediaHttpModule {}
