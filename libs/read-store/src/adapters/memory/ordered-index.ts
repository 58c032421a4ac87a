import type { Filter } from '../../read-store.port';
import { equalityValues, isScalar, keyOf } from './field-index';
import { SortedIds } from './sorted-ids';

// Past this many key combinations (a `$in` on each field multiplies them) the merge costs more
// than the planner's other ways.
const MAX_LISTS = 64;

// Length-prefixed, so no value can pass for a combination of two others.
const part = (key: string) => `${key.length}:${key}`;

/**
 * An index on the fields of one declared IndexSpec whose entries, per combination of values,
 * are kept in `_id` order: a filter with an equality or `$in` on every field, read in `_id`
 * order, is a binary search to the cursor and a merge of a few lists, O(log n + limit),
 * however large the collection. Like MongoDB's multikey indexes, an array of scalars is indexed
 * under each element; other values (objects, nested or empty arrays, a second array field) go
 * to a list every lookup includes, and the filter, applied afterwards, judges them.
 */
export class OrderedIndex {
  private readonly byKey = new Map<string, SortedIds>();
  private readonly unkeyed = new SortedIds();
  private readonly paths: readonly (readonly string[])[];

  constructor(readonly fields: readonly string[]) {
    this.paths = fields.map((field) => field.split('.'));
  }

  add(id: string, doc: unknown): void {
    const keys = this.keysOf(doc);
    if (!keys) this.unkeyed.add(id);
    else for (const key of keys) this.entry(key).add(id);
  }

  remove(id: string, doc: unknown): void {
    const keys = this.keysOf(doc);
    if (!keys) {
      this.unkeyed.delete(id);
      return;
    }
    for (const key of keys) {
      const ids = this.byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.byKey.delete(key);
    }
  }

  /** Re-indexes a replaced document; most updates leave the indexed fields as they were, and cost a comparison. */
  replace(id: string, before: unknown, after: unknown): void {
    if (sameKeys(this.keysOf(before), this.keysOf(after))) return;
    this.remove(id, before);
    this.add(id, after);
  }

  /**
   * The id lists, each in `_id` order, that together hold every match of the filter; undefined
   * when a field of this index has no equality or `$in` in the filter, or too many combinations.
   */
  lookup(filter: Filter): (readonly string[])[] | undefined {
    let combinations = [''];
    for (const field of this.fields) {
      const condition = Object.hasOwn(filter, field) ? filter[field] : undefined;
      const values = condition === undefined ? undefined : equalityValues(condition);
      if (!values) return undefined;
      const keys = new Set<string>();
      for (const value of values) {
        const key = keyOf(value);
        if (key !== undefined) keys.add(part(key));
      }
      combinations = combinations.flatMap((prefix) => [...keys].map((key) => prefix + key));
      if (combinations.length > MAX_LISTS) return undefined;
    }
    const lists: (readonly string[])[] = [];
    for (const combination of combinations) {
      const ids = this.byKey.get(combination)?.ids();
      if (ids?.length) lists.push(ids);
    }
    if (this.unkeyed.size > 0) lists.push(this.unkeyed.ids());
    return lists;
  }

  private entry(key: string): SortedIds {
    let ids = this.byKey.get(key);
    if (!ids) this.byKey.set(key, (ids = new SortedIds()));
    return ids;
  }

  /** The combination keys a document is listed under; undefined when it goes to the unkeyed list. */
  private keysOf(doc: unknown): string[] | undefined {
    let combinations = [''];
    let arrays = 0;
    for (const path of this.paths) {
      const keys = fieldKeys(doc, path);
      if (!keys) return undefined;
      if (keys.length !== 1 && ++arrays > 1) return undefined;
      combinations = keys.length === 1 ? combinations.map((prefix) => prefix + keys[0]) : combinations.flatMap((prefix) => keys.map((key) => prefix + key));
    }
    return combinations;
  }
}

/** The keys of a field's value: one for a scalar or a missing value, one per distinct element of an array of scalars. */
function fieldKeys(doc: unknown, path: readonly string[]): string[] | undefined {
  let value: unknown = doc;
  for (const name of path) {
    // A path through an array matches per element in MongoDB: such documents stay unkeyed.
    if (Array.isArray(value)) return undefined;
    if (value === null || typeof value !== 'object') return [part(keyOf(undefined)!)];
    value = (value as Record<string, unknown>)[name];
  }
  if (!Array.isArray(value)) {
    const key = isScalar(value) ? keyOf(value) : undefined;
    return key === undefined ? undefined : [part(key)];
  }
  if (value.length === 0) return undefined;
  const keys = new Set<string>();
  for (const element of value) {
    const key = element !== undefined && isScalar(element) ? keyOf(element) : undefined;
    if (key === undefined) return undefined;
    keys.add(part(key));
  }
  return [...keys];
}

function sameKeys(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((key, i) => key === b[i]);
}
