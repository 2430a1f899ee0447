import { Module } from '@nestjs/common';
import { CompetencyModule } from '@lms/competency';
import { CoursesModule } from '@lms/courses';
import { CatalogController, CoursesController } from './courses.controller';

@Module({ imports: [CoursesModule, CompetencyModule], controllers: [CoursesController, CatalogController] })
export class CoursesHttpModule {}
