import { Module } from '@nestjs/common';
import { GetPovertyStatisticsHandler } from '@pl/application';
import { StatisticsController } from './statistics.controller';

/** Poverty statistics, their exports, and the coverage figure under the statistics routes (its handler lives in SupportModule). */
@Module({
  controllers: [StatisticsController],
  providers: [GetPovertyStatisticsHandler],
})
export class StatisticsModule {}
