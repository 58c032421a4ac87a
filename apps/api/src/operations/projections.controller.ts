import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CommandContext, GetProjections, PoisonResolution, ProjectionReport, ResolvePoisonedEvent } from '@pl/application';
import { Requires } from '../auth/auth.decorators';
import { Ctx } from '../http/command-context.decorator';
import { SkipEventDto } from './projections.dto';

/** Where each projection stands, and what operators do about one stopped on a poisoned event. */
@ApiTags('operations')
@Controller('api/v1/operations/projections')
export class ProjectionsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus, @Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @Requires('status:read')
  @ApiOkResponse({ description: 'name, version, live collection, checkpoint, lag, state and poisoned event of every projection' })
  list(): Promise<{ readonly head: number; readonly projections: readonly ProjectionReport[] }> {
    return this.queries.execute(new GetProjections());
  }

  @Post(':name/retry')
  @HttpCode(200)
  @Requires('operations:run')
  @ApiOkResponse({ description: 'the poisoned event was applied again; if it fails again the projection stays stopped' })
  @ApiNotFoundResponse({ description: 'no such projection' })
  @ApiConflictResponse({ description: 'the projection is not stopped on an event' })
  retry(@Param('name') name: string, @Ctx() ctx: CommandContext): Promise<PoisonResolution> {
    return this.commands.execute(new ResolvePoisonedEvent(name, 'retry', ctx));
  }

  @Post(':name/skip')
  @HttpCode(200)
  @Requires('operations:run')
  @ApiOkResponse({ description: 'the event was passed over, recorded as ProjectionEventSkipped.v1 in operations-log; the projection resumes' })
  @ApiNotFoundResponse({ description: 'no such projection' })
  @ApiConflictResponse({ description: 'the projection is not stopped on an event' })
  skip(@Param('name') name: string, @Body() dto: SkipEventDto, @Ctx() ctx: CommandContext): Promise<PoisonResolution> {
    return this.commands.execute(new ResolvePoisonedEvent(name, 'skip', ctx, dto.reason));
  }
}
