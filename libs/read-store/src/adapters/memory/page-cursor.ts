import { invalid } from '@pl/domain';
import type { SortSpec } from '../../read-store.port';

/** What a page cursor carries: the last item's sort values, `_id` last. */
export interface CursorPosition {
  readonly values: readonly unknown[];
}

export const MAX_PAGE_LIMIT = 1000;

/** Throws INVALID_LIMIT unless the limit is a whole number in 1..1000. */
export function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw invalid('INVALID_LIMIT', `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}`, { limit });
  }
}

/** Encodes the sort values of a page's last item (base64url JSON). */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * Decodes a cursor made for the same sort keys; anything else (edited, truncated, made for
 * another sort) throws INVALID_CURSOR rather than silently returning a wrong page.
 */
export function decodeCursor(cursor: string, keys: readonly SortSpec[]): CursorPosition {
  let values: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('INVALID_CURSOR', 'the page cursor is malformed');
  }
  if (
    !Array.isArray(values) ||
    values.length !== keys.length ||
    !values.every(isScalar) ||
    typeof values[values.length - 1] !== 'string'
  ) {
    throw invalid('INVALID_CURSOR', 'the page cursor does not fit this query');
  }
  return { values };
}
