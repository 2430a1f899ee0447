import type { IncomingMessage } from 'node:http';
import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestIdOf } from '../http/request-id';

/**
 * Structured JSON logs (pino) with the request id on every line of a request. Liveness probes are
 * not logged; credentials and cookies are redacted.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Only the API and readiness are logged per request: static files of the web app and
        // the liveness probe (a plain Fastify route, called every few seconds) are not, and
        // keeping them out of the middleware keeps the probe's path cheap.
        // (Nest prefixes these with the global prefix, /api/v1.)
        forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.log.level,
          genReqId: (req: IncomingMessage) => requestIdOf(req),
          customAttributeKeys: { reqId: 'requestId' },
          customLogLevel: (_req: IncomingMessage, res: { statusCode: number }, error?: Error) =>
            error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health/') },
          redact: {
            paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'req.query.sig'],
            censor: '[redacted]',
          },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.replace(/([?&]sig=)[^&]+/, '$1[redacted]') }),
          },
          transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
