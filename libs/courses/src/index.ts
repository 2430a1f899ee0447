export * from './course.entity';
export * from './courses.exceptions';
export * from './course-rules';
export * from './markdown';
export * from './courses.service';
export * from './catalog.service';
export * from './courses.module';
