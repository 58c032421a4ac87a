import { hash } from 'node:crypto';
import { EventToAppend } from './envelope';

/**
 * JSON with object keys sorted, so the same content always hashes the same: keys whose value
 * is undefined are left out, anything JSON cannot hold (undefined, a function) reads `null`,
 * and strings are escaped exactly as JSON.stringify escapes them.
 *
 * It runs for the data and the metadata of every appended event, so it is written for speed:
 * one string built in place instead of arrays of entries joined at every level (about 2.5x
 * faster; hash.spec.ts holds it to the plain version's output).
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // What JSON.stringify writes: the shortest round-trip form, null for NaN and the infinities.
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    default:
      // undefined, functions and symbols read null; a bigint throws, as JSON.stringify does.
      return JSON.stringify(value) ?? 'null';
  }
}

function canonicalArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    // A hole writes nothing, as `map(...).join(',')` did; JSON from the wire never has one.
    if (i in items) out += canonicalJson(items[i]);
  }
  return `${out}]`;
}

/** Quoted keys, `"key":`: events reuse a few dozen names, so each is escaped once. */
const quotedKeys = new Map<string, string>();
// Keys that are data (ids used as keys) must not grow the cache without end.
const MAX_QUOTED_KEYS = 4096;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function canonicalObject(object: Record<string, unknown>): string {
  const keys = Object.keys(object);
  // The default sort compares UTF-16 code units, as `<` on strings does.
  if (keys.length > 1) keys.sort();
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const item = object[key];
    if (item === undefined) continue;
    out += first ? quotedKey(key) : `,${quotedKey(key)}`;
    first = false;
    out += canonicalJson(item);
  }
  return `${out}}`;
}

/**
 * The tamper-evidence chain: an event's hash covers the previous event's hash in its stream,
 * its place in the stream, its id, type, and its data and metadata exactly as stored (the JSON
 * text the store writes), so a verifier hashes stored rows without parsing them.
 */
export function eventHashOfText(prevHash: string, streamId: string, revision: number, eventId: string, type: string, dataJson: string, metadataJson: string): string {
  return hash('sha256', `${prevHash}\n${streamId}\n${revision}\n${eventId}\n${type}\n${dataJson}\n${metadataJson}`);
}

/** The JSON text a store keeps for an event's data or metadata: what `eventHashOfText` covers. */
export const storedJson = (value: unknown): string => JSON.stringify(value) ?? 'null';

/** `eventHashOfText` of an event as appended (or as read back: JSON keeps the key order). */
export function eventHash(prevHash: string, streamId: string, revision: number, event: EventToAppend): string {
  return eventHashOfText(prevHash, streamId, revision, event.eventId, event.type, storedJson(event.data), storedJson(event.metadata));
}
