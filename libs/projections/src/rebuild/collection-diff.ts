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
      if (!sameDocument(x.value, y.value)) {
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

/** Whether two documents hold the same values, whatever their key order; `_position` is left out at the top level. */
export function sameDocument(a: Document, b: Document): boolean {
  return sameObject(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, '_position');
}

// A structural comparison, not a serialisation: a diff of a large read model must not build two strings per document.
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], other[i])) return false;
    return true;
  }
  return sameObject(a as Record<string, unknown>, b as Record<string, unknown>);
}

// Keys holding `undefined` count as absent, as they do once stored as JSON or BSON.
function sameObject(a: Record<string, unknown>, b: Record<string, unknown>, skip?: string): boolean {
  let keys = 0;
  for (const key in a) {
    if (key === skip || a[key] === undefined) continue;
    keys++;
    if (!Object.hasOwn(b, key) || !sameValue(a[key], b[key])) return false;
  }
  for (const key in b) if (key !== skip && b[key] !== undefined) keys--;
  return keys === 0;
}
