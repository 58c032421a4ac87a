import { Document } from '@pl/read-store';
import { PoisonedEvent } from '../runner/poison';

/**
 * Where rebuilds record their state, so one interrupted by a crash resumes from its checkpoint.
 * Not `_rebuilds`: names starting with `_` belong to the store's own bookkeeping (checkpoints,
 * aliases) and the MongoDB store refuses them as collections. No read model can take this name
 * (theirs are `<name>_v<n>`).
 */
export const REBUILDS = 'rebuilds';

/** building: catching up from position 0; ready: caught up, diff made, waiting for a switch or an abort. */
export type RebuildState = 'building' | 'ready' | 'switched' | 'aborted' | 'failed';

/** How far a rebuild has come; `total` is the log head, which grows while appends go on. */
export interface RebuildProgress {
  readonly done: number;
  readonly total: number;
  readonly eventsPerSecond: number;
  /** Seconds left at the current rate; null before a rate is known. */
  readonly etaSeconds: number | null;
}

/** The live read model beside its rebuilt twin, once the twin has caught up. */
export interface CollectionDiff {
  readonly liveCollection: string;
  readonly rebuiltCollection: string;
  readonly liveCount: number;
  readonly rebuiltCount: number;
  readonly onlyInLive: readonly string[];
  readonly onlyInRebuilt: readonly string[];
  /** Ids of documents present in both that differ once `_position` is removed. */
  readonly differing: readonly string[];
  readonly onlyInLiveCount: number;
  readonly onlyInRebuiltCount: number;
  readonly differingCount: number;
  /** True when a list above holds fewer ids than its count. */
  readonly truncated: boolean;
  /** True when both hold the same documents. */
  readonly identical: boolean;
}

/** One rebuild as stored in `rebuilds`; `_position` counts its updates (the store's write guard). */
export interface RebuildRecord extends Document {
  readonly projection: string;
  readonly fromCollection: string;
  readonly toVersion: number;
  readonly toCollection: string;
  readonly state: RebuildState;
  readonly autoSwitch: boolean;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly progress: RebuildProgress;
  /** The checkpoint a resumed rebuild went on from, after an interruption. */
  readonly resumedFrom?: number;
  readonly diff?: CollectionDiff;
  readonly poisoned?: PoisonedEvent;
  readonly error?: string;
}

/** Whether a rebuild may still go on (after a restart it resumes). */
export const isActive = (record: Pick<RebuildRecord, 'state'>): boolean => record.state === 'building' || record.state === 'ready';
