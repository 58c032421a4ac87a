import { BACKWARDS, END, excludeSystemEvents, FORWARDS, NO_STREAM, streamNameFilter } from '@kurrent/kurrentdb-client';
import type { EventData, Filter } from '@kurrent/kurrentdb-client';
import { RecordedEvent } from '../../envelope';
import { EventStoreUnavailableError, StreamNotFoundError } from '../../errors';
import { toStoreError } from './error-mapping';
import { toRecorded } from './event-mapping';
import { AllSubscription, KurrentClient } from './kurrentdb-client';
import { readFrom, toPosition } from './positions';

/**
 * The server calls the store is made of, with the namespace applied to stream names, the
 * deadline on every call, and client errors translated into the port's errors.
 */
export class KurrentLog {
  private closed = false;
  /** Server-side filter of $all: our namespace, or everything but the server's own events. */
  readonly filter: Filter;

  constructor(private readonly client: KurrentClient, private readonly namespace: string, private readonly deadline: number) {
    if (namespace.startsWith('$')) throw new RangeError('a namespace must not start with $, which marks system streams');
    this.filter = namespace ? streamNameFilter({ prefixes: [namespace] }) : excludeSystemEvents();
  }

  /** The last event of a stream, or undefined when it has none. */
  async tail(streamId: string): Promise<RecordedEvent | undefined> {
    try {
      const [last] = await this.collect(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
      return last;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  /** The stream's events from `fromRevision` on; StreamNotFoundError when it has none. */
  readStream(streamId: string, fromRevision: number): Promise<RecordedEvent[]> {
    return this.collect(streamId, { direction: FORWARDS, fromRevision: BigInt(fromRevision) });
  }

  /** Writes after exactly `lastRevision` (-1: the stream must not exist); answers the new last revision and its position. */
  async write(streamId: string, events: EventData[], lastRevision: number): Promise<{ revision: number; position: number }> {
    this.ensureOpen();
    const streamState = lastRevision < 0 ? NO_STREAM : BigInt(lastRevision);
    try {
      const result = await this.client.appendToStream(this.namespace + streamId, events, { streamState, deadline: this.deadline });
      if (!result.position) throw new Error('the server acknowledged an append without its log position');
      return { revision: Number(result.nextExpectedRevision), position: toPosition(result.position.commit) };
    } catch (error) {
      throw toStoreError(error, streamId);
    }
  }

  /** Up to `limit` events of $all after `after`, and whether more may follow. */
  async readAfter(after: number, limit: number): Promise<{ events: RecordedEvent[]; more: boolean }> {
    this.ensureOpen();
    const events: RecordedEvent[] = [];
    let seen = 0;
    try {
      // The read includes the event at its start position: ask one more and drop it.
      for await (const resolved of this.client.readAll({ fromPosition: readFrom(after), maxCount: limit + 1, filter: this.filter, deadline: this.deadline })) {
        seen += 1;
        const event = toRecorded(resolved, this.namespace);
        if (event && event.position > after && events.length < limit) events.push(event);
      }
    } catch (error) {
      throw toStoreError(error, '$all');
    }
    // Fewer than asked means the server reached the end of the log.
    return { events, more: seen > limit };
  }

  /** Position of the last event of ours in the log, 0 when there is none. */
  async head(): Promise<number> {
    this.ensureOpen();
    try {
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: this.filter, deadline: this.deadline })) {
        const event = toRecorded(resolved, this.namespace);
        if (event) return event.position;
      }
      return 0;
    } catch (error) {
      throw toStoreError(error, '$all');
    }
  }

  /** A server subscription to our part of $all, after `after`; no deadline, it lives until unsubscribed. */
  subscribe(after: number): AllSubscription {
    this.ensureOpen();
    return this.client.subscribeToAll({ fromPosition: readFrom(after), filter: this.filter });
  }

  /** The product's event, or undefined for anything else a subscription delivers. */
  recorded(resolved: Parameters<typeof toRecorded>[0]): RecordedEvent | undefined {
    return toRecorded(resolved, this.namespace);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  ensureOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('the store is closed');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.dispose();
  }

  private async collect(streamId: string, options: Parameters<KurrentClient['readStream']>[1]): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(this.namespace + streamId, { ...options, deadline: this.deadline })) {
        const event = toRecorded(resolved, this.namespace);
        if (event) events.push(event);
      }
    } catch (error) {
      throw toStoreError(error, streamId);
    }
    return events;
  }
}
