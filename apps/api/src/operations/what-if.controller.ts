import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Principal, RunWhatIf, WhatIfReport } from '@pl/application';
import { Caller, Requires } from '../auth/auth.decorators';
import { RunWhatIfDto, toWhatIfRequest } from './what-if.dto';

/** What-if replays: a poverty standard run over the history to a date, in scratch; nothing live changes. */
@ApiTags('operations')
@Controller('api/v1/operations/what-if')
export class WhatIfController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Post()
  @HttpCode(200)
  @Requires('operations:run')
  @ApiOkResponse({ description: 'transition matrices per commune and province, totals, the households that would move (ids only), the standard and the log position' })
  @ApiBadRequestResponse({ description: 'an unknown standard, a malformed date or area, or lines a standard cannot take' })
  run(@Body() dto: RunWhatIfDto, @Caller() caller: Principal): Promise<WhatIfReport> {
    return this.queries.execute(new RunWhatIf(toWhatIfRequest(dto), caller));
  }
}
