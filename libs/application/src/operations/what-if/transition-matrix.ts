import { STANDINGS, Standing } from './judge';

/** Households counted by their actual standing (rows) and their what-if standing (columns). */
export interface TransitionMatrix {
  households: number;
  unchanged: number;
  moved: number;
  transitions: Record<Standing, Record<Standing, number>>;
}

export function emptyMatrix(): TransitionMatrix {
  const row = (): Record<Standing, number> => ({ poor: 0, 'near-poor': 0, none: 0 });
  return { households: 0, unchanged: 0, moved: 0, transitions: { poor: row(), 'near-poor': row(), none: row() } };
}

/** Adds one household going from `from` to `to`. */
export function countTransition(matrix: TransitionMatrix, from: Standing, to: Standing): void {
  matrix.households += 1;
  matrix.transitions[from][to] += 1;
  if (from === to) matrix.unchanged += 1;
  else matrix.moved += 1;
}

/** Every non-zero transition as `from->to`, for a compact reading. */
export function transitionsOf(matrix: TransitionMatrix): Readonly<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const from of STANDINGS) for (const to of STANDINGS) if (matrix.transitions[from][to] > 0) out[`${from}->${to}`] = matrix.transitions[from][to];
  return out;
}
