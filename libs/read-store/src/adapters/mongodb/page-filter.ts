import type { SortSpec } from '../../read-store.port';

type Condition = Record<string, unknown>;

/**
 * The MongoDB filter for "strictly after these sort values" in the order of `keys`: an $or
 * chain (k1 after v1) or (k1 = v1 and k2 after v2) ... ending with `_id`.
 * Assumes each sort field holds one scalar type or null/missing, because MongoDB's $gt/$lt
 * only compare within a type; null and missing sort first, as in MongoDB.
 */
export function afterFilter(keys: readonly SortSpec[], values: readonly unknown[]): Condition {
  const branches: Condition[] = [];
  for (let i = 0; i < keys.length; i++) {
    const beyond = strictlyAfter(keys[i], values[i]);
    if (!beyond) continue;
    const parts = keys.slice(0, i).map((key, j) => ({ [key.field]: values[j] }));
    parts.push(beyond);
    branches.push(parts.length === 1 ? parts[0] : { $and: parts });
  }
  // _id is always the last key and never null, so there is always at least one branch.
  return branches.length === 1 ? branches[0] : { $or: branches };
}

function strictlyAfter(key: SortSpec, value: unknown): Condition | undefined {
  if (key.direction === 1) {
    return value === null ? { [key.field]: { $ne: null } } : { [key.field]: { $gt: value } };
  }
  // Descending, null and missing come last, and nothing comes after them.
  return value === null ? undefined : { $or: [{ [key.field]: { $lt: value } }, { [key.field]: null }] };
}
