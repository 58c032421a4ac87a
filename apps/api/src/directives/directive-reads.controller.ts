import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, GetDirectiveArea, GetDirectiveBoard, GetTargetProgress, Principal } from '@pl/application';
import { directiveId as toDirectiveId, isoDate } from '@pl/domain';
import { DirectiveBoard, TargetProgress } from '@pl/projections';
import { Caller, Requires } from '../auth/auth.decorators';
import { AcceptsMinPosition } from '../http/min-position';
import { areaTarget, authorizeBoardReader } from './directive-area';
import { BoardQueryDto, TargetProgressQueryDto } from './dto/directive-query.dto';

/** The edge's clock: "today" is read here, never in a projection. */
const today = (): string => new Date().toISOString().slice(0, 10);

/** Where directives stand: who acknowledged, reported (late) or owes a report; targets against the registry. */
@ApiTags('directives')
@Controller('api/v1')
export class DirectiveReadsController {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  @Get('directives/:directiveId/board')
  @Requires('statistics:read')
  @AcceptsMinPosition()
  @ApiOkResponse({ description: 'recipients with acknowledgement, reports (late flags) and overdue due dates as of asOf' })
  @ApiNotFoundResponse({ description: 'no such directive' })
  async board(@Param('directiveId') id: string, @Query() q: BoardQueryDto, @Caller() caller: Principal): Promise<DirectiveBoard> {
    authorizeBoardReader(this.access, caller, await this.queries.execute(new GetDirectiveArea(toDirectiveId(id))));
    return this.queries.execute(new GetDirectiveBoard(id, isoDate(q.asOf ?? today(), 'asOf')));
  }

  @Get('targets/progress')
  @Requires('statistics:read')
  @AcceptsMinPosition()
  @ApiOkResponse({ description: 'targets of unrevoked directives for the area and year against exits decided that year' })
  progress(@Query() q: TargetProgressQueryDto, @Caller() caller: Principal): Promise<TargetProgress> {
    this.access.authorize(caller, 'statistics:read', areaTarget(q.areaCode));
    return this.queries.execute(new GetTargetProgress(q.areaCode, q.year));
  }
}
