import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CourseCompletedPayload, type JobHandler, JobProcessor } from '@lms/jobs';
import type { DataSource } from 'typeorm';

/**
 * `learning.course-completed`: for now records the completion in the audit log (once, whatever
 * the retries); the certificate issue adds the certificate's rendering here.
 */
@Injectable()
@JobProcessor('learning.course-completed')
export class CourseCompletedProcessor implements JobHandler<'learning.course-completed'> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(payload: CourseCompletedPayload): Promise<{ recorded: boolean }> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO audit_event (action, user_id, details)
       SELECT 'course.completed', $1::uuid, jsonb_build_object('courseId', $2::text, 'revision', $3::int, 'completedAt', $4::text)
        WHERE NOT EXISTS (SELECT 1 FROM audit_event WHERE action = 'course.completed' AND user_id = $1::uuid AND details->>'courseId' = $2::text)
       RETURNING id`,
      [payload.userId, payload.courseId, payload.revision, payload.completedAt],
    );
    return { recorded: rows.length > 0 };
  }
}
