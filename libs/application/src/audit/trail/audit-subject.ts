/** What an audit trail follows: exactly one subject. */
export type AuditSubjectKind = 'household' | 'commune' | 'fund' | 'directive' | 'actor' | 'correlation';

export interface AuditSubject {
  readonly kind: AuditSubjectKind;
  readonly value: string;
}

/** One event of a trail: who, when, why and what, with the thread it belongs to. */
export interface AuditTrailEntry {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly effectiveDate: string | null;
  readonly actor: { readonly id: string; readonly role: string; readonly unit: string | null };
  readonly legalBasis: { readonly number: string; readonly date: string; readonly issuer?: string; readonly directiveId?: string } | null;
  readonly correlationId: string;
  readonly causationId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A page of a trail in log order; `nextCursor` continues after its last event. */
export interface AuditTrailPage {
  readonly subject: AuditSubject;
  readonly entries: readonly AuditTrailEntry[];
  readonly nextCursor?: string;
}

/** Bounds of a trail: recorded on or after `from`, on or before `to` (dates), after `cursor` (a position). */
export interface AuditTrailRange {
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly cursor?: number;
}
