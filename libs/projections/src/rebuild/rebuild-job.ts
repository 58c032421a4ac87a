import { EventStore } from '@pl/event-store';
import { Document, ReadStore } from '@pl/read-store';
import { BehaviorSubject, Observable, Subscription } from 'rxjs';
import { Projection } from '../projection';
import { PoisonedEvent } from '../runner/poison';
import { ProjectionRunner } from '../runner/projection-runner';
import { RebuildProgress } from './rebuild-record';

/**
 * Events a rebuild reads, applies and checkpoints at a time. A batch's events and documents live
 * until it is written: at 5,000 (about 20 MB) they outlived young-generation collections and
 * were promoted, and the old generation grew enough to bring a major collection (0.5 to 1 s of
 * marking) into most rebuilds of a million events in a running API: 177k to 193k events/s
 * against 217k to 249k at 1,000, in alternating runs (docs/benchmarks.md).
 */
export const REBUILD_BATCH = 1000;

/**
 * One projection version building into its own collection with its own checkpoint (named
 * after the collection), from its stored checkpoint on: 0 for a new rebuild, further after
 * a restart. After catching up it follows the log until switched or aborted.
 */
export class RebuildJob {
  private readonly runner: ProjectionRunner;
  private readonly progress$: BehaviorSubject<RebuildProgress>;
  private statuses?: Subscription;
  private started = 0;
  private startedAt = 0;
  private headAtStart = 0;
  private readonly clock: () => number;

  constructor(
    private readonly events: EventStore,
    readStore: ReadStore,
    readonly projection: Projection<Document>,
    readonly collection: string,
    /** `clock` in milliseconds, for the progress rate only. */
    options: { readonly clock: () => number; readonly batchSize?: number },
  ) {
    this.clock = options.clock;
    this.runner = new ProjectionRunner(events, readStore, [projection], {
      batchSize: options.batchSize ?? REBUILD_BATCH, collectionFor: () => collection, checkpointFor: () => collection,
    });
    this.progress$ = new BehaviorSubject<RebuildProgress>({ done: 0, total: 0, eventsPerSecond: 0, etaSeconds: null });
  }

  /** Progress after every batch. */
  get progress(): Observable<RebuildProgress> {
    return this.progress$.asObservable();
  }

  current(): RebuildProgress {
    return this.progress$.value;
  }

  /** Builds up to the head of the log as it was at the call; resolves with the poisoned event if it stopped on one. */
  async catchUp(): Promise<PoisonedEvent | undefined> {
    this.headAtStart = await this.events.headPosition();
    this.startedAt = this.clock();
    this.statuses = this.runner.statuses.subscribe(() => this.publish());
    // Counted from the first status after the checkpoints are loaded, not the one on subscribe.
    this.started = -1;
    await this.runner.start();
    this.publish();
    return this.runner.poisoned()[0];
  }

  /** The checkpoint this run started from: above 0 when it resumed an interrupted rebuild. */
  resumedFrom(): number {
    return Math.max(0, this.started);
  }

  /** The position every event up to which is in the rebuilt collection. */
  checkpoint(): number {
    return this.runner.position();
  }

  /** Resolves once the rebuilt collection has applied `position`. */
  reach(position: number): Promise<boolean> {
    return this.runner.waitFor(position, Number.POSITIVE_INFINITY);
  }

  /** Stops following the log; the collection and its checkpoint stay. */
  async stop(): Promise<void> {
    await this.runner.stop();
    this.statuses?.unsubscribe();
    this.progress$.complete();
  }

  private publish(): void {
    const done = this.runner.position();
    // The first status carries the checkpoint a resumed rebuild starts from: rate counts from there.
    if (this.started < 0) this.started = done;
    const total = Math.max(this.headAtStart, this.runner.headPosition(), done);
    const seconds = (this.clock() - this.startedAt) / 1000;
    const eventsPerSecond = seconds > 0 ? Math.round((done - this.started) / seconds) : 0;
    const etaSeconds = eventsPerSecond > 0 ? Math.ceil((total - done) / eventsPerSecond) : done >= total ? 0 : null;
    this.progress$.next({ done, total, eventsPerSecond, etaSeconds });
  }
}
