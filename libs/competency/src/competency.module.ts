import { Module } from '@nestjs/common';
import { CompetencyService } from './competency.service';

/** The digital competency framework of TT 02/2025, as loaded into the database by a migration. */
@Module({ providers: [CompetencyService], exports: [CompetencyService] })
export class CompetencyModule {}
