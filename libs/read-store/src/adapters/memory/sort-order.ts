import type { SortSpec } from '../../read-store.port';

/** Sort keys with `_id` last, so every order is total; keys after an explicit `_id` are dropped. */
export function sortKeys(sort: readonly SortSpec[] = []): readonly SortSpec[] {
  const keys: SortSpec[] = [];
  for (const key of sort) {
    keys.push(key);
    if (key.field === '_id') return keys;
  }
  keys.push({ field: '_id', direction: 1 });
  return keys;
}

/** Value at a dotted path; missing parts give undefined (MongoDB sorts missing as null). */
export function valueAt(doc: unknown, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

// MongoDB's order across types: null/missing < numbers < strings < objects < arrays < booleans < dates.
function typeRank(value: unknown): number {
  if (value === null || value === undefined) return 1;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return 2;
    case 'string':
      return 3;
    case 'boolean':
      return 8;
    default:
      if (value instanceof Date) return 9;
      return Array.isArray(value) ? 5 : 4;
  }
}

// Code-point order, which is MongoDB's byte order of UTF-8; plain `<` compares UTF-16 units
// and would put U+E000..U+FFFF after astral characters.
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) {
      if (ca >= 0xd800 && cb >= 0xd800) return fixUp(ca) - fixUp(cb);
      return ca - cb;
    }
  }
  return a.length - b.length;
}

const fixUp = (unit: number) => (unit >= 0xe000 ? unit - 0x800 : unit + 0x2000);

/** Compares two field values the way MongoDB sorts them (binary string order, no collation). */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 1:
      return 0;
    case 2:
      return a === b ? 0 : (a as number) < (b as number) ? -1 : 1;
    case 3:
      return compareStrings(a as string, b as string);
    case 8:
      return Number(a) - Number(b);
    case 9:
      return (a as Date).getTime() - (b as Date).getTime();
    default:
      return compareStrings(JSON.stringify(a), JSON.stringify(b));
  }
}

/** The sort values of a document for the given keys (missing values as null). */
export function sortValues(doc: unknown, keys: readonly SortSpec[]): unknown[] {
  return keys.map((key) => valueAt(doc, key.field) ?? null);
}

/** Compares two lists of sort values under the keys' directions. */
export function compareSortValues(a: readonly unknown[], b: readonly unknown[], keys: readonly SortSpec[]): number {
  for (let i = 0; i < keys.length; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c * keys[i].direction;
  }
  return 0;
}
