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
