import { Module } from '@nestjs/common';
import { GetAuditTrailHandler, PersonalDataAccessLog, TrailLocator } from '@pl/application';
import { AnchorLifecycle } from './anchor-lifecycle';
import { AuditTrailController } from './audit-trail.controller';

/** The audit trail over HTTP, and the reactor that anchors the log for tamper evidence. */
@Module({
  controllers: [AuditTrailController],
  providers: [GetAuditTrailHandler, TrailLocator, PersonalDataAccessLog, AnchorLifecycle],
})
export class AuditTrailModule {}
