import { Module } from '@nestjs/common';
import { CompetencyModule } from '@lms/competency';
import { IdentityModule } from '@lms/identity';
import { OrgModule } from '@lms/org';
import { CatalogService } from './catalog.service';
import { CoursesService } from './courses.service';

/** Courses: authoring, workflow and revisions, and the catalogue of published courses. */
@Module({ imports: [IdentityModule, OrgModule, CompetencyModule], providers: [CoursesService, CatalogService], exports: [CoursesService, CatalogService] })
export class CoursesModule {}
