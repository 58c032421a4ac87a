import { EventStore, InStep, RecordedEvent, followInStep } from '@pl/event-store';
import { Document, ReadStore } from '@pl/read-store';
import { BehaviorSubject, Observable, filter, firstValueFrom, map, race, timer } from 'rxjs';
import { Projection, collectionOf } from '../projection';
import { applyBatch } from './apply-batch';
import { PoisonedEvent, ProjectionStatus } from './poison';

export interface RunnerOptions {
  readonly batchSize?: number;
  /** Collection each projection writes to; defaults to `<name>_v<version>`. */
  readonly collectionFor?: (projection: Projection) => string;
  /** Checkpoint name each projection keeps; defaults to the collection name. */
  readonly checkpointFor?: (projection: Projection) => string;
  /** At start, write to the collection the projection's alias names when it holds the same version (after a blue/green switch). */
  readonly followAliases?: boolean;
}

interface Track {
  projection: Projection<Document>;
  collection: string;
  checkpointName: string;
  checkpoint: number;
  poisoned?: PoisonedEvent;
}

/**
 * Keeps projections up to date from one read of the log (the backlog pulled, then a live
 * subscription): batches in, one bulk write per projection per batch, checkpoint stored after
 * the write. A projection that fails on an event stops at it (poisoned) while the others go on.
 */
export class ProjectionRunner {
  private readonly tracks: Track[];
  private following?: InStep;
  private queue: Promise<void> = Promise.resolve();
  private readonly status$ = new BehaviorSubject<readonly ProjectionStatus[]>([]);
  private head = 0;
  private get batchSize(): number {
    return this.options.batchSize ?? 2000;
  }
  /** Set when the subscription or a write failed: the runner has stopped for good. */
  failure?: Error;

  constructor(
    private readonly events: EventStore,
    private readonly readStore: ReadStore,
    projections: readonly Projection<Document>[],
    private readonly options: RunnerOptions = {},
  ) {
    this.tracks = projections.map((projection) => {
      const collection = options.collectionFor?.(projection) ?? collectionOf(projection);
      return { projection, collection, checkpointName: options.checkpointFor?.(projection) ?? collection, checkpoint: 0 };
    });
  }

  /** Loads checkpoints, catches up to the head of the log, then follows live appends. */
  async start(): Promise<void> {
    for (const track of this.tracks) {
      if (this.options.followAliases) await this.followAlias(track);
      await this.readStore.collection(track.collection).ensureIndexes(track.projection.indexes);
      track.checkpoint = await this.readStore.getCheckpoint(track.checkpointName);
    }
    this.head = await this.events.headPosition();
    this.publish();
    // In step with the log (see followInStep): a read store that takes its time (MongoDB) never
    // has the backlog waiting in memory in front of it.
    this.following = followInStep(this.events, Math.min(this.position(), this.head), async (batch) => {
      await this.enqueueTask(() => this.applyAll(batch));
      if (this.failure) throw this.failure;
    }, { batchSize: this.batchSize, onLiveError: (error) => this.fail(error) });
    try {
      if (!(await this.following.caughtUp)) return;
    } catch (error) {
      throw this.fail(error);
    }
    await this.waitFor(this.head, Number.POSITIVE_INFINITY);
  }

  async stop(): Promise<void> {
    await this.following?.stop();
    await this.queue;
  }

  /** The highest log position the runner has seen. */
  headPosition(): number {
    return this.head;
  }

  /** Runs a task between two batches: no projection is written while it runs. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.then(() => undefined, () => undefined);
    return run;
  }

  /**
   * Makes a projection write to another collection from its checkpoint on (the switch of a
   * blue/green rebuild): caught up to the runner's head before the next batch, in the queue.
   */
  adopt(projection: Projection<Document>, target: { readonly collection: string; readonly checkpointName: string; readonly checkpoint: number }): Promise<void> {
    return this.exclusive(async () => {
      const track = this.tracks.find((t) => t.projection.name === projection.name);
      if (!track) throw new Error(`no projection ${projection.name} runs here`);
      Object.assign(track, { projection, ...target, poisoned: undefined });
      await this.readStore.collection(track.collection).ensureIndexes(projection.indexes);
      await this.replayTrack(track);
    });
  }

  /** Every projection's status, live. */
  get statuses(): Observable<readonly ProjectionStatus[]> {
    return this.status$.asObservable();
  }

  snapshot(): readonly ProjectionStatus[] {
    return this.status$.value;
  }

  /** Lowest checkpoint over all projections: what every read model has applied. */
  position(): number {
    return this.tracks.length ? Math.min(...this.tracks.map((t) => t.checkpoint)) : this.head;
  }

  /** Projections stopped on an event, waiting for an operator. */
  poisoned(): readonly PoisonedEvent[] {
    return this.tracks.flatMap((t) => (t.poisoned ? [t.poisoned] : []));
  }

  /** Resolves true once every running projection has applied `position`, false after `timeoutMs`. */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.position() >= position) return true;
    const blocked = () => this.tracks.some((t) => t.poisoned && t.checkpoint < position);
    const reached = this.status$.pipe(
      filter(() => this.position() >= position || blocked() || this.failure !== undefined),
      map(() => this.position() >= position),
    );
    const sources: Observable<boolean>[] = [reached];
    if (Number.isFinite(timeoutMs)) sources.push(timer(timeoutMs).pipe(map(() => false)));
    const ok = await firstValueFrom(race(sources));
    if (this.failure) throw this.failure;
    return ok;
  }

  /** Clears a projection's poisoned event after a fix, or skips it with a reason, and resumes it. */
  async resolvePoison(name: string, action: 'retry' | 'skip'): Promise<PoisonedEvent | undefined> {
    const track = this.tracks.find((t) => t.projection.name === name);
    const poisoned = track?.poisoned;
    if (!track || !poisoned) return undefined;
    await this.enqueueTask(async () => {
      track.poisoned = undefined;
      if (action === 'skip') {
        track.checkpoint = poisoned.position;
        await this.readStore.setCheckpoint(track.checkpointName, track.checkpoint);
      }
      await this.replayTrack(track);
    });
    return poisoned;
  }

  private async followAlias(track: Track): Promise<void> {
    const target = await this.readStore.getAlias(track.projection.name);
    const own = collectionOf(track.projection);
    if (target !== undefined && (target === own || target.startsWith(`${own}_b`))) Object.assign(track, { collection: target, checkpointName: target });
  }

  private async replayTrack(track: Track): Promise<void> {
    for await (const batch of this.events.readAll({ after: track.checkpoint, until: this.head, batchSize: this.batchSize })) {
      if (!(await this.applyTo(track, batch))) break;
    }
    this.publish();
  }

  private async applyAll(batch: readonly RecordedEvent[]): Promise<void> {
    this.head = Math.max(this.head, batch[batch.length - 1].position);
    for (const track of this.tracks) if (!track.poisoned) await this.applyTo(track, batch);
    this.publish();
  }

  private enqueueTask(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task).catch((error: unknown) => { this.fail(error); });
    return this.queue;
  }

  /** Stops the runner for good on its first failure; returns that failure. */
  private fail(error: unknown): Error {
    this.failure ??= error instanceof Error ? error : new Error(String(error));
    this.publish();
    return this.failure;
  }

  private async applyTo(track: Track, batch: readonly RecordedEvent[]): Promise<boolean> {
    const collection = this.readStore.collection<Document>(track.collection);
    const outcome = await applyBatch(track.projection, collection, batch, track.checkpoint);
    if (outcome.appliedThrough > track.checkpoint) {
      track.checkpoint = outcome.appliedThrough;
      await this.readStore.setCheckpoint(track.checkpointName, track.checkpoint);
    }
    track.poisoned = outcome.poisoned;
    return !outcome.poisoned;
  }

  private publish(): void {
    this.status$.next(this.tracks.map((t) => ({
      name: t.projection.name,
      version: t.projection.version,
      collection: t.collection,
      checkpoint: t.checkpoint,
      state: t.poisoned ? 'stopped' : t.checkpoint >= this.head ? 'live' : 'catching-up',
      poisoned: t.poisoned,
    })));
  }
}
