import { RowRefusal } from './import-row';

/** How far an import has come; emitted as rows finish. */
export interface ImportProgress {
  readonly done: number;
  readonly total: number;
  readonly accepted: number;
  readonly refused: number;
}

/** What an import did, row by row where it matters. */
export interface ImportReport {
  readonly total: number;
  /** Rows that registered a household now. */
  readonly accepted: number;
  /** Rows of an earlier run of the same list: found their own events, appended nothing. */
  readonly alreadyPresent: number;
  /** Rows not registered, in line order, each with a code and the reason. */
  readonly refused: readonly RowRefusal[];
  /** Ids of the households registered or already present, in line order (when asked for). */
  readonly householdIds?: readonly string[];
  readonly durationMs: number;
  /** The highest log position written or found; read with `minPosition` to see every row. */
  readonly maxPosition: number;
}
