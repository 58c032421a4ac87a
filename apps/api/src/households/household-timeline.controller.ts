import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetHouseholdTimeline, Principal, HouseholdTimeline } from '@pl/application';
import { householdId as toHouseholdId } from '@pl/domain';
import { Caller, Requires } from '../auth/auth.decorators';
import { AcceptsMinPosition } from '../http/min-position';

/** A household's whole history, event by event, with who recorded what and on which decision. */
@ApiTags('households')
@Controller('api/v1/households/:householdId/timeline')
export class HouseholdTimelineController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @Requires('household:read')
  @AcceptsMinPosition()
  @ApiOkResponse({ description: 'every event of the household in order; personal data only for roles that may see it' })
  @ApiNotFoundResponse({ description: 'no such household' })
  timeline(@Param('householdId') id: string, @Caller() caller: Principal): Promise<HouseholdTimeline> {
    return this.queries.execute(new GetHouseholdTimeline(toHouseholdId(id), caller));
  }
}
