import { EventStore } from '@pl/event-store';
import {
  AreaFlowsDoc, PovertyStatisticsDoc, Projection, ProjectionRunner, StatisticsDenominatorDoc, collectionOf, povertyStatistics,
} from '@pl/projections';
import { ReadStore } from '@pl/read-store';
import { invalid } from '@pl/domain';
import { StatisticsView } from './poverty-statistics.answer';
import { ReplayCache, replayStatistics } from './statistics-replay';

/** The area documents an answer is computed from, all as they stood at one position of the log. */
export interface StatisticsSnapshot {
  readonly position: number;
  /** Flows documents by area key: every area with figures. */
  readonly flows: ReadonlyMap<string, AreaFlowsDoc>;
  /** Denominator documents by area key. */
  readonly denominators: ReadonlyMap<string, StatisticsDenominatorDoc>;
}

// A live read races the runner's batches: after this many tries at a moving position, replay instead.
const LIVE_ATTEMPTS = 5;

function snapshotOf(position: number, docs: Iterable<PovertyStatisticsDoc>): StatisticsSnapshot {
  const flows = new Map<string, AreaFlowsDoc>();
  const denominators = new Map<string, StatisticsDenominatorDoc>();
  for (const doc of docs) {
    if (doc.kind === 'flows') flows.set(doc.areaKey, doc);
    else if (doc.kind === 'denominator') denominators.set(doc.areaKey, doc);
  }
  return { position, flows, denominators };
}

/** Reads the live read model at a consistent position, or replays the log for an as-of view. */
export class StatisticsSource {
  private readonly cache = new ReplayCache();
  /** The live documents as last read, by position: readers at the same position share one read. */
  private lastLive?: StatisticsSnapshot;

  constructor(
    private readonly events: EventStore,
    private readonly readStore: ReadStore,
    private readonly runner: ProjectionRunner,
    private readonly projection: Projection<PovertyStatisticsDoc>,
  ) {}

  async snapshot(view: StatisticsView): Promise<StatisticsSnapshot> {
    const live = this.livePosition();
    if (view.asOfPosition !== undefined) {
      const head = await this.events.headPosition();
      if (view.asOfPosition > head) throw invalid('POSITION_AHEAD', `asOfPosition ${view.asOfPosition} is beyond the end of the log (${head})`, { head });
    }
    if (view.asOfPosition === undefined && view.asOf === undefined && view.knownAt === undefined) {
      if (this.lastLive?.position === live) return this.lastLive;
      const read = await this.readLive(live);
      if (read) return (this.lastLive = read);
    }
    const until = view.asOfPosition ?? live;
    const docs = await this.cache.get(until, view, () => replayStatistics(this.events, this.projection, until, view));
    return snapshotOf(until, docs.values());
  }

  private livePosition(): number {
    const status = this.runner.snapshot().find((s) => s.name === povertyStatistics.name);
    if (!status) throw new Error(`the ${povertyStatistics.name} projection is not running`);
    return status.checkpoint;
  }

  /**
   * The live area documents, once a read finds none past the checkpoint taken just before it (a
   * batch landing in between moves the checkpoint: read again there). Members are not read.
   */
  private async readLive(first: number): Promise<StatisticsSnapshot | undefined> {
    // The runner writes the live collection (it follows a blue/green switch): read that one.
    const live = this.runner.snapshot().find((s) => s.name === povertyStatistics.name)?.collection ?? collectionOf(this.projection);
    const collection = this.readStore.collection<PovertyStatisticsDoc>(live);
    let position = first;
    for (let attempt = 0; attempt < LIVE_ATTEMPTS; attempt++) {
      const docs: PovertyStatisticsDoc[] = [];
      for await (const doc of collection.findAll({ kind: { $in: ['flows', 'denominator'] } })) docs.push(doc);
      if (docs.every((d) => d._position <= position)) return snapshotOf(position, docs);
      position = this.livePosition();
    }
    return undefined;
  }
}
