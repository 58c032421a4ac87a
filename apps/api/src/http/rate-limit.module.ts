import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '@pl/application';
import { FixedWindowStorage } from './fixed-window-storage';

const ONE_MINUTE_MS = 60_000;

/** The rate limiter's settings and counters (in memory: one process, one window per client). */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'default', ttl: ONE_MINUTE_MS, limit: config.http.rateLimitPerMinute }],
        storage: new FixedWindowStorage(),
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}
