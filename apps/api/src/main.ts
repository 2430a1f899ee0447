import { Logger } from '@nestjs/common';
import { APP_CONFIG, ConfigValidationError, type AppConfig } from '@lms/core';
import { createApiApp } from './app.factory';

async function bootstrap(): Promise<void> {
  const app = await createApiApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  const logger = new Logger('Api');
  // A stuck dependency must not keep a stopping process alive forever.
  const forceExit = (signal: string) => {
    logger.log(`${signal} received: shutting down (in-flight requests are drained)`);
    setTimeout(() => {
      logger.error(`Shutdown took longer than ${config.http.shutdownTimeoutMs} ms; exiting.`);
      process.exit(1);
    }, config.http.shutdownTimeoutMs).unref();
  };
  process.once('SIGTERM', () => forceExit('SIGTERM'));
  process.once('SIGINT', () => forceExit('SIGINT'));
  await app.listen({ port: config.http.port, host: config.http.host });
  logger.log(`Listening on ${config.http.publicUrl} (API docs: ${config.http.publicUrl}/api/docs)`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    console.error(error.message);
  } else {
    console.error('Start-up failed:', error);
  }
  process.exit(1);
});
