import { Module } from '@nestjs/common';
import {
  ExecuteHouseholdCommandHandler, GetHouseholdCommuneHandler, GetHouseholdHandler, GetHouseholdTimelineHandler, HouseholdStreamReader, HouseholdViews,
} from '@pl/application';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { HouseholdLifeController } from './household-life.controller';
import { HouseholdTimelineController } from './household-timeline.controller';
import { HouseholdsController } from './households.controller';

/** Households: registration, the household's life events, its registry document and its timeline. */
@Module({
  imports: [PersonalDataModule],
  controllers: [HouseholdsController, HouseholdLifeController, HouseholdTimelineController],
  providers: [
    ExecuteHouseholdCommandHandler, GetHouseholdHandler, GetHouseholdCommuneHandler, GetHouseholdTimelineHandler, HouseholdStreamReader, HouseholdViews,
  ],
  exports: [HouseholdStreamReader],
})
export class HouseholdsModule {}
