import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { conflict, notFound } from '@pl/domain';
import { EVENT_STORE, EventStore } from '@pl/event-store';
import { PoisonedEvent, ProjectionRunner } from '@pl/projections';
import { randomUUID } from 'node:crypto';
import { CommandContext } from '../../commands/command-context';
import { OPERATIONS_LOG, PROJECTION_EVENT_SKIPPED, ProjectionEventSkipped } from './operations-log';

/** What became of a poisoned event: retried (after a fix) or skipped, and the projection's checkpoint after it. */
export interface PoisonResolution {
  readonly action: 'retry' | 'skip';
  readonly event: PoisonedEvent;
  readonly checkpoint: number;
  /** Where the skip was recorded in `operations-log`. */
  readonly recordedAt?: number;
}

/** Retries a stopped projection's poisoned event, or skips it with a reason recorded in `operations-log`. */
export class ResolvePoisonedEvent extends Command<PoisonResolution> {
  constructor(readonly projection: string, readonly action: 'retry' | 'skip', readonly context: CommandContext, readonly reason?: string) {
    super();
  }
}

@CommandHandler(ResolvePoisonedEvent)
export class ResolvePoisonedEventHandler implements ICommandHandler<ResolvePoisonedEvent, PoisonResolution> {
  constructor(@Inject(ProjectionRunner) private readonly runner: ProjectionRunner, @Inject(EVENT_STORE) private readonly events: EventStore) {}

  async execute({ projection, action, context, reason }: ResolvePoisonedEvent): Promise<PoisonResolution> {
    const status = this.runner.snapshot().find((s) => s.name === projection);
    if (!status) throw notFound('PROJECTION_NOT_FOUND', `no projection ${projection}`, { projection });
    const event = status.poisoned;
    if (!event) throw conflict('PROJECTION_NOT_POISONED', `projection ${projection} is not stopped on an event`, { projection });
    // Recorded before the skip: a skipped event is never dropped silently.
    const recordedAt = action === 'skip' ? await this.record(event, status, context, reason ?? '') : undefined;
    await this.runner.resolvePoison(projection, action);
    const after = this.runner.snapshot().find((s) => s.name === projection);
    return { action, event, checkpoint: after?.checkpoint ?? status.checkpoint, ...(recordedAt !== undefined ? { recordedAt } : {}) };
  }

  private async record(event: PoisonedEvent, status: { version: number; collection: string }, context: CommandContext, reason: string): Promise<number> {
    const data: ProjectionEventSkipped = {
      projection: event.projection, version: status.version, collection: status.collection, position: event.position, eventId: event.eventId,
      type: event.type, error: event.error, reason, skippedBy: { subject: context.actor.id, role: context.actor.role },
    };
    const eventId = randomUUID();
    const { position } = await this.events.append(OPERATIONS_LOG, [{
      eventId, type: PROJECTION_EVENT_SKIPPED, data,
      metadata: { commandId: context.commandId, correlationId: context.correlationId, causationId: context.causationId, recordedAt: context.recordedAt, schemaVersion: 1, actor: context.actor },
    }], 'any');
    return position;
  }
}
