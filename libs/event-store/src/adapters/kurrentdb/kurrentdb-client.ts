import type {
  AllStreamResolvedEvent, AppendResult, AppendToStreamOptions, EventData, ReadAllOptions, ReadStreamOptions,
  ResolvedEvent, SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';

/** A server subscription to $all: events in log order until unsubscribed; a broken connection ends it with an error. */
export interface AllSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  unsubscribe(): Promise<void>;
  /** The server accepted the subscription: the connection is good again even if no event follows. */
  once(event: 'confirmation', listener: () => void): unknown;
}

/**
 * The client methods the adapter calls. `KurrentDBClient` satisfies it; so does the in-memory
 * stand-in the unit tests use, which keeps to the same documented behaviour.
 */
export interface KurrentClient {
  appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<AppendResult>;
  readStream(streamName: string, options: ReadStreamOptions): AsyncIterable<ResolvedEvent>;
  readAll(options: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent>;
  subscribeToAll(options: SubscribeToAllOptions): AllSubscription;
  dispose(): Promise<void>;
}
