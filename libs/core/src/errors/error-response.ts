import { HttpException } from '@nestjs/common';
import { localize, preferredLanguage } from '../http/language';
import { COMMON_ERRORS, codeForStatus, commonError } from './common.errors';
import { DomainException } from './domain.exception';

/** The body of every error answer. */
export interface ErrorBody {
  code: string;
  message: string;
  requestId: string;
  details?: Record<string, unknown>;
}

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
}

/** Fastify's own errors (raised before a handler runs) by their `code`. */
const FASTIFY_CODES: Record<string, keyof typeof COMMON_ERRORS> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'EMPTY_JSON_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Turns anything thrown into a DomainException; `null` means "unexpected: log it, answer 500". */
export function toDomainException(error: unknown): DomainException | null {
  if (error instanceof DomainException) return error;
  if (error instanceof HttpException) {
    // Nest wraps Fastify's own errors (body parsing) in an HttpException with the original as cause.
    const fromFastify = error.cause ? fastifyError(error.cause) : null;
    if (fromFastify) return fromFastify;
    const status = error.getStatus();
    if (status === 503) {
      const response = error.getResponse();
      return commonError('SERVICE_UNAVAILABLE', typeof response === 'object' && response ? (response as Record<string, unknown>) : undefined);
    }
    if (status >= 500) return null;
    const code = status === 404 ? 'ROUTE_NOT_FOUND' : codeForStatus(status);
    return commonError(code);
  }
  return fastifyError(error);
}

function fastifyError(error: unknown): DomainException | null {
  if (!error || typeof error !== 'object') return null;
  const { code, statusCode } = error as FastifyLikeError;
  if (typeof code === 'string' && code in FASTIFY_CODES) return commonError(FASTIFY_CODES[code]);
  if (error instanceof SyntaxError && statusCode === 400) return commonError('MALFORMED_JSON');
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return commonError(codeForStatus(statusCode));
  return null;
}

export function errorResponse(
  error: unknown,
  requestId: string,
  acceptLanguage: string | string[] | undefined,
): { status: number; body: ErrorBody; unexpected: boolean } {
  const lang = preferredLanguage(acceptLanguage);
  const domain = toDomainException(error);
  if (!domain) {
    const { status, vi, en } = COMMON_ERRORS.INTERNAL_ERROR;
    return { status, body: { code: 'INTERNAL_ERROR', message: localize({ vi, en }, lang), requestId }, unexpected: true };
  }
  const body: ErrorBody = { code: domain.code, message: localize(domain.messages, lang), requestId };
  if (domain.details) body.details = domain.details;
  return { status: domain.status, body, unexpected: false };
}
