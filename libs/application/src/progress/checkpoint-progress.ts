import { EventStore } from '@pl/event-store';
import { Document, ReadStore } from '@pl/read-store';
import { PoisonedEvent, Projection, ProjectionStatus, collectionOf } from '@pl/projections';
import { ReadModelProgress } from './read-model-progress';

/** How often a waiting read polls the checkpoints. */
export const CHECKPOINT_POLL_MS = 50;

/**
 * Progress of a projector in another process, read from the checkpoints it stores in the
 * shared read store. Polled only while a read waits (or on `refresh`), and one read of the
 * checkpoints serves every waiter at that moment. A poisoned projection is visible here
 * only as a checkpoint that stops moving; the projector's own health endpoint names it.
 */
export class CheckpointProgress implements ReadModelProgress {
  private statuses: readonly ProjectionStatus[] = [];
  private inFlight?: Promise<void>;

  constructor(
    private readonly readStore: ReadStore,
    private readonly events: EventStore,
    private readonly projections: readonly Projection<Document>[],
    private readonly pollMs = CHECKPOINT_POLL_MS,
  ) {}

  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.position() >= position) return true;
      await this.refresh();
      if (this.position() >= position) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.pollMs, left)));
    }
  }

  position(): number {
    return this.statuses.length ? Math.min(...this.statuses.map((s) => s.checkpoint)) : 0;
  }

  poisoned(): readonly PoisonedEvent[] {
    return [];
  }

  snapshot(): readonly ProjectionStatus[] {
    return this.statuses;
  }

  refresh(): Promise<void> {
    this.inFlight ??= this.read().finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }

  private async read(): Promise<void> {
    const head = await this.events.headPosition();
    this.statuses = await Promise.all(this.projections.map(async (projection): Promise<ProjectionStatus> => {
      // The runner's rule (followAliases): after a blue/green switch of the same version it keeps the alias's collection.
      const own = collectionOf(projection);
      const alias = await this.readStore.getAlias(projection.name);
      const collection = alias !== undefined && (alias === own || alias.startsWith(`${own}_b`)) ? alias : own;
      const checkpoint = await this.readStore.getCheckpoint(collection);
      return { name: projection.name, version: projection.version, collection, checkpoint, state: checkpoint >= head ? 'live' : 'catching-up' };
    }));
  }
}
