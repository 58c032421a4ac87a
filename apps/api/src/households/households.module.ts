import { Module } from '@nestjs/common';
import { ExecuteHouseholdCommandHandler, GetHouseholdHandler, HouseholdViews } from '@pl/application';
import { HouseholdsController } from './households.controller';

/** Households: registration, the household's life events, its registry document. */
@Module({
  controllers: [HouseholdsController],
  providers: [ExecuteHouseholdCommandHandler, GetHouseholdHandler, HouseholdViews],
})
export class HouseholdsModule {}
