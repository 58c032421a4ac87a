import { Collection, Document } from '@pl/read-store';
import { CollectionDiff } from './rebuild-record';

/** How many ids each list of a diff holds at most. */
export const DIFF_LIST_LIMIT = 50;

// Yield to the event loop now and then: a diff of a large read model must not stall requests.
const YIELD_EVERY = 2000;

/**
 * Compares two collections document by document in `_id` order, ignoring `_position` (a
 * rebuilt document may come from a later event of the same outcome) and key order.
 */
export async function diffCollections(live: Collection<Document>, rebuilt: Collection<Document>, limit = DIFF_LIST_LIMIT): Promise<CollectionDiff> {
  const onlyInLive: string[] = [];
  const onlyInRebuilt: string[] = [];
  const differing: string[] = [];
  const counts = { live: 0, rebuilt: 0, onlyInLive: 0, onlyInRebuilt: 0, differing: 0 };
  const a = live.findAll()[Symbol.asyncIterator]();
  const b = rebuilt.findAll()[Symbol.asyncIterator]();
  let x = await a.next();
  let y = await b.next();
  let steps = 0;
  while (!x.done || !y.done) {
    if (++steps % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    if (y.done || (!x.done && x.value._id < y.value._id)) {
      counts.live++; counts.onlyInLive++;
      if (onlyInLive.length < limit) onlyInLive.push(x.value!._id);
      x = await a.next();
    } else if (x.done || y.value._id < x.value._id) {
      counts.rebuilt++; counts.onlyInRebuilt++;
      if (onlyInRebuilt.length < limit) onlyInRebuilt.push(y.value._id);
      y = await b.next();
    } else {
      counts.live++; counts.rebuilt++;
      if (canonical(x.value, true) !== canonical(y.value, true)) {
        counts.differing++;
        if (differing.length < limit) differing.push(x.value._id);
      }
      x = await a.next();
      y = await b.next();
    }
  }
  return {
    liveCollection: live.name, rebuiltCollection: rebuilt.name, liveCount: counts.live, rebuiltCount: counts.rebuilt,
    onlyInLive, onlyInRebuilt, differing,
    onlyInLiveCount: counts.onlyInLive, onlyInRebuiltCount: counts.onlyInRebuilt, differingCount: counts.differing,
    truncated: counts.onlyInLive > onlyInLive.length || counts.onlyInRebuilt > onlyInRebuilt.length || counts.differing > differing.length,
    identical: counts.onlyInLive + counts.onlyInRebuilt + counts.differing === 0,
  };
}

/** JSON with keys sorted at every level; the top level may leave `_position` out. */
export function canonical(value: unknown, withoutPosition = false): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v)).join(',')}]`;
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined && !(withoutPosition && k === '_position')).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}
