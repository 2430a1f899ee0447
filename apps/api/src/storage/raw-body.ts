import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** The content type our hook puts on signed PUTs so that only our parser sees their bodies. */
export const RAW_STORAGE_CONTENT_TYPE = 'application/x-lms-storage-upload';

const originalTypes = new WeakMap<IncomingMessage, string | undefined>();

/** The Content-Type the client sent with a signed PUT, before the hook replaced it. */
export function originalContentType(raw: IncomingMessage): string | undefined {
  return originalTypes.get(raw);
}

/**
 * Lets signed PUTs to `<objectsPath>/*` reach the controller as an unread stream, whatever their
 * Content-Type, without changing body parsing anywhere else.
 *
 * Why this way (Fastify 5 under @nestjs/platform-fastify 12): Fastify parses a body before the
 * handler runs, picks the parser by Content-Type, answers 415 for unknown types and caps bodies at
 * `bodyLimit` (1 MiB here). A global catch-all parser would change every other route's 415s, and
 * would not help for `application/json` or `text/plain` uploads, which Nest's own parsers would
 * buffer and parse. Parsers cannot be scoped to one Nest route, so an `onRequest` hook (which runs
 * before parsing) marks only PUTs under the storage path: it keeps the client's Content-Type aside
 * and sets a private type whose parser leaves the payload untouched. The controller then streams
 * `request.raw` to disk with no size cap and no buffering. A request that arrives with the private
 * type without passing the hook is refused with 415, as any unknown type would be.
 */
export function registerRawUploadBodies(fastify: FastifyInstance, objectsPath: string): void {
  const prefix = `${objectsPath.replace(/\/+$/, '')}/`;
  registerRawBodies(fastify, (method, url) => method === 'PUT' && url.startsWith(prefix));
}

/** Which requests (method and raw URL) reach their handler with an unread body; several routes may register. */
export type RawBodyMatcher = (method: string, url: string) => boolean;
const matchersOf = new WeakMap<FastifyInstance, RawBodyMatcher[]>();

/** The general form of the above: any route may ask for its body as an unread stream. */
export function registerRawBodies(fastify: FastifyInstance, match: RawBodyMatcher): void {
  const existing = matchersOf.get(fastify);
  if (existing) {
    existing.push(match);
    return;
  }
  const matchers = [match];
  matchersOf.set(fastify, matchers);
  fastify.addHook('onRequest', (request, _reply, done) => {
    const url = request.raw.url ?? '';
    if (matchers.some((m) => m(request.method, url))) {
      originalTypes.set(request.raw, request.headers['content-type']);
      request.headers['content-type'] = RAW_STORAGE_CONTENT_TYPE;
    }
    done();
  });
  fastify.addContentTypeParser(RAW_STORAGE_CONTENT_TYPE, (request, _payload, done) => {
    if (!originalTypes.has(request.raw)) {
      done(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }), undefined);
      return;
    }
    done(null, undefined);
  });
}
