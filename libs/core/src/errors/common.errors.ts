import { DomainException, type LocalizedMessage } from './domain.exception';

/** Errors every route can produce, by stable code. */
export const COMMON_ERRORS = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is invalid.' },
  MALFORMED_JSON: { status: 400, vi: 'Nội dung JSON bị lỗi cú pháp.', en: 'The JSON body is malformed.' },
  EMPTY_JSON_BODY: { status: 400, vi: 'Nội dung JSON trống.', en: 'The JSON body is empty.' },
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu không hợp lệ.', en: 'The request is invalid.' },
  UNAUTHENTICATED: { status: 401, vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có địa chỉ này.', en: 'There is no such route.' },
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Phương thức không được hỗ trợ.', en: 'Method not allowed.' },
  CONFLICT: { status: 409, vi: 'Xung đột dữ liệu.', en: 'Conflict.' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Nội dung gửi lên quá lớn.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: 'Kiểu nội dung không được hỗ trợ.', en: 'Unsupported content type.' },
  UNPROCESSABLE: { status: 422, vi: 'Yêu cầu vi phạm quy tắc nghiệp vụ.', en: 'The request breaks a rule.' },
  TOO_MANY_REQUESTS: { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.', en: 'Too many requests; try again later.' },
  SERVICE_UNAVAILABLE: { status: 503, vi: 'Dịch vụ tạm thời không sẵn sàng.', en: 'The service is temporarily unavailable.' },
  INTERNAL_ERROR: { status: 500, vi: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.', en: 'Something went wrong on our side. Please try again later.' },
} as const satisfies Record<string, LocalizedMessage & { status: number }>;

export type CommonErrorCode = keyof typeof COMMON_ERRORS;

export function commonError(code: CommonErrorCode, details?: Record<string, unknown>): DomainException {
  const { status, vi, en } = COMMON_ERRORS[code];
  return new DomainException(code, status, { vi, en }, details);
}

/** The code for an HTTP status that reached the filter without a domain code of its own. */
export function codeForStatus(status: number): CommonErrorCode {
  switch (status) {
    case 400: return 'BAD_REQUEST';
    case 401: return 'UNAUTHENTICATED';
    case 403: return 'FORBIDDEN';
    case 404: return 'NOT_FOUND';
    case 405: return 'METHOD_NOT_ALLOWED';
    case 409: return 'CONFLICT';
    case 413: return 'PAYLOAD_TOO_LARGE';
    case 415: return 'UNSUPPORTED_MEDIA_TYPE';
    case 422: return 'UNPROCESSABLE';
    case 429: return 'TOO_MANY_REQUESTS';
    case 503: return 'SERVICE_UNAVAILABLE';
    default: return status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST';
  }
}
