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
