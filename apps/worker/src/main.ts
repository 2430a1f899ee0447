import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { JobsService } from '@lms/jobs';
import { WorkerModule } from './worker.module';

/** Runs job processors: an application context, no HTTP server. Stops cleanly on SIGTERM/SIGINT. */
async function bootstrap(): Promise<void> {
  // createApplicationContext runs every module's init, which starts the job consumers.
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  // On SIGTERM: stop taking jobs, let the running ones finish, close queues and connections.
  app.enableShutdownHooks();
  const logger = app.get(Logger);
  const driver = app.get(JobsService).driverName;
  logger.log(`Worker started (jobs driver: ${driver}, pid ${process.pid})`, 'Worker');
  if (driver === 'inline') {
    logger.warn('JOBS_DRIVER=inline: jobs run inside the api process; this worker has nothing to do', 'Worker');
  }
}

bootstrap().catch((error: unknown) => {
  // Start-up errors (bad config, a job without its processor, Redis refusing) end the process.
  NestLogger.flush();
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
