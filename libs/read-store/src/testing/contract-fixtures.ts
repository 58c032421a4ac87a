import type { Collection, Document, DocumentWrite, Filter, ReadStore, SortSpec } from '../read-store.port';
import { compareSortValues, sortKeys, sortValues } from '../adapters/memory/sort-order';

/** A household row as a registry read model would hold it. */
export interface HouseholdRow extends Document {
  readonly communeCode: string;
  readonly status: 'poor' | 'near-poor' | 'none';
  readonly members: number;
  readonly area: { readonly provinceCode: string; readonly communeCode: string };
  readonly note?: string | null;
}

/** What a contract test gets: the store under test and a fresh collection name. */
export interface ContractContext {
  store(): ReadStore;
  uniqueName(prefix?: string): string;
}

const statuses = ['poor', 'near-poor', 'none'] as const;

/** `count` households with ties on `members`, missing and null notes, three communes. */
export function households(count: number, position = 1): HouseholdRow[] {
  return Array.from({ length: count }, (_, i) => {
    const communeCode = ['00001', '00004', '00007'][i % 3];
    const row: HouseholdRow = {
      _id: `hh-${String((i * 7919) % 1000).padStart(4, '0')}-${i}`,
      _position: position + i,
      communeCode,
      status: statuses[(i >> 1) % 3],
      members: 1 + (i % 5),
      area: { provinceCode: i % 4 === 0 ? '01' : '79', communeCode },
    };
    if (i % 4 === 1) return row;
    return { ...row, note: i % 4 === 2 ? null : `ghi chú ${i % 6}` };
  });
}

export const puts = <D extends Document>(docs: readonly D[]): DocumentWrite<D>[] =>
  docs.map((doc) => ({ kind: 'put', doc }));

/** A fresh collection holding the given documents. */
export async function seeded<D extends Document>(ctx: ContractContext, docs: readonly D[]): Promise<Collection<D>> {
  const collection = ctx.store().collection<D>(ctx.uniqueName());
  await collection.bulkWrite(puts(docs));
  return collection;
}

/** The expected ids for a filter and sort, computed in plain code as the oracle. */
export function expectedIds<D extends Document>(
  docs: readonly D[],
  keep: (doc: D) => boolean,
  sort?: readonly SortSpec[],
): string[] {
  const keys = sortKeys(sort);
  return docs
    .filter(keep)
    .map((doc) => ({ doc, values: sortValues(doc, keys) }))
    .sort((a, b) => compareSortValues(a.values, b.values, keys))
    .map((e) => e.doc._id);
}

/** Walks every page of a query and returns the ids in order. */
export async function walk<D extends Document>(
  collection: Collection<D>,
  request: { filter?: Filter; sort?: readonly SortSpec[]; limit: number },
  between?: (pageNumber: number) => Promise<void>,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 1; page < 10_000; page++) {
    const result = await collection.find({ ...request, cursor });
    ids.push(...result.items.map((d) => d._id));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
    await between?.(page);
  }
  throw new Error('pagination did not end');
}

/** All ids from findAll, in the order given. */
export async function allIds<D extends Document>(collection: Collection<D>, filter?: Filter): Promise<string[]> {
  const ids: string[] = [];
  for await (const doc of collection.findAll(filter)) ids.push(doc._id);
  return ids;
}
