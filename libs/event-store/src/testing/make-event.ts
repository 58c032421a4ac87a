import { randomUUID } from 'node:crypto';
import { EventMetadata, EventToAppend } from '../envelope';

/** A fixed instant, so tests that compare hashes or content are repeatable. */
export const TEST_RECORDED_AT = '2026-01-15T08:00:00.000Z';

/** An event ready to append, with a fresh id and complete metadata; override any field. */
export function makeEvent(type: string, data: unknown, overrides: Partial<EventToAppend> & { metadata?: Partial<EventMetadata> } = {}): EventToAppend {
  const commandId = randomUUID();
  const metadata: EventMetadata = {
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actor: { id: 'officer-1', role: 'commune-officer', unit: '00001' },
    recordedAt: TEST_RECORDED_AT,
    schemaVersion: 1,
    ...overrides.metadata,
  };
  return { eventId: overrides.eventId ?? randomUUID(), type: overrides.type ?? type, data: overrides.data ?? data, metadata };
}

/** A stream id no other test uses, so contract tests never see each other's events. */
export const uniqueStream = (prefix = 'household'): string => `${prefix}-${randomUUID()}`;
