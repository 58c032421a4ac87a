import { jsonEvent } from '@kurrent/kurrentdb-client';
import type { EventData, JSONType, MetadataType, ResolvedEvent, AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import { EventMetadata, EventToAppend, RecordedEvent } from '../../envelope';
import { commitOf } from './positions';

/** Metadata as stored on the server: the product's metadata plus the hash chain the adapter computes. */
type StoredMetadata = EventMetadata & { readonly prevHash?: string; readonly hash?: string };

/** The server's own events ($-prefixed types and streams: statistics, settings, links): never ours. */
export function isSystemEvent(streamName: string, type: string): boolean {
  return streamName.startsWith('$') || type.startsWith('$');
}

/**
 * An event as the client sends it. The id is ours (UUID-shaped, deterministic per command),
 * so the server's own idempotency check applies to a retried write.
 */
export function toEventData(event: EventToAppend, prevHash: string, hash: string): EventData {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    // JSON has no undefined; the other adapters store it as null too.
    data: (event.data ?? null) as JSONType,
    metadata: { ...event.metadata, prevHash, hash } as unknown as MetadataType,
  });
}

/**
 * An event as readers see it, or undefined for what is not the product's: system events, link
 * events and streams outside the namespace. Events written by other tools have no hash chain
 * and read with empty hashes, which a chain check reports.
 */
export function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent, namespace: string): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || isSystemEvent(event.streamId, event.type) || !event.streamId.startsWith(namespace)) return undefined;
  const { prevHash, hash, ...metadata } = (event.metadata ?? {}) as unknown as StoredMetadata;
  return {
    eventId: event.id,
    streamId: event.streamId.slice(namespace.length),
    revision: Number(event.revision),
    position: commitOf(event.position),
    type: event.type,
    data: event.data as unknown,
    metadata: metadata as EventMetadata,
    prevHash: prevHash ?? '',
    hash: hash ?? '',
  };
}
