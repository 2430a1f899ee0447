import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { APP_CONFIG, REDIS_CLIENT, RedisThrottlerStorage, type AppConfig, type RedisClient } from '@lms/core';

const MINUTE_MS = 60_000;

function usernameOf(req: Record<string, unknown>): string | null {
  const body = req.body as { username?: unknown } | undefined;
  return typeof body?.username === 'string' && body.username.length > 0 ? body.username.toLowerCase() : null;
}

/**
 * Rate limits of the sign-in routes (only the controllers that use ThrottlerGuard): per client IP
 * and per username, counted in Redis when it is configured (shared by every replica), else in
 * process. The per-account lockout in AuthService is the second line.
 */
export const AuthThrottlerModule = ThrottlerModule.forRootAsync({
  inject: [APP_CONFIG, REDIS_CLIENT],
  useFactory: (config: AppConfig, redis: RedisClient): ThrottlerModuleOptions => ({
    throttlers: [
      { name: 'ip', ttl: MINUTE_MS, limit: config.auth.rateLimitPerIp, getTracker: (req) => String(req.ip ?? 'unknown') },
      {
        name: 'account',
        ttl: MINUTE_MS,
        limit: config.auth.rateLimitPerAccount,
        getTracker: (req) => usernameOf(req) ?? 'none',
        skipIf: (context) => usernameOf(context.switchToHttp().getRequest<Record<string, unknown>>()) === null,
      },
    ],
    ...(redis ? { storage: new RedisThrottlerStorage(redis, `${config.jobs.queuePrefix}:throttle:`) } : {}),
  }),
});
