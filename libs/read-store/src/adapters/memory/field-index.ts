import type { FieldCondition, Filter, Scalar } from '../../read-store.port';

// Keys keep types apart (1 and '1' are different values) and fold missing into null, as
// MongoDB's `{field: null}` matches both.
export function keyOf(value: Scalar | undefined): string | undefined {
  if (value === null || value === undefined) return 'z';
  switch (typeof value) {
    case 'string':
      return 's' + value;
    case 'number':
      return Number.isNaN(value) ? undefined : 'n' + value;
    case 'boolean':
      return value ? 'bt' : 'bf';
    default:
      return undefined;
  }
}

export const isScalar = (v: unknown): v is Scalar | undefined =>
  v === null || v === undefined || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * A hash index on one field (dotted paths allowed). Documents whose value is not a scalar
 * (arrays, objects) go to a side set that every lookup includes, so a lookup always returns
 * a superset of the matches and the filter, applied afterwards, stays the judge.
 */
export class FieldIndex {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly unkeyed = new Set<string>();

  private readonly path: readonly string[];

  constructor(readonly field: string) {
    this.path = field.split('.');
  }

  add(id: string, doc: unknown): void {
    this.addKey(id, this.keyFor(doc));
  }

  remove(id: string, doc: unknown): void {
    this.removeKey(id, this.keyFor(doc));
  }

  private addKey(id: string, key: string | undefined): void {
    if (key === undefined) {
      this.unkeyed.add(id);
      return;
    }
    let ids = this.byKey.get(key);
    if (!ids) this.byKey.set(key, (ids = new Set()));
    ids.add(id);
  }

  private removeKey(id: string, key: string | undefined): void {
    if (key === undefined) {
      this.unkeyed.delete(id);
      return;
    }
    const ids = this.byKey.get(key);
    ids?.delete(id);
    if (ids?.size === 0) this.byKey.delete(key);
  }

  /** Re-indexes a replaced document; most updates leave the indexed field as it was, and cost one key each. */
  replace(id: string, before: unknown, after: unknown): void {
    const old = this.keyFor(before);
    const key = this.keyFor(after);
    if (old === key) return;
    this.removeKey(id, old);
    this.addKey(id, key);
  }

  /**
   * Candidate ids for a condition as a union of sets (not merged: a `$in` over large sets
   * would cost more to merge than to probe), or undefined when this index cannot narrow it.
   */
  lookup(condition: FieldCondition): readonly ReadonlySet<string>[] | undefined {
    const values = equalityValues(condition);
    if (!values) return undefined;
    const sets: ReadonlySet<string>[] = [];
    for (const key of new Set(values.map(keyOf))) {
      const ids = key === undefined ? undefined : this.byKey.get(key);
      if (ids) sets.push(ids);
    }
    if (this.unkeyed.size > 0) sets.push(this.unkeyed);
    return sets;
  }

  private keyFor(doc: unknown): string | undefined {
    // A path through an array matches per element in MongoDB; such documents stay unkeyed.
    let value: unknown = doc;
    for (const part of this.path) {
      if (Array.isArray(value)) return undefined;
      if (value === null || typeof value !== 'object') return keyOf(undefined);
      value = (value as Record<string, unknown>)[part];
    }
    return isScalar(value) ? keyOf(value) : undefined;
  }
}

/** The values an equality or `$in` condition accepts; undefined for other operators. */
export function equalityValues(condition: FieldCondition): readonly Scalar[] | undefined {
  if (condition === null || typeof condition !== 'object') return [condition];
  if ('$in' in condition && Object.keys(condition).length === 1) return condition.$in;
  return undefined;
}

/**
 * The ids a filter's indexed conditions allow, kept lazy: a page walking a sorted view only asks
 * `has`, so intersecting large sets up front would cost more than the page.
 */
export interface Candidates extends Iterable<string> {
  /** At most this many ids (the smallest of the conditions' sets). */
  readonly size: number;
  /** How many ids all conditions likely allow, taking them as independent: the page planner's guess. */
  readonly estimate: number;
  /** Set lookups one `has` costs. */
  readonly probes: number;
  has(id: string): boolean;
}

/** Narrows a filter to candidate ids with the given indexes; undefined when none applies. */
export function candidatesFor(filter: Filter, indexes: ReadonlyMap<string, FieldIndex>, total: number): Candidates | undefined {
  const unions: (readonly ReadonlySet<string>[])[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    const found = indexes.get(field)?.lookup(condition);
    if (found) unions.push(found);
  }
  if (unions.length === 0) return undefined;
  const sizeOf = (u: readonly ReadonlySet<string>[]) => u.reduce((n, set) => n + set.size, 0);
  unions.sort((a, b) => sizeOf(a) - sizeOf(b));
  const [smallest, ...others] = unions;
  const inAll = (id: string) => others.every((u) => u.some((set) => set.has(id)));
  const estimate = unions.reduce((e, u) => e * (total > 0 ? Math.min(1, sizeOf(u) / total) : 0), total);
  return {
    size: sizeOf(smallest),
    estimate,
    probes: unions.length,
    has: (id) => smallest.some((set) => set.has(id)) && inAll(id),
    *[Symbol.iterator]() {
      // Walk the smallest side and probe the others, so the cost follows the smallest side.
      for (const ids of smallest) for (const id of ids) if (inAll(id)) yield id;
    },
  };
}
