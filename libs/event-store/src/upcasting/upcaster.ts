import { EventMetadata, RecordedEvent } from '../envelope';

/** One step of an event's evolution: a pure function from the stored data of `from` to the data of `to`. */
export interface Upcaster {
  /** Stored type name it reads, `HouseholdAssessed.v1`. */
  readonly from: string;
  /** Type name it produces, `HouseholdAssessed.v2`; another upcaster may take it further. */
  readonly to: string;
  upcast(data: unknown, metadata: EventMetadata): unknown;
}

const versionOf = (type: string): { name: string; version: number } | undefined => {
  const match = /^(.*)\.v(\d+)$/.exec(type);
  return match ? { name: match[1], version: Number(match[2]) } : undefined;
};

/**
 * The upcasters of every event family, chained by type name: v1 -> v2 -> v3 applies each
 * step in turn, so a step is written once, against the version right after it.
 */
export class UpcasterRegistry {
  private readonly byType = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[]) {
    for (const step of upcasters) {
      const from = versionOf(step.from);
      const to = versionOf(step.to);
      // A step that goes back or sideways would loop or mix families: refuse it when wiring, not on a read.
      if (!from || !to || from.name !== to.name || to.version <= from.version) {
        throw new Error(`upcaster ${step.from} -> ${step.to} must go forward within one event type (.vN suffixes)`);
      }
      if (this.byType.has(step.from)) throw new Error(`two upcasters read ${step.from}`);
      this.byType.set(step.from, step);
    }
  }

  /** True when events of this stored type are read as a newer version. */
  upcasts(type: string): boolean {
    return this.byType.has(type);
  }

  /** The event in its current shape; an event already current is returned as is (same object). */
  upcast(event: RecordedEvent): RecordedEvent {
    let step = this.byType.get(event.type);
    if (!step) return event;
    let { type, data, metadata } = event;
    while (step) {
      data = step.upcast(data, metadata);
      type = step.to;
      metadata = { ...metadata, schemaVersion: versionOf(type)?.version ?? metadata.schemaVersion };
      step = this.byType.get(type);
    }
    // prevHash and hash stay those of the stored form: verify the chain against the raw store.
    return { ...event, type, data, metadata };
  }
}
