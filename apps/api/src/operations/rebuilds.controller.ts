import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AbortRebuild, GetRebuild, StartRebuild, SwitchRebuild } from '@pl/application';
import type { RebuildRecord } from '@pl/projections';
import { Requires } from '../auth/auth.decorators';
import { RebuildStartedDto, StartRebuildDto } from './rebuilds.dto';

/**
 * Blue/green rebuilds of read models: a version builds beside the live one, then an alias
 * switch makes it live, or an abort drops it. Operators only.
 */
@ApiTags('operations')
@Controller('api/v1/operations/rebuilds')
@ApiNotFoundResponse({ description: 'no such projection, version or rebuild' })
export class RebuildsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus, @Inject(QueryBus) private readonly queries: QueryBus) {}

  @Post()
  @HttpCode(202)
  @Requires('operations:run')
  @ApiAcceptedResponse({ type: RebuildStartedDto, description: 'building; follow it at GET /api/v1/operations/rebuilds/{id}' })
  @ApiConflictResponse({ description: 'the projection is already rebuilding' })
  start(@Body() dto: StartRebuildDto): Promise<RebuildStartedDto> {
    return this.commands.execute(new StartRebuild(dto.projection, dto.toVersion, dto.autoSwitch));
  }

  @Get(':id')
  @Requires('status:read')
  @ApiOkResponse({ description: 'state, progress (done, total, events/s, ETA) and, once caught up, the diff against the live read model' })
  get(@Param('id') id: string): Promise<RebuildRecord> {
    return this.queries.execute(new GetRebuild(id));
  }

  @Post(':id/switch')
  @HttpCode(200)
  @Requires('operations:run')
  @ApiOkResponse({ description: 'the rebuilt collection is live' })
  @ApiConflictResponse({ description: 'the rebuild is not ready' })
  switch(@Param('id') id: string): Promise<RebuildRecord> {
    return this.commands.execute(new SwitchRebuild(id));
  }

  @Post(':id/abort')
  @HttpCode(200)
  @Requires('operations:run')
  @ApiOkResponse({ description: 'the rebuilt collection is dropped; the live one stays' })
  @ApiConflictResponse({ description: 'the rebuild is already switched or aborted' })
  abort(@Param('id') id: string): Promise<RebuildRecord> {
    return this.commands.execute(new AbortRebuild(id));
  }
}
