import { Event } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';

/**
 * Turns domain events into stored data and back: where personal fields are encrypted on
 * the way in and old event versions are upcast on the way out. The identity codec does neither.
 */
export interface EventCodec {
  encode(streamId: string, event: Event): Promise<unknown>;
  decode(recorded: RecordedEvent): Event;
}

export const identityCodec: EventCodec = {
  encode: async (_streamId, event) => event.data,
  decode: (recorded) => ({ type: recorded.type, data: recorded.data }) as Event,
};

export const EVENT_CODEC = Symbol('EventCodec');

/** `HouseholdRegistered.v2` -> 2; a stored type name always ends with its version. */
export function schemaVersionOf(type: string): number {
  const match = /\.v(\d+)$/.exec(type);
  if (!match) throw new Error(`event type "${type}" has no version suffix (.vN)`);
  return Number(match[1]);
}
