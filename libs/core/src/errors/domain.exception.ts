/** A message a user reads: Vietnamese first, English second. */
export interface LocalizedMessage {
  vi: string;
  en: string;
}

/**
 * The one base class for errors a caller can cause. Every domain error carries a stable,
 * SCREAMING_SNAKE code, the HTTP status it maps to and a message in both languages. The global
 * exception filter turns it into `{ code, message, requestId }`.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messages: LocalizedMessage,
    readonly details?: Record<string, unknown>,
  ) {
    super(messages.en);
    this.name = new.target.name;
  }
}

export class NotFoundDomainException extends DomainException {
  constructor(code = 'NOT_FOUND', messages: LocalizedMessage = { vi: 'Không tìm thấy.', en: 'Not found.' }) {
    super(code, 404, messages);
  }
}
