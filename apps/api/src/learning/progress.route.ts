import type { OpenAPIObject } from '@nestjs/swagger';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Authenticator, commonError, errorResponse, requestIdOf } from '@lms/core';
import { MAX_EVENTS_PER_BATCH, ProgressBatchTooLargeException, type ProgressEvent, type ProgressService } from '@lms/learning';

export const PROGRESS_PATH = '/api/v1/progress';
/** 100 events of a few hundred bytes each, with room to spare. */
const BODY_LIMIT = 64 * 1024;

const EVENT_SCHEMA = {
  type: 'object',
  required: ['id', 'lessonId', 'at', 'type'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', format: 'uuid', description: 'Chosen by the client; a replayed id is a no-op' },
    lessonId: { type: 'string', format: 'uuid' },
    at: { type: 'string', format: 'date-time', description: 'When it happened on the device' },
    type: { type: 'string', enum: ['played', 'page', 'scroll', 'time'] },
    from: { type: 'number', minimum: 0, maximum: 86400, description: 'played: first media second actually played' },
    to: { type: 'number', minimum: 0, maximum: 86400, description: 'played: last media second played (to − from ≤ 60)' },
    page: { type: 'integer', minimum: 1, maximum: 10000, description: 'page: a page or image shown' },
    ratio: { type: 'number', minimum: 0, maximum: 1, description: 'scroll: how far down the text' },
    position: { type: 'number', minimum: 0, maximum: 86400, description: 'Where to resume (seconds, or page)' },
    spent: { type: 'number', minimum: 0, maximum: 120, description: 'Seconds of active time since the previous event' },
  },
} as const;

/** The batch size is checked by the handler (413 with its own code), not by the schema. */
const BODY_SCHEMA = {
  type: 'object',
  required: ['events'],
  additionalProperties: false,
  properties: { events: { type: 'array', minItems: 1, items: EVENT_SCHEMA } },
} as const;

const ANSWER_SCHEMA = {
  type: 'object',
  required: ['accepted', 'duplicates', 'lessons', 'completedCourses'],
  properties: {
    accepted: { type: 'integer', description: 'Events recorded now' },
    duplicates: { type: 'integer', description: 'Events already recorded (replays): nothing changed' },
    lessons: {
      type: 'array',
      items: {
        type: 'object',
        required: ['lessonId', 'percent', 'completed', 'completedAt'],
        properties: { lessonId: { type: 'string', format: 'uuid' }, percent: { type: 'integer' }, completed: { type: 'boolean' }, completedAt: { type: 'string', format: 'date-time', nullable: true } },
      },
    },
    completedCourses: { type: 'array', items: { type: 'string', format: 'uuid' }, description: 'Courses these events completed' },
  },
} as const;

/** Strict: no coercion (a string is not a number), no silently dropped fields. */
function strictValidator() {
  const ajv = new Ajv({ coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true, strict: false });
  addFormats.default(ajv, ['uuid', 'date-time']);
  return ajv.compile(BODY_SCHEMA);
}

/**
 * `POST /api/v1/progress`, the heartbeat: on a campaign day the busiest route, so a plain Fastify
 * route (no Nest router, guard or class-validator pipe): the same authenticator as every route
 * (Bearer or cookie + CSRF; fast-jwt with its verified-token cache), a schema compiled once by
 * Ajv, and the progress service's group commit. Measured by `npm run bench:progress`.
 */
export function registerProgressRoute(fastify: FastifyInstance, authenticator: Authenticator, progress: ProgressService): void {
  const validate = strictValidator();
  const fail = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    const { status, body, unexpected } = errorResponse(error, requestIdOf(request.raw), request.headers['accept-language']);
    if (unexpected) request.log.error({ err: error }, 'progress: unexpected error');
    void reply.status(status).header('cache-control', 'no-store').send(body);
  };
  fastify.route({
    method: 'POST',
    url: PROGRESS_PATH,
    bodyLimit: BODY_LIMIT,
    errorHandler: (error, request, reply) => fail(request, reply, error),
    handler: async (request, reply) => {
      try {
        const principal = await authenticator.authenticate(request);
        if (!principal) throw commonError('UNAUTHENTICATED');
        if (!principal.permissions.has('course.learn')) throw commonError('FORBIDDEN');
        const body = request.body as { events?: unknown } | null;
        if (body && Array.isArray(body.events) && body.events.length > MAX_EVENTS_PER_BATCH) throw new ProgressBatchTooLargeException({ max: MAX_EVENTS_PER_BATCH });
        if (!validate(body)) {
          throw commonError('VALIDATION_FAILED', { fields: (validate.errors ?? []).map((e) => ({ field: e.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'body', problems: [e.message ?? 'invalid'] })) });
        }
        const answer = await progress.record(principal.userId, (body as { events: ProgressEvent[] }).events);
        void reply.header('cache-control', 'no-store');
        return answer;
      } catch (error) {
        fail(request, reply, error);
        return reply;
      }
    },
  });
}

/** The route is not a Nest route, so its OpenAPI entry is written here (the authorisation matrix reads it). */
export function documentProgressRoute(document: OpenAPIObject): OpenAPIObject {
  document.paths[PROGRESS_PATH] = {
    post: {
      operationId: 'recordProgress',
      ...{ 'x-lms-permission': 'course.learn' },
      summary: 'Nhịp tiến độ / Progress heartbeat: a batch of 1–100 learning events (idempotent by event id)',
      description:
        'Answers once the events are committed. Errors (the whole batch is refused, nothing written): 400 VALIDATION_FAILED, 413 PROGRESS_BATCH_TOO_LARGE, ' +
        '404 PROGRESS_LESSON_NOT_FOUND, 403 PROGRESS_NOT_ENROLLED, 422 PROGRESS_OUT_OF_RANGE, 409 PROGRESS_MEDIA_NOT_READY. See docs/learning.md.',
      tags: ['learning'],
      security: [{ bearer: [] }],
      parameters: [],
      requestBody: { required: true, content: { 'application/json': { schema: BODY_SCHEMA as never } } },
      responses: {
        '200': { description: 'Recorded', content: { 'application/json': { schema: ANSWER_SCHEMA as never } } },
        '401': { description: 'UNAUTHENTICATED' },
        '403': { description: 'FORBIDDEN, PROGRESS_NOT_ENROLLED' },
      },
    },
  };
  return document;
}
