import { Query } from 'mingo';
import type {
  Collection,
  Document,
  DocumentWrite,
  Filter,
  IndexSpec,
  Page,
  PageRequest,
  SortSpec,
} from '../../read-store.port';
import { Candidates, candidatesFor, equalityValues, FieldIndex } from './field-index';
import { OrderedIndex } from './ordered-index';
import { checkLimit, decodeCursor, encodeCursor } from './page-cursor';
import { sortKeys } from './sort-order';
import { mergeIdLists } from './sorted-ids';
import { firstAfter, IdViewPatch, orderKey, type SortedEntry, sortEntries } from './sorted-view';

const ID_ORDER = sortKeys();
const ID_ORDER_KEY = orderKey(ID_ORDER);

// Below this share of the collection, sorting the index candidates beats re-sorting the whole collection.
const CANDIDATE_SHARE = 1 / 8;
// A step of a walk over a sorted view (one set lookup) costs about this share of a filter test.
const WALK_STEP_COST = 0.03;

/**
 * One in-memory collection: frozen documents by `_id`, indexes and cached sorted views.
 * Declared indexes are built by the first query that can use one and kept up to date from then
 * on: a replay at start writes every document several times before anyone reads.
 */
export class MemoryCollection<D extends Document> implements Collection<D> {
  private readonly docs = new Map<string, D>();
  private readonly declaredFields = new Set<string>();
  private readonly declaredSpecs = new Map<string, readonly string[]>();
  // Built so far: a hash index per declared field, an `_id`-ordered index per declared IndexSpec.
  private readonly indexes = new Map<string, FieldIndex>();
  private readonly ordered = new Map<string, OrderedIndex>();
  // Views in other orders are rebuilt lazily after a write; the `_id` view is kept up to date in place.
  private readonly views = new Map<string, SortedEntry<D>[]>();
  /** True once written to or indexed, until dropped (as a MongoDB collection exists). */
  exists = false;

  constructor(readonly name: string) {}

  async get(id: string): Promise<D | undefined> {
    return this.docs.get(id);
  }

  async getMany(ids: readonly string[]): Promise<ReadonlyMap<string, D>> {
    const found = new Map<string, D>();
    for (const id of ids) {
      const doc = this.docs.get(id);
      if (doc) found.set(id, doc);
    }
    return found;
  }

  async find(request: PageRequest): Promise<Page<D>> {
    checkLimit(request.limit);
    const keys = sortKeys(request.sort);
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, keys).values;
    const entries = this.select(request.filter, keys, after, request.limit + 1);
    const items = entries.slice(0, request.limit);
    const last = items[items.length - 1];
    return entries.length > request.limit
      ? { items: items.map((e) => e.doc), nextCursor: encodeCursor(last.values) }
      : { items: items.map((e) => e.doc) };
  }

  async *findAll(filter?: Filter): AsyncIterable<D> {
    for (const entry of this.select(filter, ID_ORDER, undefined, Infinity)) yield entry.doc;
  }

  async count(filter?: Filter): Promise<number> {
    if (!filter || Object.keys(filter).length === 0) return this.docs.size;
    const matches = matcher(filter);
    let n = 0;
    for (const doc of this.scan(filter)) if (matches(doc)) n++;
    return n;
  }

  async bulkWrite(writes: readonly DocumentWrite<D>[]): Promise<void> {
    if (writes.length === 0) return;
    this.exists = true;
    let changed = false;
    const byId = this.views.get(ID_ORDER_KEY);
    const patch = byId && new IdViewPatch(byId, ID_ORDER);
    const indexes = [...this.indexes.values(), ...this.ordered.values()];
    for (const write of writes) {
      const id = write.kind === 'put' ? write.doc._id : write._id;
      const position = write.kind === 'put' ? write.doc._position : write._position;
      const stored = this.docs.get(id);
      if (stored && stored._position >= position) continue;
      if (write.kind === 'put') {
        // The store takes the document as given and freezes it: writers (the projection runner)
        // hand over fresh objects, and parts shared with the previous version are frozen already.
        const doc = deepFreeze(write.doc);
        this.docs.set(id, doc);
        if (stored) for (const index of indexes) index.replace(id, stored, doc);
        else for (const index of indexes) index.add(id, doc);
        patch?.put(id, doc, stored !== undefined);
        changed = true;
      } else if (stored) {
        for (const index of indexes) index.remove(id, stored);
        this.docs.delete(id);
        patch?.delete(id);
        changed = true;
      }
    }
    if (changed) {
      this.views.clear();
      if (patch) this.views.set(ID_ORDER_KEY, patch.apply());
    }
  }

  async ensureIndexes(indexes: readonly IndexSpec[]): Promise<void> {
    this.exists = true;
    for (const spec of indexes) {
      const fields = spec.fields.filter((field) => field !== '_id');
      if (fields.length > 0) this.declaredSpecs.set(fields.join(','), fields);
      // One hash index per field: a filter on any subset of an index's fields can use them.
      for (const field of fields) this.declaredFields.add(field);
    }
  }

  async drop(): Promise<void> {
    this.docs.clear();
    this.indexes.clear();
    this.ordered.clear();
    this.views.clear();
    this.exists = false;
  }

  /** Matching entries in sort order, strictly after `after`, at most `max` of them. */
  private select(
    filter: Filter | undefined,
    keys: readonly SortSpec[],
    after: readonly unknown[] | undefined,
    max: number,
  ): SortedEntry<D>[] {
    const hasFilter = !!filter && Object.keys(filter).length > 0;
    const matches = hasFilter ? matcher(filter) : undefined;
    const lists = hasFilter && orderKey(keys) === ID_ORDER_KEY ? this.orderedLists(filter) : undefined;
    if (lists) return this.mergeLists(lists, matches!, after, max);
    const candidates = hasFilter ? candidatesFor(filter, this.fieldIndexesFor(filter), this.docs.size) : undefined;
    if (candidates && !this.walkBeatsSorting(candidates, keys, max)) return this.sortCandidates(candidates, matches!, keys, after, max);
    const view = this.view(keys);
    const result: SortedEntry<D>[] = [];
    // A walk guided by a wrong guess (conditions that rarely meet) stops at the cost of the other plan.
    let budget = candidates ? this.sortCost(candidates) : Infinity;
    for (let i = after ? firstAfter(view, after, keys) : 0; i < view.length && result.length < max; i++) {
      const entry = view[i];
      if (candidates) {
        if ((budget -= candidates.probes) < 0) return [...result, ...this.sortCandidates(candidates, matches!, keys, i > 0 ? view[i - 1].values : after, max - result.length)];
        if (!candidates.has(entry.doc._id)) continue;
      }
      if (!matches || matches(entry.doc)) result.push(entry);
    }
    return result;
  }

  /** The matches among the lists' ids, in `_id` order, strictly after `after`, at most `max`. */
  private mergeLists(lists: readonly (readonly string[])[], matches: (doc: Document) => boolean, after: readonly unknown[] | undefined, max: number): SortedEntry<D>[] {
    const result: SortedEntry<D>[] = [];
    if (max <= 0) return result;
    for (const id of mergeIdLists(lists, after?.[0] as string | undefined)) {
      const doc = this.docs.get(id)!;
      if (!matches(doc)) continue;
      result.push({ values: [id], doc });
      if (result.length >= max) break;
    }
    return result;
  }

  /**
   * The `_id`-ordered lists holding every match, from the declared IndexSpec with the most fields
   * the filter fixes by equality or `$in`; undefined when none is fixed whole.
   */
  private orderedLists(filter: Filter): (readonly string[])[] | undefined {
    let best: readonly string[] | undefined;
    for (const fields of this.declaredSpecs.values()) {
      const fixed = fields.every((field) => Object.hasOwn(filter, field) && equalityValues(filter[field]) !== undefined);
      if (fixed && fields.length > (best?.length ?? 0)) best = fields;
    }
    return best && this.orderedIndex(best).lookup(filter);
  }

  private orderedIndex(fields: readonly string[]): OrderedIndex {
    const name = fields.join(',');
    let index = this.ordered.get(name);
    if (!index) {
      index = new OrderedIndex(fields);
      for (const [id, doc] of this.docs) index.add(id, doc);
      this.ordered.set(name, index);
    }
    return index;
  }

  /** The hash indexes, with those of the filter's declared fields built. */
  private fieldIndexesFor(filter: Filter): ReadonlyMap<string, FieldIndex> {
    for (const field of Object.keys(filter)) {
      if (!this.declaredFields.has(field) || this.indexes.has(field)) continue;
      const index = new FieldIndex(field);
      for (const [id, doc] of this.docs) index.add(id, doc);
      this.indexes.set(field, index);
    }
    return this.indexes;
  }

  /** The candidates that match, sorted, strictly after `after`, at most `max`. */
  private sortCandidates(candidates: Candidates, matches: (doc: Document) => boolean, keys: readonly SortSpec[], after: readonly unknown[] | undefined, max: number): SortedEntry<D>[] {
    const found: D[] = [];
    for (const id of candidates) {
      const doc = this.docs.get(id);
      if (doc && matches(doc)) found.push(doc);
    }
    let entries = sortEntries(found, keys);
    if (after) entries = entries.slice(firstAfter(entries, after, keys));
    return entries.slice(0, max);
  }

  /** What sorting the candidates costs, in set lookups. */
  private sortCost(candidates: Candidates): number {
    const hits = Math.max(candidates.estimate, 1);
    return candidates.size * (candidates.probes - 1) + hits / WALK_STEP_COST + hits * Math.log2(hits + 1);
  }

  /**
   * Whether walking the sorted view and probing the candidates finds a page sooner than testing
   * and sorting every candidate: a selective filter over a large collection wants the walk.
   */
  private walkBeatsSorting(candidates: Candidates, keys: readonly SortSpec[], max: number): boolean {
    if (!Number.isFinite(max)) return false;
    const total = this.docs.size;
    // The `_id` view, once built, is kept up to date: building it is worth it. Other orders are re-sorted after writes.
    if (orderKey(keys) !== ID_ORDER_KEY && !this.views.has(orderKey(keys))) return candidates.size >= total * CANDIDATE_SHARE;
    // Costs in set lookups; a filter test costs about 1 / WALK_STEP_COST lookups.
    const test = 1 / WALK_STEP_COST;
    const hits = Math.max(candidates.estimate, 1);
    const walk = Math.min(total, (max * total) / hits) * candidates.probes + Math.min(max, hits) * test;
    return walk < this.sortCost(candidates);
  }

  private view(keys: readonly SortSpec[]): SortedEntry<D>[] {
    const key = orderKey(keys);
    let view = this.views.get(key);
    if (!view) this.views.set(key, (view = sortEntries(this.docs.values(), keys)));
    return view;
  }

  private *scan(filter: Filter): Iterable<D> {
    const candidates = candidatesFor(filter, this.fieldIndexesFor(filter), this.docs.size);
    if (!candidates) {
      yield* this.docs.values();
      return;
    }
    for (const id of candidates) {
      const doc = this.docs.get(id);
      if (doc) yield doc;
    }
  }
}

function matcher(filter: Filter): (doc: Document) => boolean {
  const query = new Query(filter as Record<string, unknown>);
  return (doc) => query.test(doc as unknown as Record<string, unknown>);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // for-in over a plain document: no array of values allocated per object.
    for (const key in value) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') deepFreeze(child);
    }
  }
  return value;
}
