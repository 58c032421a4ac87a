import { Command, Decider, DomainError, Event, fold } from '@pl/domain';
import {
  EventStore, EventToAppend, LegalBasis, RecordedEvent, WrongExpectedRevisionError, readStreamOrEmpty,
} from '@pl/event-store';
import { CommandContext, WriteResult } from './command-context';
import { deterministicId } from './deterministic-id';
import { EventCodec, schemaVersionOf } from './event-codec';

/** What an event says about itself beyond its data: when it takes effect and on what legal basis. */
export interface EventFacts {
  readonly effectiveDate?: string;
  readonly legalBasis?: LegalBasis;
}

export interface Decided<E extends Event> extends WriteResult {
  readonly events: readonly E[];
}

const MAX_ATTEMPTS = 5;

/**
 * The write path of every stream: load, fold, decide, append with the expected revision;
 * a concurrent write is retried against the new state a bounded number of times, then 409.
 */
export class CommandExecutor {
  constructor(private readonly store: EventStore, private readonly codec: EventCodec) {}

  async execute<C extends Command, E extends Event, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    context: CommandContext,
    factsOf: (event: E) => EventFacts = () => ({}),
  ): Promise<Decided<E>> {
    for (let attempt = 1; ; attempt++) {
      const recorded = await this.load(streamId);
      const replay = context.idempotent ? this.findReplay(streamId, recorded, context) : undefined;
      if (replay) return replay as Decided<E>;

      const state = fold(decider, recorded.map((r) => this.codec.decode(r) as E));
      const events = decider.decide(command, state);
      if (events.length === 0) {
        const last = recorded[recorded.length - 1];
        return { streamId, revision: last?.revision ?? -1, position: last?.position ?? 0, replayed: false, events };
      }
      const toAppend = await Promise.all(events.map((event, i) => this.envelope(streamId, event, i, context, factsOf(event))));
      const expected = recorded.length ? recorded[recorded.length - 1].revision : 'no-stream';
      try {
        const result = await this.store.append(streamId, toAppend, expected);
        return { streamId, revision: result.revision, position: result.position, replayed: result.duplicate, events };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt >= MAX_ATTEMPTS) {
          throw new DomainError('conflict', 'CONCURRENT_MODIFICATION',
            `${streamId} kept changing while this command was decided (${attempt} attempts); retry the request`, { streamId });
        }
      }
    }
  }

  private load(streamId: string): Promise<readonly RecordedEvent[]> {
    return readStreamOrEmpty(this.store, streamId);
  }

  /** A retried command finds its own events (same derived ids) and answers as the first time. */
  private findReplay(streamId: string, recorded: readonly RecordedEvent[], context: CommandContext): Decided<Event> | undefined {
    const firstId = deterministicId(context.commandId, streamId, '0');
    const start = recorded.findIndex((r) => r.eventId === firstId);
    if (start < 0) return undefined;
    if (recorded[start].metadata.requestHash !== context.requestHash) {
      throw new DomainError('rule-violated', 'IDEMPOTENCY_KEY_REUSED',
        'this Idempotency-Key was already used with a different request; use a new key for a new request');
    }
    const own = recorded.filter((r) => r.metadata.commandId === context.commandId);
    const last = own[own.length - 1];
    return { streamId, revision: last.revision, position: last.position, replayed: true, events: own.map((r) => this.codec.decode(r)) };
  }

  private async envelope(streamId: string, event: Event, index: number, context: CommandContext, facts: EventFacts): Promise<EventToAppend> {
    // Derived, not random: a retry of the same command (same id) produces the same event ids.
    const eventId = deterministicId(context.commandId, streamId, String(index));
    return {
      eventId,
      type: event.type,
      data: await this.codec.encode(streamId, event),
      metadata: {
        commandId: context.commandId,
        correlationId: context.correlationId,
        causationId: context.causationId,
        actor: context.actor,
        recordedAt: context.recordedAt,
        schemaVersion: schemaVersionOf(event.type),
        ...(facts.effectiveDate ? { effectiveDate: facts.effectiveDate } : {}),
        ...(facts.legalBasis ? { legalBasis: facts.legalBasis } : {}),
        ...(context.requestHash ? { requestHash: context.requestHash } : {}),
      },
    };
  }
}
