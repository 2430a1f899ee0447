import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestIdOf } from '../http/request-id';
import { errorResponse } from './error-response';

/**
 * The one exception filter: every error leaves as `{ code, message, requestId }`, the message in
 * Vietnamese or English by Accept-Language. Unexpected errors are logged with the request id and
 * answer 500 without internals.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = requestIdOf(request.raw);
    const { status, body, unexpected } = errorResponse(exception, requestId, request.headers['accept-language']);
    if (unexpected) this.logger.error({ err: exception, requestId }, 'Unhandled error');
    if (reply.sent) return;
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
