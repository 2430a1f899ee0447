import { DomainException } from '@lms/core';
import type { PasswordRule } from './password';

export class InvalidCredentialsException extends DomainException {
  constructor() {
    super('AUTH_INVALID_CREDENTIALS', 401, {
      vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      en: 'The username or password is incorrect.',
    });
  }
}

export class AccountLockedException extends DomainException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'AUTH_ACCOUNT_LOCKED',
      423,
      {
        vi: `Tài khoản tạm khoá do nhập sai nhiều lần. Vui lòng thử lại sau ${Math.ceil(retryAfterSeconds / 60)} phút.`,
        en: `The account is locked after repeated failures. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      },
      { retryAfterSeconds },
    );
  }
}

export class AccountDisabledException extends DomainException {
  constructor() {
    super('AUTH_ACCOUNT_DISABLED', 403, {
      vi: 'Tài khoản đã bị vô hiệu hoá. Vui lòng liên hệ nhà trường.',
      en: 'The account is disabled. Please contact your school.',
    });
  }
}

export class RefreshTokenInvalidException extends DomainException {
  constructor() {
    super('AUTH_REFRESH_INVALID', 401, {
      vi: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
      en: 'The session has expired. Please sign in again.',
    });
  }
}

const RULE_TEXT: Record<PasswordRule, { vi: string; en: string }> = {
  length: { vi: 'dài 8–128 ký tự', en: '8–128 characters long' },
  letters_and_digits: { vi: 'có cả chữ và số (hoặc dài từ 16 ký tự)', en: 'letters and digits (or 16+ characters)' },
  not_username: { vi: 'không chứa tên đăng nhập', en: 'not containing the username' },
  not_common: { vi: 'không phải mật khẩu phổ biến', en: 'not a common password' },
};

export class PasswordPolicyException extends DomainException {
  constructor(rules: PasswordRule[]) {
    super(
      'PASSWORD_POLICY',
      422,
      {
        vi: `Mật khẩu chưa đủ mạnh: cần ${rules.map((r) => RULE_TEXT[r].vi).join('; ')}.`,
        en: `The password is too weak: it must be ${rules.map((r) => RULE_TEXT[r].en).join('; ')}.`,
      },
      { rules },
    );
  }
}

export class AccountPendingException extends DomainException {
  constructor() {
    super('AUTH_ACCOUNT_PENDING', 403, {
      vi: 'Tài khoản đang chờ nhà trường duyệt. Bạn sẽ đăng nhập được khi đăng ký được chấp nhận.',
      en: 'The account is waiting for the school’s approval. You can sign in once the registration is accepted.',
    });
  }
}

export class UserNotFoundException extends DomainException {
  constructor() {
    super('USER_NOT_FOUND', 404, { vi: 'Không tìm thấy tài khoản.', en: 'The account was not found.' });
  }
}

export class UsernameTakenException extends DomainException {
  constructor() {
    super('USERNAME_TAKEN', 409, { vi: 'Tên đăng nhập đã có người dùng.', en: 'The username is already taken.' });
  }
}

export class PersonCodeTakenException extends DomainException {
  constructor() {
    super('PERSON_CODE_TAKEN', 409, { vi: 'Mã định danh hoặc mã cán bộ đã thuộc về tài khoản khác.', en: 'The student or staff code already belongs to another account.' });
  }
}

export class RoleNotGrantableException extends DomainException {
  constructor(reason: { vi: string; en: string }) {
    super('ROLE_NOT_GRANTABLE', 422, { vi: `Không thể gán vai trò: ${reason.vi}`, en: `The role cannot be granted: ${reason.en}` });
  }
}

export class RegistrationClosedException extends DomainException {
  constructor() {
    super('REGISTRATION_CLOSED', 403, { vi: 'Hệ thống chưa mở đăng ký tài khoản.', en: 'Self-registration is not open.' });
  }
}
