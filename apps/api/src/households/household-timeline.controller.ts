import { Controller, Get, Headers, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetHouseholdTimeline, HouseholdTimeline, PersonalDataAccessLog, Principal } from '@pl/application';
import { householdId as toHouseholdId } from '@pl/domain';
import { Caller, Requires } from '../auth/auth.decorators';
import { AcceptsMinPosition } from '../http/min-position';
import { ReadQueryDto } from '../http/read-query.dto';

/** A household's whole history, event by event, with who recorded what and on which decision. */
@ApiTags('households')
@Controller('api/v1/households/:householdId/timeline')
export class HouseholdTimelineController {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(PersonalDataAccessLog) private readonly accessLog: PersonalDataAccessLog,
  ) {}

  @Get()
  @Requires('household:read')
  @AcceptsMinPosition()
  @ApiOkResponse({ description: 'every event of the household in order; personal data only for roles that may see it' })
  @ApiNotFoundResponse({ description: 'no such household' })
  @ApiHeader({ name: 'X-Access-Reason', required: false, description: 'required for auditors: why personal data is read (3-500 characters, UTF-8 percent-encoded); the read is recorded' })
  async timeline(@Param('householdId') id: string, @Query() _query: ReadQueryDto, @Caller() caller: Principal, @Headers('x-access-reason') reason?: string): Promise<HouseholdTimeline> {
    const timeline = await this.queries.execute(new GetHouseholdTimeline(toHouseholdId(id), caller));
    // The area was checked by the query; the read is recorded before anything is returned.
    await this.accessLog.record(caller, timeline.householdId, { reason, route: 'GET /api/v1/households/:householdId/timeline' });
    return timeline;
  }
}
