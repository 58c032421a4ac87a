import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@pl/event-store';
import { READ_MODEL_PROGRESS, ReadModelProgress } from '@pl/application';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_PROGRESS) private readonly runner: ReadModelProgress,
  ) {}

  @Get()
  @HttpCode(200)
  @ApiOkResponse({ description: 'the process is alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'stores reachable and every projection caught up' })
  @ApiServiceUnavailableResponse({ description: 'a store is unreachable, a projection lags or has stopped on a poisoned event' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    let head = -1;
    let eventStore = 'ok';
    try { head = await this.events.headPosition(); } catch (error) { eventStore = error instanceof Error ? error.message : String(error); }
    // With the projector in another process, its checkpoints are read now rather than remembered.
    await this.runner.refresh().catch(() => undefined);
    const projections = this.runner.snapshot();
    const poisoned = projections.filter((p) => p.poisoned);
    const lagging = projections.filter((p) => p.checkpoint < head);
    const ready = eventStore === 'ok' && poisoned.length === 0 && lagging.length === 0;
    void reply.status(ready ? 200 : 503);
    return {
      status: ready ? 'ready' : 'not-ready',
      eventStore: { status: eventStore, head },
      projections: projections.map((p) => ({ name: p.name, version: p.version, checkpoint: p.checkpoint, lag: Math.max(0, head - p.checkpoint), state: p.state, poisoned: p.poisoned })),
    };
  }
}
