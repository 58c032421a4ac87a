import { ApiHeader, ApiQuery, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { DomainError } from '@pl/domain';

/** Documents the read-your-writes parameters on a query route. */
export const AcceptsMinPosition = () =>
  applyDecorators(
    ApiQuery({ name: 'minPosition', required: false, type: Number, description: 'wait until the read models have applied this log position (from a write answer)' }),
    ApiHeader({ name: 'X-Min-Position', required: false, description: 'same as minPosition' }),
    ApiServiceUnavailableResponse({ description: 'the read models did not reach minPosition in time' }),
  );

/** The position a read must wait for, from the query string or the header; undefined when none. */
export function minPositionOf(query: unknown, headers: Record<string, unknown>): number | undefined {
  const fromQuery = (query as Record<string, unknown> | undefined)?.minPosition;
  const raw = fromQuery ?? headers['x-min-position'];
  if (raw === undefined || raw === '') return undefined;
  const n = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n)) {
    throw new DomainError('invalid', 'INVALID_MIN_POSITION', `minPosition must be a non-negative integer log position, got "${String(raw)}"`);
  }
  return n;
}
