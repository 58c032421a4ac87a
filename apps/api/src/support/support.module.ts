import { Module } from '@nestjs/common';
import { ExecuteSupportCommandHandler, GetSupportCoverageHandler, GetSupportLedgerHandler } from '@pl/application';
import { SupportReadsController } from './support-reads.controller';
import { SupportController } from './support.controller';

/** Household support: grants, loans and their figures. The household's commune comes from GetHouseholdCommune (HouseholdsModule). */
@Module({
  controllers: [SupportController, SupportReadsController],
  providers: [ExecuteSupportCommandHandler, GetSupportLedgerHandler, GetSupportCoverageHandler],
})
export class SupportModule {}
