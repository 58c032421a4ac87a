import { EventEmitter } from 'node:events';
import { ANY, BACKWARDS, END, NO_STREAM, START, STREAM_EXISTS, StreamNotFoundError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import type {
  AllStreamResolvedEvent, AppendResult, AppendToStreamOptions, EventData, Filter, ReadAllOptions, ReadPosition,
  ReadStreamOptions, ResolvedEvent, SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import { AllSubscription, KurrentClient } from './kurrentdb-client';

interface Row { streamName: string; id: string; type: string; data: string; metadata: string; revision: bigint; commit: bigint }

/**
 * An in-memory stand-in for `KurrentDBClient`, keeping to what the client documents for the
 * methods the adapter calls: `appendToStream` checks `streamState` atomically and answers an
 * exact-revision retry of the same event ids idempotently; `readStream` throws
 * `StreamNotFoundError` for a stream without events and reports each event's position;
 * `readAll` starts at its position inclusively and applies the filter before `maxCount`;
 * `subscribeToAll` starts after its position, catches up and goes live, emits `confirmation`.
 * Positions are byte offsets with gaps (`gap` bytes between records), or 1, 2, 3... with gap 0.
 */
export class FakeKurrentClient implements KurrentClient {
  readonly rows: Row[] = [];
  private readonly failures: { method: keyof KurrentClient; error: Error }[] = [];
  private readonly live = new Set<FakeSubscription>();
  private next = 1n;
  disposed = false;

  constructor(private readonly gap = 0) {}

  /** Makes the next call of `method` fail with `error`, as a lost connection would. */
  failNext(method: keyof KurrentClient, error: Error): void {
    this.failures.push({ method, error });
  }

  /** Breaks every open subscription with `error`; what it had not delivered yet is lost in flight. */
  breakSubscriptions(error: Error): void {
    for (const subscription of this.live) subscription.break(error);
  }

  /** Writes an event of the server's own, as statistics or settings would. */
  writeSystemEvent(streamName = '$stats-127.0.0.1:2113', type = '$statsCollected'): void {
    this.store(streamName, [{ id: crypto.randomUUID(), type, data: {}, metadata: undefined, contentType: 'application/json' } as EventData], -1n);
  }

  get openSubscriptions(): number {
    return this.live.size;
  }

  async appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<AppendResult> {
    await tick();
    this.fail('appendToStream');
    const stream = this.rows.filter((row) => row.streamName === streamName);
    const current = stream.length ? stream[stream.length - 1].revision : -1n;
    const state = options.streamState ?? ANY;
    const from = state === NO_STREAM ? -1n : typeof state === 'bigint' ? state : undefined;
    // The server's idempotency: the same ids already right after the expected revision.
    if (from !== undefined && events.length > 0 && events.every((e, i) => stream[Number(from) + 1 + i]?.id === e.id)) {
      const last = stream[Number(from) + events.length];
      return { success: true, nextExpectedRevision: last.revision, position: { commit: last.commit, prepare: last.commit } };
    }
    const ok = state === ANY || (state === NO_STREAM ? current < 0n : state === STREAM_EXISTS ? current >= 0n : state === current);
    if (!ok) throw new WrongExpectedVersionError(undefined, { streamName, expected: state, current: current < 0n ? NO_STREAM : current });
    const last = this.store(streamName, events, current);
    return { success: true, nextExpectedRevision: last.revision, position: { commit: last.commit, prepare: last.commit } };
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncGenerator<ResolvedEvent> {
    await tick();
    this.fail('readStream');
    let stream = this.rows.filter((row) => row.streamName === streamName);
    if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
    const from = options.fromRevision ?? (options.direction === BACKWARDS ? END : START);
    if (options.direction === BACKWARDS) {
      stream = stream.filter((row) => from === END || from === START || row.revision <= from).reverse();
    } else {
      stream = stream.filter((row) => typeof from !== 'bigint' || row.revision >= from);
    }
    for (const row of stream.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))) yield resolved(row);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<AllStreamResolvedEvent> {
    await tick();
    this.fail('readAll');
    const at = positionOf(options.fromPosition ?? (options.direction === BACKWARDS ? END : START));
    const rows = options.direction === BACKWARDS
      ? this.rows.filter((row) => at === undefined || row.commit < at).reverse()
      : this.rows.filter((row) => at === undefined || row.commit >= at);
    const matching = rows.filter((row) => passes(options.filter, row));
    for (const row of matching.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))) yield resolved(row);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const failure = this.takeFailure('subscribeToAll');
    const subscription = new FakeSubscription(this, positionOf(options.fromPosition ?? START), options.filter, () => this.live.delete(subscription));
    this.live.add(subscription);
    if (failure) subscription.break(failure);
    return subscription;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const subscription of this.live) void subscription.unsubscribe();
  }

  /** Appends atomically after `current`, each record `gap` bytes beyond the previous one. */
  private store(streamName: string, events: EventData[], current: bigint): Row {
    let revision = current;
    for (const event of events) {
      revision += 1n;
      this.rows.push({
        streamName, id: event.id, type: event.type, revision, commit: this.next,
        data: JSON.stringify(event.data), metadata: event.metadata === undefined ? '' : JSON.stringify(event.metadata),
      });
      this.next += 1n + BigInt(this.gap);
    }
    for (const subscription of this.live) subscription.wake();
    return this.rows[this.rows.length - 1];
  }

  private fail(method: keyof KurrentClient): void {
    const failure = this.takeFailure(method);
    if (failure) throw failure;
  }

  private takeFailure(method: keyof KurrentClient): Error | undefined {
    const index = this.failures.findIndex((f) => f.method === method);
    return index < 0 ? undefined : this.failures.splice(index, 1)[0].error;
  }
}

class FakeSubscription extends EventEmitter implements AllSubscription {
  private failure: Error | undefined;
  private ended = false;
  private waiting: (() => void) | undefined;

  constructor(private readonly client: FakeKurrentClient, private readonly after: bigint | undefined, private readonly filter: Filter | undefined, private readonly onEnd: () => void) {
    super();
  }

  break(error: Error): void { this.failure = error; this.wake(); }
  wake(): void { this.waiting?.(); }
  async unsubscribe(): Promise<void> { this.ended = true; this.onEnd(); this.wake(); }

  async *[Symbol.asyncIterator](): AsyncGenerator<AllStreamResolvedEvent> {
    await tick();
    try {
      if (!this.failure) this.emit('confirmation');
      let cursor = this.client.rows.findIndex((row) => this.after === undefined || row.commit > this.after);
      if (cursor < 0) cursor = this.client.rows.length;
      while (!this.ended) {
        if (this.failure) throw this.failure;
        const row = this.client.rows[cursor];
        if (!row) { await new Promise<void>((resolve) => { this.waiting = resolve; }); continue; }
        cursor += 1;
        if (passes(this.filter, row)) yield resolved(row);
      }
    } finally {
      this.onEnd();
    }
  }
}

function passes(filter: Filter | undefined, row: Row): boolean {
  if (!filter) return true;
  const value = filter.filterOn === 'eventType' ? row.type : row.streamName;
  return 'regex' in filter ? new RegExp(filter.regex).test(value) : filter.prefixes.some((prefix) => value.startsWith(prefix));
}

function positionOf(position: ReadPosition): bigint | undefined {
  return position === START || position === END ? undefined : position.commit;
}

function resolved(row: Row): AllStreamResolvedEvent & ResolvedEvent {
  const position = { commit: row.commit, prepare: row.commit };
  const event = {
    streamId: row.streamName, id: row.id, isJson: true as const, revision: row.revision, type: row.type, created: new Date(),
    data: JSON.parse(row.data) as Record<string, unknown>, metadata: row.metadata ? JSON.parse(row.metadata) as Record<string, unknown> : undefined, position,
  };
  return { event, commitPosition: row.commit } as AllStreamResolvedEvent & ResolvedEvent;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
