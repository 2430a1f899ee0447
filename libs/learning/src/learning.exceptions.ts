import { DomainException } from '@lms/core';

/** Builds a DomainException subclass for one stable code, status and bilingual message. */
function failure(code: string, status: number, vi: string, en: string) {
  return class extends DomainException {
    constructor(details?: Record<string, unknown>) {
      super(code, status, { vi, en }, details);
    }
  };
}

export const EnrolmentKeyRequiredException = failure('ENROLMENT_KEY_REQUIRED', 403, 'Khoá học này cần mã ghi danh.', 'This course needs an enrolment key.');
export const EnrolmentKeyInvalidException = failure('ENROLMENT_KEY_INVALID', 403, 'Mã ghi danh không đúng.', 'The enrolment key is not right.');
export const EnrolmentAssignedOnlyException = failure('ENROLMENT_ASSIGNED_ONLY', 403, 'Khoá học này chỉ dành cho người được giao.', 'This course is only for those it is assigned to.');
export const EnrolmentRequiredException = failure('ENROLMENT_REQUIRED', 403, 'Hãy ghi danh khoá học trước khi học.', 'Enrol in the course before opening its lessons.');
export const EnrolmentNotFoundException = failure('ENROLMENT_NOT_FOUND', 404, 'Bạn chưa ghi danh khoá học này.', 'You are not enrolled in this course.');
export const EnrolmentByAssignmentException = failure(
  'ENROLMENT_BY_ASSIGNMENT',
  409,
  'Khoá học được giao cho bạn nên không thể huỷ ghi danh; hãy hỏi giáo viên.',
  'The course is assigned to you, so you cannot withdraw; ask your teacher.',
);
export const EnrolmentKeyMissingException = failure('ENROLMENT_KEY_MISSING', 422, 'Hãy đặt mã ghi danh (4–64 ký tự).', 'Set an enrolment key (4–64 characters).');
export const AssignmentNotFoundException = failure('ASSIGNMENT_NOT_FOUND', 404, 'Không tìm thấy việc giao khoá học.', 'The assignment was not found.');
export const AssignmentGradeException = failure('ASSIGNMENT_GRADE_NOT_ALLOWED', 422, 'Chỉ lọc theo khối lớp khi giao cho học sinh hoặc phụ huynh.', 'A grade filter applies only to students or parents.');
export const AssignmentDueException = failure('ASSIGNMENT_DUE_IN_PAST', 422, 'Hạn hoàn thành phải ở tương lai.', 'The due date must be in the future.');
export const ProgressBatchTooLargeException = failure('PROGRESS_BATCH_TOO_LARGE', 413, 'Gửi tối đa 100 sự kiện mỗi lần.', 'Send at most 100 events at a time.');
export const ProgressLessonNotFoundException = failure('PROGRESS_LESSON_NOT_FOUND', 404, 'Không tìm thấy bài học.', 'The lesson was not found.');
export const ProgressNotEnrolledException = failure('PROGRESS_NOT_ENROLLED', 403, 'Bạn chưa ghi danh khoá học của bài này.', 'You are not enrolled in the course of this lesson.');
export const ProgressOutOfRangeException = failure('PROGRESS_OUT_OF_RANGE', 422, 'Vị trí vượt quá độ dài của bài học.', 'The position is beyond the length of the lesson.');
export const ProgressMediaNotReadyException = failure('PROGRESS_MEDIA_NOT_READY', 409, 'Tệp của bài học chưa xử lý xong.', 'The lesson’s file is not ready yet.');
export const ProgressNotExternalException = failure('PROGRESS_NOT_EXTERNAL', 422, 'Chỉ nộp minh chứng cho bài học ở nền tảng khác.', 'Evidence is only for lessons on another platform.');
export const EvidenceNotFoundException = failure('EVIDENCE_NOT_FOUND', 404, 'Không tìm thấy minh chứng.', 'The evidence was not found.');
export const EvidenceAssetException = failure('EVIDENCE_ASSET_INVALID', 422, 'Tệp minh chứng không hợp lệ: hãy tải lên ảnh chụp hoặc tệp PDF của bạn.', 'The evidence file is not valid: upload your own photo or PDF.');
export const EvidenceReviewedException = failure('EVIDENCE_ALREADY_REVIEWED', 409, 'Minh chứng này đã được duyệt.', 'This evidence has already been reviewed.');
export const EvidenceNoteRequiredException = failure('EVIDENCE_NOTE_REQUIRED', 422, 'Hãy ghi lý do từ chối.', 'Give the reason for rejecting.');
