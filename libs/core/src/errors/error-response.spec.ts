import { BadRequestException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { DomainException } from './domain.exception';
import { errorResponse } from './error-response';

describe('errorResponse: one body for every error', () => {
  it('keeps a domain error code and picks the message language', () => {
    const error = new DomainException('COURSE_NOT_PUBLISHED', 409, { vi: 'Khoá học chưa xuất bản.', en: 'The course is not published.' });
    expect(errorResponse(error, 'r1', 'vi')).toEqual({
      status: 409,
      body: { code: 'COURSE_NOT_PUBLISHED', message: 'Khoá học chưa xuất bản.', requestId: 'r1' },
      unexpected: false,
    });
    expect(errorResponse(error, 'r1', 'en-GB').body.message).toBe('The course is not published.');
  });

  it('maps Fastify parse errors to stable codes', () => {
    const tooLarge = Object.assign(new Error('too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(errorResponse(tooLarge, 'r', undefined)).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    const malformed = Object.assign(new SyntaxError('Unexpected token'), { statusCode: 400 });
    expect(errorResponse(malformed, 'r', undefined)).toMatchObject({ status: 400, body: { code: 'MALFORMED_JSON', message: 'Nội dung JSON bị lỗi cú pháp.' } });
  });

  it('maps Nest HTTP exceptions without leaking their text', () => {
    expect(errorResponse(new NotFoundException('Cannot GET /x'), 'r', 'en').body).toEqual({ code: 'ROUTE_NOT_FOUND', message: 'There is no such route.', requestId: 'r' });
    expect(errorResponse(new BadRequestException('secret detail'), 'r', 'en').body.message).toBe('The request is invalid.');
    expect(errorResponse(new ServiceUnavailableException({ status: 'error' }), 'r', 'en')).toMatchObject({ status: 503, body: { code: 'SERVICE_UNAVAILABLE', details: { status: 'error' } } });
  });

  it('hides unexpected errors behind INTERNAL_ERROR and flags them for the log', () => {
    const result = errorResponse(new TypeError('x is undefined'), 'r9', undefined);
    expect(result).toEqual({
      status: 500,
      body: { code: 'INTERNAL_ERROR', message: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.', requestId: 'r9' },
      unexpected: true,
    });
  });
});
