import { RecordedEvent } from '@pl/event-store';
import { Draft, Projection } from '../../projection';
import { AUDIT_EVENT_PREFIX, AuditEventDoc, AuditIndexDoc, AuditResidenceDoc, auditEventId, auditResidenceId } from './audit-index.document';

/** Name and version of the audit index; its live collection is `collectionOf(auditIndex)`. */
export const auditIndex = { name: 'audit-index', version: 1 } as const;

const REGISTERED = 'HouseholdRegistered.v1';
const RELOCATED = 'HouseholdRelocated.v1';

/** Every event type, including ones added later: an audit trail that misses a type is no trail. */
class EveryType extends Set<string> {
  override has(): boolean {
    return true;
  }
}

type Data = {
  readonly householdId?: unknown; readonly communeCode?: unknown; readonly fund?: unknown;
  readonly address?: { readonly communeCode?: unknown }; readonly to?: { readonly communeCode?: unknown };
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const dataOf = (event: RecordedEvent): Data => (typeof event.data === 'object' && event.data !== null ? event.data as Data : {});

/** The commune a household moved to with this event, for registrations and relocations. */
function movedTo(event: RecordedEvent): string | undefined {
  const d = dataOf(event);
  if (event.type === REGISTERED) return text(d.address?.communeCode);
  if (event.type === RELOCATED) return text(d.to?.communeCode);
  return undefined;
}

function householdOf(event: RecordedEvent): string | undefined {
  return event.streamId.startsWith('household-') ? text(dataOf(event).householdId) ?? event.streamId.slice('household-'.length) : undefined;
}

function eventDoc(event: RecordedEvent, id: string): Draft<AuditEventDoc> {
  const d = dataOf(event);
  const householdId = householdOf(event);
  const communeCode = event.streamId.startsWith('commune-') ? event.streamId.slice('commune-'.length) : movedTo(event) ?? text(d.communeCode);
  const fund = text(d.fund);
  return {
    _id: id, kind: 'event', position: event.position, streamId: event.streamId, revision: event.revision,
    actorId: event.metadata.actor.id, correlationId: event.metadata.correlationId,
    ...(householdId ? { householdId } : {}), ...(communeCode ? { communeCode } : {}), ...(fund ? { fund } : {}),
  };
}

function residence(doc: AuditResidenceDoc | null, householdId: string, communeCode: string, position: number): Draft<AuditResidenceDoc> {
  const periods = (doc?.periods ?? []).map((p) => (p.to === null ? { ...p, to: position } : p));
  const communeCodes = doc?.communeCodes.includes(communeCode) ? doc.communeCodes : [...(doc?.communeCodes ?? []), communeCode];
  return { _id: auditResidenceId(householdId), kind: 'residence', householdId, communeCodes, periods: [...periods, { communeCode, from: position, to: null }] };
}

/** Subjects of every event (commune, fund, actor, correlation) and households' residence, for the audit trail. */
export const auditIndexProjection: Projection<AuditIndexDoc> = {
  ...auditIndex,
  handles: new EveryType(),
  indexes: [{ fields: ['kind', 'communeCode'] }, { fields: ['kind', 'fund'] }, { fields: ['kind', 'actorId'] }, { fields: ['kind', 'correlationId'] }, { fields: ['kind', 'householdId'] }, { fields: ['kind', 'communeCodes'] }],
  // An event's document is the event's alone: nothing to load before writing it.
  writesWhole: (id) => id.startsWith(AUDIT_EVENT_PREFIX),
  keys: (event) => {
    const householdId = householdOf(event);
    return householdId && movedTo(event) ? [auditEventId(event.position), auditResidenceId(householdId)] : [auditEventId(event.position)];
  },
  evolve: (doc, event, id) => {
    if (id.startsWith(AUDIT_EVENT_PREFIX)) return eventDoc(event, id);
    return residence(doc?.kind === 'residence' ? doc : null, householdOf(event) as string, movedTo(event) as string, event.position);
  },
};
