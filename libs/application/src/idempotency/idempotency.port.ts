/** The first answer to a request sent with an Idempotency-Key, kept so a retry gets it again. */
export interface IdempotencyRecord {
  /** Whose key it is: keys are per principal, so two clients cannot collide. */
  readonly scope: string;
  readonly key: string;
  readonly requestHash: string;
  readonly status: number;
  readonly body: unknown;
  readonly createdAt: string;
}

export interface IdempotencyStore {
  get(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Keeps the first record for a (scope, key); a later one for the same pair is ignored. */
  put(record: IdempotencyRecord): Promise<void>;
  close(): Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IdempotencyStore');
