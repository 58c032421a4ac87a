import { storedEvent } from './event-rows';

describe('storedEvent', () => {
  const make = (rawData: string, rawMetadata = '{"schemaVersion":1}') =>
    storedEvent(7, 'household-1', 2, 'e-1', 'HouseholdAssessed.v2', rawData, rawMetadata, 'prev', 'hash');

  it('given stored text, when data and metadata are read, then they are parsed once and the same objects come back', () => {
    const event = make('{"reviewYear":2025}');

    expect(event.data).toEqual({ reviewYear: 2025 });
    expect(event.data).toBe(event.data);
    expect(event.metadata).toBe(event.metadata);
    expect(event.metadata.schemaVersion).toBe(1);
  });

  it('given stored text that is never read, then it is never parsed: a projection that skips the type pays nothing', () => {
    const event = make('not json', 'not json either');

    expect([event.position, event.streamId, event.revision, event.eventId, event.type, event.prevHash, event.hash])
      .toEqual([7, 'household-1', 2, 'e-1', 'HouseholdAssessed.v2', 'prev', 'hash']);
    expect(() => event.data).toThrow(SyntaxError);
  });

  it('given an event, when it is turned into JSON, then every field is there, data and metadata parsed', () => {
    const event = make('{"reviewYear":2025}');

    expect(JSON.parse(JSON.stringify(event))).toEqual({
      position: 7, streamId: 'household-1', revision: 2, eventId: 'e-1', type: 'HouseholdAssessed.v2',
      data: { reviewYear: 2025 }, metadata: { schemaVersion: 1 }, prevHash: 'prev', hash: 'hash',
    });
  });
});
