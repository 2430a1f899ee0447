import { DomainException } from '@lms/core';

export class CourseNotFoundException extends DomainException {
  constructor() {
    super('COURSE_NOT_FOUND', 404, { vi: 'Không tìm thấy khoá học.', en: 'The course was not found.' });
  }
}

export class CourseItemNotFoundException extends DomainException {
  constructor(what: 'section' | 'lesson' | 'collaborator') {
    const vi = { section: 'Không tìm thấy chương.', lesson: 'Không tìm thấy bài học.', collaborator: 'Không tìm thấy người cùng soạn.' }[what];
    super(`COURSE_${what.toUpperCase()}_NOT_FOUND`, 404, { vi, en: `The ${what} was not found.` });
  }
}

export class CourseInvalidException extends DomainException {
  constructor(reasons: Array<{ vi: string; en: string }>) {
    super(
      'COURSE_INVALID',
      422,
      { vi: `Khoá học chưa hợp lệ: ${reasons.map((r) => r.vi).join('; ')}.`, en: `The course is not valid: ${reasons.map((r) => r.en).join('; ')}.` },
      { reasons },
    );
  }
}

export class CourseWorkflowException extends DomainException {
  constructor(from: string, action: string) {
    super('COURSE_WORKFLOW', 409, {
      vi: `Không thể ${ACTION_VI[action] ?? action} khi khoá học đang ở trạng thái "${STATUS_VI[from] ?? from}".`,
      en: `Cannot ${action} a course that is ${from.replace('_', ' ')}.`,
    });
  }
}

const ACTION_VI: Record<string, string> = { submit: 'gửi duyệt', publish: 'xuất bản', return: 'trả lại để sửa', archive: 'lưu trữ', edit: 'sửa' };
const STATUS_VI: Record<string, string> = { draft: 'bản nháp', in_review: 'chờ duyệt', published: 'đã xuất bản', archived: 'đã lưu trữ' };
