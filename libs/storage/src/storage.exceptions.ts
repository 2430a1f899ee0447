import { DomainException } from '@lms/core';

/** The object key is empty, too long, escapes its folder or holds characters no driver can store safely. */
export class StorageKeyInvalidException extends DomainException {
  constructor(reason: string) {
    super(
      'STORAGE_KEY_INVALID',
      400,
      { vi: 'Khóa đối tượng lưu trữ không hợp lệ.', en: 'The storage object key is invalid.' },
      { reason },
    );
  }
}

export class StorageObjectNotFoundException extends DomainException {
  constructor() {
    super('STORAGE_OBJECT_NOT_FOUND', 404, {
      vi: 'Không tìm thấy tệp trong kho lưu trữ.',
      en: 'The stored object was not found.',
    });
  }
}

export class StorageRangeNotSatisfiableException extends DomainException {
  constructor(readonly objectSize?: number) {
    super(
      'STORAGE_RANGE_NOT_SATISFIABLE',
      416,
      { vi: 'Khoảng byte yêu cầu nằm ngoài kích thước tệp.', en: 'The requested byte range cannot be satisfied.' },
      objectSize === undefined ? undefined : { size: objectSize },
    );
  }
}

/** A signed storage URL is missing its signature, or any part of it was changed. */
export class StorageSignatureInvalidException extends DomainException {
  constructor() {
    super('STORAGE_SIGNATURE_INVALID', 403, {
      vi: 'Đường dẫn tải tệp không hợp lệ hoặc đã bị thay đổi.',
      en: 'The signed storage URL is invalid or was tampered with.',
    });
  }
}

export class StorageSignatureExpiredException extends DomainException {
  constructor() {
    super('STORAGE_SIGNATURE_EXPIRED', 403, {
      vi: 'Đường dẫn tải tệp đã hết hạn. Vui lòng thử lại.',
      en: 'The signed storage URL has expired. Please try again.',
    });
  }
}

export class StorageUploadNotFoundException extends DomainException {
  constructor() {
    super('STORAGE_UPLOAD_NOT_FOUND', 404, {
      vi: 'Không tìm thấy phiên tải lên nhiều phần.',
      en: 'The multipart upload was not found.',
    });
  }
}

/** Completing a multipart upload named a part that was not uploaded, or parts out of order. */
export class StoragePartInvalidException extends DomainException {
  constructor(reason: string) {
    super(
      'STORAGE_PART_INVALID',
      400,
      { vi: 'Danh sách phần tải lên không hợp lệ.', en: 'The list of uploaded parts is invalid.' },
      { reason },
    );
  }
}

/** The filesystem driver cannot hold both `a` and `a/b` (a file and a folder of the same name). */
export class StorageKeyConflictException extends DomainException {
  constructor() {
    super('STORAGE_KEY_CONFLICT', 409, {
      vi: 'Khóa đối tượng xung đột với một đối tượng đã có.',
      en: 'The storage key conflicts with an existing object.',
    });
  }
}
