import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { APP_CONFIG, applyEnvironmentOverrides, createValidationPipe, loadAppConfig, errorResponse, requestIdOf, REQUEST_ID_HEADER, type AppConfig } from '@lms/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { documentLiveness, registerLiveness } from './health/liveness';
import { documentProgressRoute } from './learning/progress.route';
import { registerResponseHeaders } from './security-headers';
import { APP_VERSION } from './version';
import { registerWebApp } from './web/web-app';

export const API_PREFIX = 'api/v1';
/** Routes outside /api/v1: probes for orchestrators and load balancers. */
const UNPREFIXED = [{ path: 'health/ready', method: RequestMethod.GET }];

export interface CreateApiAppOptions {
  /** Environment variables laid over process.env (tests use this). */
  env?: Record<string, string | undefined>;
  /** Build the module graph without connecting to anything (OpenAPI generation). */
  preview?: boolean;
}

function fastifyAdapter(bodyLimit: number, trustProxy: boolean): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit,
    trustProxy,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 1024, ignoreTrailingSlash: true },
    // Errors Fastify raises while routing (a malformed %-escape in the URL) get the common body too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const { status, body } = errorResponse(error, requestIdOf(request.raw), request.headers['accept-language']);
      void reply.status(status).send(body);
    },
  });
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('LMS Bình dân học vụ số — API')
    .setDescription(
      'API của nền tảng học tập số. Lỗi luôn có dạng `{ code, message, requestId }`; thông điệp theo Accept-Language (vi mặc định, en).\n\n' +
        'API of the digital-skills learning platform. Errors are always `{ code, message, requestId }`; messages follow Accept-Language (vi default, en).',
    )
    .setVersion(APP_VERSION)
    .addBearerAuth()
    .build();
  return documentProgressRoute(
    documentLiveness(
      SwaggerModule.createDocument(app, config, {
        operationIdFactory: (_controllerKey, methodKey) => methodKey,
      }),
    ),
  );
}

/** Creates the api application, fully configured but not listening. */
export async function createApiApp(options: CreateApiAppOptions = {}): Promise<NestFastifyApplication> {
  applyEnvironmentOverrides(options.env ?? {});
  // The adapter needs limits before the module graph (and its config) exists, so read the two
  // values through the same validated loader the ConfigModule uses.
  const early = options.preview ? null : loadAppConfig();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    fastifyAdapter(early?.http.bodyLimitBytes ?? 1024 * 1024, early?.http.trustProxy ?? false),
    { bufferLogs: true, preview: options.preview ?? false, abortOnError: false },
  );
  if (options.preview) {
    app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED });
    return app;
  }
  app.useLogger(app.get(PinoLogger));
  app.flushLogs();
  const config = app.get<AppConfig>(APP_CONFIG);
  const fastify = app.getHttpAdapter().getInstance();

  // Errors raised by Fastify itself (malformed JSON, body too large, bad content type) reach
  // Nest's error handler wrapped in an HttpException, and from there the one filter.

  await app.register(fastifyCookie);
  registerResponseHeaders(fastify, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(config.storage.s3 ? [config.storage.s3.publicEndpoint] : [])],
        mediaSrc: ["'self'", 'blob:', ...(config.storage.s3 ? [config.storage.s3.publicEndpoint] : [])],
        connectSrc: ["'self'", ...(config.storage.s3 ? [config.storage.s3.publicEndpoint] : [])],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // The web app is served from the api's own origin; CORS is only for other origins named in
  // CORS_ORIGINS (no hook at all when there are none).
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins,
      credentials: true,
      exposedHeaders: [REQUEST_ID_HEADER, 'content-range', 'etag'],
    });
  }
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED });
  app.useGlobalPipes(createValidationPipe());

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'LMS API',
  });
  registerLiveness(fastify);
  await registerWebApp(fastify, config.http.webDistDir);
  await app.init();
  return app;
}
