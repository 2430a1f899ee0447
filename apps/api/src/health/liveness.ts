import type { FastifyInstance } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';

export const LIVENESS_PATH = '/health/live';
const BODY = JSON.stringify({ status: 'ok' });

/**
 * `GET /health/live`: the process is up and its event loop answers; nothing else is checked.
 * Orchestrators call it every few seconds on every replica, so it is a plain Fastify route that
 * skips Nest's router, guard and pipes (it is public and takes no input); the global hooks (request
 * id, security headers) still apply. Measured by `npm run bench:health`.
 */
export function registerLiveness(fastify: FastifyInstance): void {
  fastify.get(LIVENESS_PATH, (_request, reply) => {
    void reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').send(BODY);
  });
}

/** The liveness route is not a Nest route, so its OpenAPI entry is added by hand. */
export function documentLiveness(document: OpenAPIObject): OpenAPIObject {
  document.paths[LIVENESS_PATH] = {
    get: {
      operationId: 'getHealthLive',
      ...{ 'x-lms-public': true },
      summary: 'Liveness: the process answers',
      tags: ['health'],
      parameters: [],
      responses: {
        '200': {
          description: 'The process is up',
          content: { 'application/json': { schema: { type: 'object', properties: { status: { type: 'string', example: 'ok' } }, required: ['status'] } } },
        },
      },
    },
  };
  return document;
}
