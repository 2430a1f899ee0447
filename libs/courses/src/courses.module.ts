import { Module } from '@nestjs/common';
import { CompetencyModule } from '@lms/competency';
import { IdentityModule } from '@lms/identity';
import { MediaModule } from '@lms/media';
import { OrgModule } from '@lms/org';
import { CatalogService } from './catalog.service';
import { CourseMediaAccess } from './course-media-access';
import { CoursePackageService } from './course-package.service';
import { CoursesService } from './courses.service';

/** Courses: authoring, workflow and revisions, and the catalogue of published courses. */
@Module({ imports: [IdentityModule, OrgModule, CompetencyModule, MediaModule], providers: [CoursesService, CatalogService, CourseMediaAccess, CoursePackageService], exports: [CoursesService, CatalogService, CoursePackageService] })
export class CoursesModule {}
