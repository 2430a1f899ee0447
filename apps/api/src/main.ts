import { Logger } from '@nestjs/common';
import { APP_CONFIG, ConfigValidationError, type AppConfig } from '@lms/core';
import { createApiApp } from './app.factory';

async function bootstrap(): Promise<void> {
  const app = await createApiApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  const logger = new Logger('Api');

  // Graceful stop: /health/ready turns 503, the server stops accepting and drains in-flight
  // requests, then queues, Redis and the database pool close (Nest's shutdown order). A stuck
  // dependency must not keep a stopping process alive forever.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down`);
    setTimeout(() => {
      logger.error(`Shutdown took longer than ${config.http.shutdownTimeoutMs} ms; exiting.`);
      process.exit(1);
    }, config.http.shutdownTimeoutMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

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
