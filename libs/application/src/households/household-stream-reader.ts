import { Inject, Injectable } from '@nestjs/common';
import { HouseholdEventType, householdStream, notFound } from '@pl/domain';
import { EVENT_STORE, EventStore, RecordedEvent, readStreamOrEmpty } from '@pl/event-store';

type AddressData = { readonly address?: { readonly communeCode: string }; readonly to?: { readonly communeCode: string } };

/**
 * Reads a household's own stream: the write side's truth, so an area check right after a
 * registration or a relocation never waits on the read models.
 */
@Injectable()
export class HouseholdStreamReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Every event of the household, in order; 404 HOUSEHOLD_NOT_FOUND when it was never registered. */
  async events(householdId: string): Promise<readonly RecordedEvent[]> {
    const events = await readStreamOrEmpty(this.store, householdStream(householdId));
    if (events.length > 0) return events;
    throw notFound('HOUSEHOLD_NOT_FOUND', `household ${householdId} is not registered`, { householdId });
  }

  /** The commune the household lives in now: the last registration or relocation. */
  async communeOf(householdId: string): Promise<string> {
    return currentCommuneOf(householdId, await this.events(householdId));
  }
}

/** The commune of the last address event in a household's stream. */
export function currentCommuneOf(householdId: string, events: readonly RecordedEvent[]): string {
  let commune: string | undefined;
  for (const event of events) {
    const data = event.data as AddressData;
    if (event.type === HouseholdEventType.Registered) commune = data.address?.communeCode;
    if (event.type === HouseholdEventType.Relocated) commune = data.to?.communeCode;
  }
  if (!commune) throw notFound('HOUSEHOLD_NOT_FOUND', `household ${householdId} is not registered`, { householdId });
  return commune;
}
