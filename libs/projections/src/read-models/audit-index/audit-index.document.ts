import { Document } from '@pl/read-store';

/** One stored event as the audit trail finds it by subject: its place in the log and what it is about. */
export interface AuditEventDoc extends Document {
  readonly kind: 'event';
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly actorId: string;
  readonly correlationId: string;
  /** The household whose stream it is in, if any. */
  readonly householdId?: string;
  /** A commune the event itself names (its commune stream, an address, a decision); households' other events are found through their residence. */
  readonly communeCode?: string;
  readonly fund?: string;
}

/** Where a household lived, from which log position to which (exclusive; null: still there). */
export interface ResidencePeriod {
  readonly communeCode: string;
  readonly from: number;
  readonly to: number | null;
}

/** A household's residence history, so a commune's trail holds its households' events while they lived there. */
export interface AuditResidenceDoc extends Document {
  readonly kind: 'residence';
  readonly householdId: string;
  readonly communeCodes: readonly string[];
  readonly periods: readonly ResidencePeriod[];
}

export type AuditIndexDoc = AuditEventDoc | AuditResidenceDoc;

/** What every event document's id starts with. */
export const AUDIT_EVENT_PREFIX = 'event:';
/** Ids sort in log order: positions are padded. */
export const auditEventId = (position: number): string => `${AUDIT_EVENT_PREFIX}${String(position).padStart(15, '0')}`;
export const auditResidenceId = (householdId: string): string => `residence:${householdId}`;
