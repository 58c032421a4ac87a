import { createHash } from 'node:crypto';
import { EventToAppend } from './envelope';

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The tamper-evidence chain: an event's hash covers the previous event's hash in its
 * stream, its place in the stream, its id, type, data and metadata.
 */
export function eventHash(prevHash: string, streamId: string, revision: number, event: EventToAppend): string {
  return createHash('sha256')
    .update(prevHash).update('\n')
    .update(streamId).update('\n')
    .update(String(revision)).update('\n')
    .update(event.eventId).update('\n')
    .update(event.type).update('\n')
    .update(canonicalJson(event.data)).update('\n')
    .update(canonicalJson(event.metadata))
    .digest('hex');
}
