import { DomainException, type LocalizedMessage } from '@lms/core';
import { type KindVerdict, type MediaPurpose, PURPOSE_LABELS, allowedFormatsText, formatBytes } from './media-rules';

/** The asset does not exist or the caller may not see it (the two are not told apart). */
export class MediaNotFoundException extends DomainException {
  constructor() {
    super('MEDIA_NOT_FOUND', 404, { vi: 'Không tìm thấy tệp media này.', en: 'The media file was not found.' });
  }
}

export class MediaTooLargeException extends DomainException {
  constructor(purpose: MediaPurpose, maxBytes: number) {
    const label = PURPOSE_LABELS[purpose];
    super(
      'MEDIA_TOO_LARGE',
      413,
      { vi: `Tệp ${label.vi} vượt quá giới hạn ${formatBytes(maxBytes)}.`, en: `The ${label.en} file is over the ${formatBytes(maxBytes)} limit.` },
      { maxBytes },
    );
  }
}

export class MediaEmptyException extends DomainException {
  constructor() {
    super('MEDIA_EMPTY', 422, { vi: 'Tệp trống (0 byte).', en: 'The file is empty (0 bytes).' });
  }
}

/** The message of a refused kind, also stored as the asset's failure. */
export function kindNotAllowedMessage(purpose: MediaPurpose, verdict: Extract<KindVerdict, { ok: false }>): LocalizedMessage {
  const label = PURPOSE_LABELS[purpose];
  switch (verdict.reason) {
    case 'svg':
      return {
        vi: 'Không nhận ảnh SVG vì có thể chứa mã chạy được. Hãy xuất ảnh sang PNG hoặc JPEG rồi tải lên lại.',
        en: 'SVG images are not accepted because they can carry scripts. Export the image as PNG or JPEG and upload it again.',
      };
    case 'executable':
      return {
        vi: 'Không nhận tệp chương trình (.exe, ứng dụng, tập lệnh).',
        en: 'Programs (.exe files, applications, scripts) are not accepted.',
      };
    case 'not-allowed':
      return {
        vi: `Nội dung tệp không phải định dạng ${label.vi} được nhận (${allowedFormatsText(purpose)}). Tên tệp không quyết định định dạng: hãy kiểm tra lại tệp.`,
        en: `The file's content is not an accepted ${label.en} format (${allowedFormatsText(purpose)}). The file name does not decide the format: check the file.`,
      };
    default: {
      const unknown: never = verdict.reason;
      throw new Error(`unknown verdict ${String(unknown)}`);
    }
  }
}

export class MediaKindNotAllowedException extends DomainException {
  constructor(purpose: MediaPurpose, verdict: Extract<KindVerdict, { ok: false }>) {
    super('MEDIA_KIND_NOT_ALLOWED', 422, kindNotAllowedMessage(purpose, verdict), { purpose, reason: verdict.reason, detected: verdict.detected });
  }
}

export function sizeMismatchMessage(declared: number, actual: number): LocalizedMessage {
  return {
    vi: `Kích thước tệp đã tải lên (${actual} byte) khác với kích thước đã khai báo (${declared} byte). Hãy tải lên lại.`,
    en: `The uploaded file has ${actual} bytes, not the ${declared} bytes declared. Upload it again.`,
  };
}

export class MediaSizeMismatchException extends DomainException {
  constructor(declared: number, actual: number) {
    super('MEDIA_SIZE_MISMATCH', 422, sizeMismatchMessage(declared, actual), { declared, actual });
  }
}

/** The caller may upload, but not for this purpose (a learner may upload only evidence). */
export class MediaPurposeForbiddenException extends DomainException {
  constructor(purpose: MediaPurpose) {
    super('MEDIA_PURPOSE_FORBIDDEN', 403, {
      vi: `Bạn không có quyền tải lên tệp ${PURPOSE_LABELS[purpose].vi}.`,
      en: `You may not upload ${PURPOSE_LABELS[purpose].en} files.`,
    }, { purpose });
  }
}

/** Part URLs or a completion asked for an upload that is already complete (or failed). */
export class MediaUploadClosedException extends DomainException {
  constructor() {
    super('MEDIA_UPLOAD_CLOSED', 409, { vi: 'Tệp này đã được tải lên xong.', en: 'This file has already been uploaded.' });
  }
}

export class MediaPartOutOfRangeException extends DomainException {
  constructor(parts: number) {
    super('MEDIA_PART_OUT_OF_RANGE', 422, { vi: `Tệp này chỉ có ${parts} phần.`, en: `This upload has ${parts} part(s).` }, { parts });
  }
}

export class MediaNotFailedException extends DomainException {
  constructor() {
    super('MEDIA_NOT_FAILED', 409, { vi: 'Chỉ xử lý lại được tệp đã xử lý lỗi.', en: 'Only a file whose processing failed can be retried.' });
  }
}

export class MediaNotReadyException extends DomainException {
  constructor() {
    super('MEDIA_NOT_READY', 409, { vi: 'Tệp đang được xử lý, hãy thử lại sau.', en: 'The file is still being processed; try again later.' });
  }
}

export class MediaVariantNotFoundException extends DomainException {
  constructor(variant: string) {
    super('MEDIA_VARIANT_NOT_FOUND', 404, { vi: 'Tệp này không có bản này.', en: 'This file has no such variant.' }, { variant });
  }
}

/** Failures the processing job records (never thrown over HTTP). */
export const PROCESSING_FAILURES = {
  MEDIA_UNREADABLE: {
    vi: 'Không đọc được nội dung tệp (tệp hỏng, bị cắt ngắn hoặc không đúng định dạng).',
    en: 'The file could not be read (it is damaged, truncated or not in the format it claims).',
  },
  MEDIA_CONVERSION_FAILED: {
    vi: 'Không chuyển đổi được bài trình chiếu (tệp có thể bị hỏng). Hãy mở và lưu lại bằng PowerPoint hoặc LibreOffice rồi tải lên lại.',
    en: 'The slides could not be converted (the file may be damaged). Open and save it again in PowerPoint or LibreOffice, then upload it again.',
  },
  MEDIA_TIMEOUT: {
    vi: 'Xử lý tệp quá lâu nên đã dừng. Hãy thử tệp ngắn hoặc nhỏ hơn.',
    en: 'Processing the file took too long and was stopped. Try a shorter or smaller file.',
  },
  MEDIA_DIMENSIONS_TOO_LARGE: {
    vi: 'Ảnh có kích thước điểm ảnh quá lớn.',
    en: 'The image has too many pixels.',
  },
  MEDIA_PROCESSING_FAILED: {
    vi: 'Đã có lỗi hệ thống khi xử lý tệp. Hãy thử xử lý lại.',
    en: 'Something went wrong on our side while processing the file. Try again.',
  },
} as const satisfies Record<string, LocalizedMessage>;

export type ProcessingFailureCode = keyof typeof PROCESSING_FAILURES;

/** Thrown inside processing when the file itself is at fault: recorded as the failure, not retried. */
export class MediaProcessingError extends Error {
  constructor(
    readonly code: ProcessingFailureCode,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'MediaProcessingError';
  }
}
