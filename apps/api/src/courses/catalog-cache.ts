import type { CatalogService } from '@lms/courses';
import type { FastifyInstance } from 'fastify';

/** The public catalogue search: the one route whose answers are served from the cache before Nest's pipeline runs. */
const CATALOG_SEARCH = /^\/api\/v1\/catalog\/courses(\?|$)/;

/**
 * A small response cache in front of the catalogue search. The same search by many people (a
 * campaign day) is answered from the serialised body of the last answer to exactly that URL, for
 * `CACHE_TTL_MS`, without the request logger, the guard, the ValidationPipe or JSON serialisation;
 * a publish or an archive clears it. Misses go through Nest as usual and their 200 answers are
 * remembered. Runs after the security-header hook, so cached answers carry the same headers.
 */
export function registerCatalogCache(fastify: FastifyInstance, catalog: CatalogService): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const url = request.raw.url ?? '';
    if (request.method === 'GET' && CATALOG_SEARCH.test(url)) {
      const body = catalog.cachedBody(url);
      if (body !== null) {
        void reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'public, max-age=30').header('x-cache', 'hit').send(body);
        return;
      }
    }
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const url = request.raw.url ?? '';
    if (request.method === 'GET' && reply.statusCode === 200 && typeof payload === 'string' && CATALOG_SEARCH.test(url) && reply.getHeader('x-cache') !== 'hit') {
      catalog.rememberBody(url, payload);
    }
    done(null, payload);
  });
}
