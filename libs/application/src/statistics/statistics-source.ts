import { EventStore } from '@pl/event-store';
import {
  PovertyStatisticsDoc, Projection, ProjectionRunner, StatisticsDenominatorDoc, StatisticsShardDoc, allShards, collectionOf, povertyStatistics,
} from '@pl/projections';
import { ReadStore } from '@pl/read-store';
import { invalid } from '@pl/domain';
import { StatisticsView } from './poverty-statistics.answer';
import { ReplayCache, replayStatistics } from './statistics-replay';

/** The documents an answer is computed from, and the position they reflect. */
export interface StatisticsSnapshot {
  readonly position: number;
  readonly shards: readonly StatisticsShardDoc[];
  denominator(areaKey: string): Promise<StatisticsDenominatorDoc | undefined>;
}

const isShard = (d: PovertyStatisticsDoc | undefined): d is StatisticsShardDoc => d?.kind === 'shard';

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
      if (read) {
        this.lastLive = read;
        return read;
      }
    }
    const until = view.asOfPosition ?? live;
    const docs = await this.cache.get(until, view, () => replayStatistics(this.events, this.projection, until, view));
    return {
      position: until,
      shards: allShards().map((id) => docs.get(id)).filter(isShard),
      denominator: async (key) => docs.get(`denominator:${key}`) as StatisticsDenominatorDoc | undefined,
    };
  }

  private livePosition(): number {
    const status = this.runner.snapshot().find((s) => s.name === povertyStatistics.name);
    if (!status) throw new Error(`the ${povertyStatistics.name} projection is not running`);
    return status.checkpoint;
  }

  /** The live documents, when none has moved past the checkpoint read just before (a batch landing meanwhile). */
  private async readLive(first: number): Promise<StatisticsSnapshot | undefined> {
    // The runner writes the live collection (it follows a blue/green switch): read that one.
    const live = this.runner.snapshot().find((s) => s.name === povertyStatistics.name)?.collection ?? collectionOf(this.projection);
    const collection = this.readStore.collection<PovertyStatisticsDoc>(live);
    let position = first;
    for (let attempt = 0; attempt < 5; attempt++) {
      const loaded = await collection.getMany(allShards());
      const shards = [...loaded.values()].filter(isShard);
      if (shards.every((s) => s._position <= position)) {
        const at = position;
        return {
          position: at,
          shards,
          denominator: async (key) => {
            const doc = (await collection.get(`denominator:${key}`)) as StatisticsDenominatorDoc | undefined;
            // A count recorded after the position is not part of this answer: take it from a replay.
            if (doc && doc._position > at) return (await this.cache.get(at, {}, () => replayStatistics(this.events, this.projection, at, {}))).get(`denominator:${key}`) as StatisticsDenominatorDoc | undefined;
            return doc;
          },
        };
      }
      position = this.livePosition();
    }
    return undefined;
  }
}
