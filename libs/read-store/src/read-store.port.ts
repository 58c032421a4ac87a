/** A read-model document: its id and the log position of the last event applied to it. */
export interface Document {
  readonly _id: string;
  readonly _position: number;
}

/** A scalar a filter may compare with. Values are always data, never operators. */
export type Scalar = string | number | boolean | null;

/**
 * The subset of the MongoDB query language read models use. Built by query handlers from
 * validated input, never passed through from a request.
 */
export type FieldCondition =
  | Scalar
  | { readonly $in: readonly Scalar[] }
  | { readonly $ne: Scalar }
  | { readonly $gt?: Scalar; readonly $gte?: Scalar; readonly $lt?: Scalar; readonly $lte?: Scalar }
  | { readonly $exists: boolean };

export type Filter = Readonly<Record<string, FieldCondition>>;

export interface SortSpec {
  readonly field: string;
  readonly direction: 1 | -1;
}

export interface PageRequest {
  readonly filter?: Filter;
  /** Sort keys; `_id` is always added last so the order is total and stable. */
  readonly sort?: readonly SortSpec[];
  readonly limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  readonly cursor?: string;
}

export interface Page<D> {
  readonly items: readonly D[];
  /** Present when more items follow. */
  readonly nextCursor?: string;
}

/** An index a read model declares; adapters use it to answer filters without a full scan. */
export interface IndexSpec {
  readonly fields: readonly string[];
  readonly unique?: boolean;
}

/** A write the projection runner hands over in bulk: put the document, or delete it. */
export type DocumentWrite<D extends Document> =
  | { readonly kind: 'put'; readonly doc: D }
  | { readonly kind: 'delete'; readonly _id: string; readonly _position: number };

export interface Collection<D extends Document> {
  readonly name: string;
  get(id: string): Promise<D | undefined>;
  getMany(ids: readonly string[]): Promise<ReadonlyMap<string, D>>;
  find(request: PageRequest): Promise<Page<D>>;
  /** Every matching document, in `_id` order; for exports and small collections. */
  findAll(filter?: Filter): AsyncIterable<D>;
  count(filter?: Filter): Promise<number>;
  /**
   * Applies writes guarded by position: a write whose `_position` is not greater than the
   * stored document's changes nothing, so a batch applied twice changes nothing.
   */
  bulkWrite(writes: readonly DocumentWrite<D>[]): Promise<void>;
  ensureIndexes(indexes: readonly IndexSpec[]): Promise<void>;
  drop(): Promise<void>;
}

export interface Checkpoint {
  readonly position: number;
}

/**
 * The read-model store. Adapters: memory (embedded default, mingo), mongodb (production).
 * Every adapter passes `readStoreContract`.
 */
export interface ReadStore {
  collection<D extends Document>(name: string): Collection<D>;
  getCheckpoint(projection: string): Promise<number>;
  setCheckpoint(projection: string, position: number): Promise<void>;
  /** Names of stored collections (for rebuild clean-up and status). */
  listCollections(): Promise<readonly string[]>;
  /** Where a logical read model name points (blue/green); undefined when never switched. */
  getAlias(alias: string): Promise<string | undefined>;
  setAlias(alias: string, collection: string): Promise<void>;
  close(): Promise<void>;
}

export const READ_STORE = Symbol('ReadStore');
