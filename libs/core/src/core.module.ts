import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, appConfig, type AppConfig } from './config/app-config';
import { databaseOptions } from './database/database-options';
import { LoggingModule } from './logging/logging.module';
import { RedisModule } from './redis/redis.module';
import { SystemSettingsRepository } from './settings/system-settings.repository';

/**
 * What every process (api, worker) needs: validated configuration, structured logging, the
 * PostgreSQL connection (migrations run at start-up when configured) and Redis when configured.
 */
@Global()
@Module({
  imports: [
    // `.env` is read by loadAppConfig() (see loadDotEnv), the same way for the api's early read.
    ConfigModule.forRoot({ isGlobal: true, cache: true, load: [appConfig], ignoreEnvFile: true }),
    LoggingModule,
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...databaseOptions(config), retryAttempts: 3, retryDelay: 1000 }),
    }),
    RedisModule,
  ],
  providers: [SystemSettingsRepository],
  exports: [SystemSettingsRepository],
})
export class CoreModule {}
