import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ApplicationModule, AppConfig, Stores } from '@pl/application';
import { AuthGuard } from './auth/auth.guard';
import { HealthController } from './health/health.controller';
import { HouseholdsModule } from './households/households.module';
import { RecognitionsModule } from './recognitions/recognitions.module';
import { RegistryModule } from './registry/registry.module';
import { ImportsModule } from './imports/imports.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { SupportModule } from './support/support.module';
import { CommunesModule } from './communes/communes.module';
import { DirectivesModule } from './directives/directives.module';
import { RateLimitGuard } from './http/rate-limit.guard';
import { RateLimitModule } from './http/rate-limit.module';
import { ErrorFilter } from './http/domain-error.filter';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ReadYourWritesInterceptor } from './http/read-your-writes.interceptor';
import { EtagInterceptor } from './http/etag.interceptor';
import { ExportsModule } from './exports/exports.module';
import { OperationsModule } from './operations/operations.module';
import { StatisticsModule } from './statistics/statistics.module';
import { AuditFindingsModule } from './audit-findings/audit-findings.module';
import { AuditTrailModule } from './audit-trail/audit-trail.module';

/** Each feature is one module: its controllers and the handlers behind them. */
const FEATURES = [HouseholdsModule, RecognitionsModule, RegistryModule, ImportsModule, PersonalDataModule, RateLimitModule, SupportModule, CommunesModule, DirectivesModule, ExportsModule, OperationsModule, StatisticsModule, AuditFindingsModule, AuditTrailModule];

/** The HTTP API: thin controllers over the application's command and query buses. */
@Module({})
export class AppModule {
  static with(config: AppConfig, stores: Stores): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), ApplicationModule.with(config, stores), ...FEATURES],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: EtagInterceptor },
      ],
    };
  }
}
