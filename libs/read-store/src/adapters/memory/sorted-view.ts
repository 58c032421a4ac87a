import type { SortSpec } from '../../read-store.port';
import { compareSortValues, sortValues } from './sort-order';

/** A document with its sort values computed once. */
export interface SortedEntry<D> {
  readonly values: readonly unknown[];
  readonly doc: D;
}

/** Documents with their sort values, in sort order. */
export function sortEntries<D>(docs: Iterable<D>, keys: readonly SortSpec[]): SortedEntry<D>[] {
  const entries: SortedEntry<D>[] = [];
  for (const doc of docs) entries.push({ values: sortValues(doc, keys), doc });
  return entries.sort((a, b) => compareSortValues(a.values, b.values, keys));
}

/** Index of the first entry strictly after the given sort values (binary search). */
export function firstAfter<D>(
  entries: readonly SortedEntry<D>[],
  after: readonly unknown[],
  keys: readonly SortSpec[],
): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareSortValues(entries[mid].values, after, keys) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A stable key for a sort order, to cache one sorted view per order. */
export const orderKey = (keys: readonly SortSpec[]) => keys.map((k) => `${k.field}:${k.direction}`).join(',');

/**
 * The changes of one batch to the `_id`-ordered view. A replaced document is swapped in place
 * (binary search); inserts and deletes are applied together at the end in one linear merge,
 * as a splice per document would move half the view each time.
 */
export class IdViewPatch<D> {
  private readonly inserts = new Map<string, D>();
  private readonly deletes = new Set<string>();

  constructor(private readonly view: SortedEntry<D>[], private readonly keys: readonly SortSpec[]) {}

  /** A put; `stored` tells whether the collection held the id before it. */
  put(id: string, doc: D, stored: boolean): void {
    // Held but not in the view: inserted earlier in this batch, still pending.
    if (stored && !this.inserts.has(id)) this.view[firstAfter(this.view, [id], this.keys) - 1] = { values: [id], doc };
    else this.inserts.set(id, doc);
  }

  delete(id: string): void {
    if (!this.inserts.delete(id)) this.deletes.add(id);
  }

  /** The view with this batch's inserts and deletes. */
  apply(): SortedEntry<D>[] {
    if (this.inserts.size === 0 && this.deletes.size === 0) return this.view;
    const kept = this.deletes.size ? this.view.filter((e) => !this.deletes.has(e.values[0] as string)) : this.view;
    const fresh = sortEntries(this.inserts.values(), this.keys);
    const merged = new Array<SortedEntry<D>>(kept.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < kept.length && j < fresh.length) merged[k++] = compareSortValues(kept[i].values, fresh[j].values, this.keys) <= 0 ? kept[i++] : fresh[j++];
    while (i < kept.length) merged[k++] = kept[i++];
    while (j < fresh.length) merged[k++] = fresh[j++];
    return merged;
  }
}
