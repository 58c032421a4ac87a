import { EventStore, RecordedEvent } from '@pl/event-store';
import { PovertyStatisticsDoc, Projection, foldAll } from '@pl/projections';

/** Which events a replay keeps: by effective date (`asOf`), by recorded time (`knownAt`), or all. */
export interface ReplayFilter {
  readonly asOf?: string;
  readonly knownAt?: string;
}

/** The date a fact takes effect: the envelope's effective date, else the date the event itself carries. */
export function effectiveDateOf(event: RecordedEvent): string | undefined {
  if (event.metadata.effectiveDate) return event.metadata.effectiveDate;
  const d = event.data as Record<string, unknown>;
  const decision = d.decision as { date?: string } | undefined;
  const date = decision?.date ?? d.registeredOn ?? d.movedOn ?? d.dissolvedOn ?? d.recordedOn;
  return typeof date === 'string' ? date : undefined;
}

const kept = (event: RecordedEvent, filter: ReplayFilter): boolean => {
  if (filter.knownAt !== undefined && Date.parse(event.metadata.recordedAt) > Date.parse(filter.knownAt)) return false;
  if (filter.asOf !== undefined) {
    const date = effectiveDateOf(event);
    if (date !== undefined && date > filter.asOf) return false;
  }
  return true;
};

/**
 * Replays the log up to `until` through the projection into a scratch map, as the runner folds
 * a batch, keeping only the events the filter admits. A household whose
 * registration is filtered out has all its later events left out too. Costs one read of the log
 * up to `until` and memory for one copy of the read model.
 */
export async function replayStatistics(
  events: EventStore, projection: Projection<PovertyStatisticsDoc>, until: number, filter: ReplayFilter,
): Promise<Map<string, PovertyStatisticsDoc>> {
  const docs = new Map<string, PovertyStatisticsDoc>();
  const unseen = new Set<string>();
  if (until <= 0) return docs;
  const admitted = (event: RecordedEvent): boolean => {
    if (!projection.handles.has(event.type)) return false;
    const householdId = (event.data as { householdId?: string }).householdId;
    if (kept(event, filter) && (householdId === undefined || !unseen.has(householdId))) return true;
    if (event.type === 'HouseholdRegistered.v1' && householdId !== undefined) unseen.add(householdId);
    return false;
  };
  for await (const batch of events.readAll({ until, batchSize: 2000 })) foldAll(projection, batch.filter(admitted), docs);
  return docs;
}

/** Keeps the last few replays, by position and filter: a repeated as-of question costs nothing. */
export class ReplayCache {
  private readonly entries = new Map<string, Promise<Map<string, PovertyStatisticsDoc>>>();

  constructor(private readonly capacity = 8) {}

  get(until: number, filter: ReplayFilter, replay: () => Promise<Map<string, PovertyStatisticsDoc>>): Promise<Map<string, PovertyStatisticsDoc>> {
    const key = `${until}|${filter.asOf ?? ''}|${filter.knownAt ?? ''}`;
    let found = this.entries.get(key);
    if (found) this.entries.delete(key);
    else found = replay().catch((error: unknown) => { this.entries.delete(key); throw error; });
    this.entries.set(key, found);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return found;
  }
}
