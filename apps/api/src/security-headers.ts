import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { REQUEST_ID_HEADER, requestIdOf } from '@lms/core';

/**
 * Helmet's headers, computed once. Helmet decides what to send (CSP, HSTS, nosniff, frame and
 * referrer policies…), but running its middleware on every request re-serialises the policy each
 * time and cost a fifth of the CPU of a liveness probe; the headers are the same for every
 * response, so they are captured at start-up and set in one call per request.
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
  } as unknown as ServerResponse;
  let failure: unknown = null;
  helmet(options)({ headers: {} } as IncomingMessage, response, (error?: unknown) => {
    failure = error ?? null;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return headers;
}

/**
 * One synchronous hook for what every response carries: the request id (echoed so a user's
 * error report leads to the log line) and the security headers.
 */
export function registerResponseHeaders(fastify: FastifyInstance, options: HelmetOptions): void {
  const headers = helmetHeaders(options);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headers).header(REQUEST_ID_HEADER, requestIdOf(request.raw));
    done();
  });
}
