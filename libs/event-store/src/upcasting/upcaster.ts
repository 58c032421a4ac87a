import { EventMetadata, RecordedEvent } from '../envelope';

/** One step of an event's evolution: a pure function from the stored data of `from` to the data of `to`. */
export interface Upcaster {
  /** Stored type name it reads, `HouseholdAssessed.v1`. */
  readonly from: string;
  /** Type name it produces, `HouseholdAssessed.v2`; another upcaster may take it further. */
  readonly to: string;
  /** The data of `to`; `stored` is the event as read (its metadata parsed only if asked for). */
  upcast(data: unknown, stored: Pick<RecordedEvent, 'metadata'>): unknown;
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

  /**
   * The event in its current shape; an event already current is returned as is (same object).
   * Like a stored event, data and metadata are worked out on first access: a reader that never
   * looks at the metadata (most projections) does not pay for parsing it.
   */
  upcast(event: RecordedEvent): RecordedEvent {
    let step = this.byType.get(event.type);
    if (!step) return event;
    const steps: Upcaster[] = [];
    let type = event.type;
    for (; step; step = this.byType.get(type)) {
      steps.push(step);
      type = step.to;
    }
    const schemaVersion = versionOf(type)?.version;
    let data: unknown = UNSET;
    let metadata: EventMetadata | undefined;
    // prevHash and hash stay those of the stored form: verify the chain against the raw store.
    // Passed through on access, as a store may read them only when asked (see the SQLite log).
    return {
      position: event.position, streamId: event.streamId, revision: event.revision, eventId: event.eventId, type,
      get data(): unknown {
        if (data === UNSET) data = steps.reduce((current, s) => s.upcast(current, event), event.data);
        return data;
      },
      get metadata(): EventMetadata {
        return (metadata ??= { ...event.metadata, schemaVersion: schemaVersion ?? event.metadata.schemaVersion });
      },
      get prevHash(): string {
        return event.prevHash;
      },
      get hash(): string {
        return event.hash;
      },
    };
  }
}

const UNSET = Symbol('unset');
