import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { errorResponse, commonError, requestIdOf } from '@lms/core';
import type { FastifyInstance } from 'fastify';

const API_PATHS = /^\/(api|health)(\/|$)/;

/**
 * Serves the built web app (apps/web → dist/web) at `/`. Unknown paths outside the API answer
 * index.html so the browser router can take over; unknown API paths keep their JSON 404.
 */
export async function registerWebApp(fastify: FastifyInstance, webDistDir: string): Promise<void> {
  const logger = new Logger('WebApp');
  const indexFile = path.join(webDistDir, 'index.html');
  const hasWeb = existsSync(indexFile);
  if (hasWeb) {
    await fastify.register(fastifyStatic, {
      root: webDistDir,
      prefix: '/',
      wildcard: false,
      index: false,
      maxAge: '1h',
      setHeaders: (reply, filePath) => {
        // Vite fingerprints everything under assets/, so those can be cached for a year.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) void reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  } else {
    logger.warn(`No web build at ${webDistDir}; run \`npm run build:web\`. The API still works.`);
  }
  const indexHtml = hasWeb ? await readFile(indexFile) : null;

  fastify.get('/*', async (request, reply) => {
    const wantsHtml = (request.headers.accept ?? '').includes('text/html') || request.url === '/';
    if (indexHtml && !API_PATHS.test(request.url) && wantsHtml) {
      return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    }
    const { status, body } = errorResponse(commonError('ROUTE_NOT_FOUND'), requestIdOf(request.raw), request.headers['accept-language']);
    return reply.status(status).send(body);
  });
}
