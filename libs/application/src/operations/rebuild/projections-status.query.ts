import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@pl/event-store';
import { PoisonedEvent, ProjectionRunner, ProjectionStatus } from '@pl/projections';

/** One projection as operators see it: where it stands against the head of the log. */
export interface ProjectionReport {
  readonly name: string;
  readonly version: number;
  readonly liveCollection: string;
  readonly checkpoint: number;
  readonly lag: number;
  readonly state: ProjectionStatus['state'];
  readonly poisoned?: PoisonedEvent;
}

/** Every projection's version, live collection, checkpoint, lag, state and poisoned event. */
export class GetProjections extends Query<{ readonly head: number; readonly projections: readonly ProjectionReport[] }> {}

@QueryHandler(GetProjections)
export class GetProjectionsHandler implements IQueryHandler<GetProjections> {
  constructor(@Inject(ProjectionRunner) private readonly runner: ProjectionRunner, @Inject(EVENT_STORE) private readonly events: EventStore) {}

  async execute(): Promise<{ readonly head: number; readonly projections: readonly ProjectionReport[] }> {
    const head = await this.events.headPosition();
    return { head, projections: this.runner.snapshot().map((s) => projectionReport(s, head)) };
  }
}

/** A runner status as reported, with its lag behind `head`. */
export const projectionReport = (s: ProjectionStatus, head: number): ProjectionReport => ({
  name: s.name, version: s.version, liveCollection: s.collection, checkpoint: s.checkpoint, lag: Math.max(0, head - s.checkpoint), state: s.state,
  ...(s.poisoned ? { poisoned: s.poisoned } : {}),
});
