import { Module } from '@nestjs/common';
import { GetAuditFindingHandler, GetAuditFindingsHandler, ReviewFindingHandler } from '@pl/application';
import { AuditFindingsController } from './audit-findings.controller';

/** Audit findings: the read model's findings and auditors' reviews on `audit-finding-<hash>` streams. */
@Module({
  controllers: [AuditFindingsController],
  providers: [GetAuditFindingsHandler, GetAuditFindingHandler, ReviewFindingHandler],
})
export class AuditFindingsModule {}
