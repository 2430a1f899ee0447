import { Module } from '@nestjs/common';
import { CoursesModule } from '@lms/courses';
import { IdentityModule } from '@lms/identity';
import { MediaModule } from '@lms/media';
import { OrgModule } from '@lms/org';
import { CompletionService } from './completion.service';
import { CourseCompletedProcessor } from './course-completed.processor';
import { EnrolledMediaAccess } from './enrolled-media-access';
import { EnrolmentService } from './enrolment.service';
import { EvidenceService } from './evidence.service';
import { LearningViewsService } from './learning-views.service';
import { LessonDirectory } from './lesson-directory';
import { ProgressService } from './progress.service';

/** Learning: enrolment and assignments, progress and completion, the competency profile, views for learners, parents and teachers. */
@Module({
  imports: [IdentityModule, OrgModule, CoursesModule, MediaModule],
  providers: [CourseCompletedProcessor, EnrolledMediaAccess, LessonDirectory, EnrolmentService, CompletionService, ProgressService, EvidenceService, LearningViewsService],
  exports: [LessonDirectory, EnrolmentService, ProgressService, EvidenceService, LearningViewsService],
})
export class LearningModule {}
