import { DomainException } from '@lms/core';

export class OrgUnitNotFoundException extends DomainException {
  constructor() {
    super('ORG_UNIT_NOT_FOUND', 404, { vi: 'Không tìm thấy đơn vị.', en: 'The unit was not found.' });
  }
}

export class OrgInvalidParentException extends DomainException {
  constructor(reason: { vi: string; en: string }) {
    super('ORG_INVALID_PARENT', 422, { vi: `Đơn vị cấp trên không phù hợp: ${reason.vi}`, en: `The parent unit is not allowed: ${reason.en}` });
  }
}

export class OrgInvalidUnitException extends DomainException {
  constructor(reason: { vi: string; en: string }) {
    super('ORG_INVALID_UNIT', 422, { vi: `Thông tin đơn vị không hợp lệ: ${reason.vi}`, en: `The unit is not valid: ${reason.en}` });
  }
}
