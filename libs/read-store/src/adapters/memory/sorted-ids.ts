import { compareStrings } from './sort-order';

/**
 * A set of ids that hands them out in `_id` order. Writes are set operations (O(1)): a sorted
 * array spliced on every insert would move half of its ids each time, which during a replay of a
 * large collection costs more than the replay. The order is settled on the next read, in one pass
 * that merges the sorted newcomers into the survivors.
 */
export class SortedIds {
  private sorted: string[] = [];
  // Changes since `sorted` was settled; created on the first change, as most keys rarely change.
  private added?: Set<string>;
  private removed?: Set<string>;

  /** Adds an id the set does not hold. */
  add(id: string): void {
    if (this.removed?.delete(id)) return;
    (this.added ??= new Set()).add(id);
  }

  /** Removes an id the set holds. */
  delete(id: string): void {
    if (this.added?.delete(id)) return;
    (this.removed ??= new Set()).add(id);
  }

  get size(): number {
    return this.sorted.length + (this.added?.size ?? 0) - (this.removed?.size ?? 0);
  }

  /** The ids in `_id` order (code-point order, as MongoDB sorts strings). */
  ids(): readonly string[] {
    if (this.added?.size || this.removed?.size) this.settle();
    return this.sorted;
  }

  private settle(): void {
    const removed = this.removed;
    const kept = removed?.size ? this.sorted.filter((id) => !removed.has(id)) : this.sorted;
    const fresh = this.added?.size ? [...this.added].sort(compareStrings) : [];
    this.sorted = mergeSorted(kept, fresh);
    this.added = undefined;
    this.removed = undefined;
  }
}

function mergeSorted(a: string[], b: readonly string[]): string[] {
  if (b.length === 0) return a;
  if (a.length === 0) return [...b];
  const out = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareStrings(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** Index of the first id strictly after `after` in an id list in `_id` order (binary search). */
export function firstIdAfter(ids: readonly string[], after: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareStrings(ids[mid], after) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ids of several lists in `_id` order, from just after `after`, each once (a document listed
 * under two keys of a `$in`, through an array, comes out once). Lists are few: a linear pick of
 * the smallest head beats a heap.
 */
export function* mergeIdLists(lists: readonly (readonly string[])[], after?: string): Generator<string> {
  const at = lists.map((ids) => (after === undefined ? 0 : firstIdAfter(ids, after)));
  let last: string | undefined;
  for (;;) {
    let pick = -1;
    for (let l = 0; l < lists.length; l++) {
      if (at[l] < lists[l].length && (pick < 0 || compareStrings(lists[l][at[l]], lists[pick][at[pick]]) < 0)) pick = l;
    }
    if (pick < 0) return;
    const id = lists[pick][at[pick]++];
    if (id !== last) yield id;
    last = id;
  }
}
