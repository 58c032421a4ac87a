import { PoisonedEvent, ProjectionStatus } from '@pl/projections';

/**
 * How far the read models have applied the log, whoever keeps them: the runner in this
 * process, or a projector elsewhere whose checkpoints this process reads. Reads with
 * `minPosition` and the readiness check ask this, never the runner directly.
 */
export interface ReadModelProgress {
  /** Resolves true once every read model has applied `position`, false after `timeoutMs`. */
  waitFor(position: number, timeoutMs: number): Promise<boolean>;
  /** Lowest position every read model has applied, as last known. */
  position(): number;
  /** Projections stopped on an event, as far as this process can tell. */
  poisoned(): readonly PoisonedEvent[];
  /** Every projection's status, as last known; `refresh` first for a current answer. */
  snapshot(): readonly ProjectionStatus[];
  /** Brings the last-known answers up to date (nothing to do when the runner is in process). */
  refresh(): Promise<void>;
}

export const READ_MODEL_PROGRESS = Symbol('ReadModelProgress');
