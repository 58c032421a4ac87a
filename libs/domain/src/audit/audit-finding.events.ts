import { Event, assertNever } from '../shared/decider';
import { ExplanationBasis } from './audit-finding.commands';

/** Stored event type names of an audit finding's stream: explicit and versioned. */
export const AuditFindingEventType = {
  Acknowledged: 'AuditFindingAcknowledged.v1',
  Explained: 'AuditFindingExplained.v1',
} as const;

export type AuditFindingAcknowledged = Event<'AuditFindingAcknowledged.v1', { findingId: string; note: string }>;

export type AuditFindingExplained = Event<'AuditFindingExplained.v1', { findingId: string; explanation: string; legalBasis?: ExplanationBasis }>;

/** Everything an auditor recorded about one finding. */
export type AuditFindingEvent = AuditFindingAcknowledged | AuditFindingExplained;

/** What the stream of one finding says so far. */
export type AuditFindingState = Readonly<{ acknowledged: boolean; explained: boolean }>;

export const initialAuditFindingState = (): AuditFindingState => ({ acknowledged: false, explained: false });

export function evolveAuditFinding(state: AuditFindingState, event: AuditFindingEvent): AuditFindingState {
  switch (event.type) {
    case 'AuditFindingAcknowledged.v1':
      return { ...state, acknowledged: true };
    case 'AuditFindingExplained.v1':
      return { ...state, explained: true };
    default:
      return assertNever(event, 'audit finding event');
  }
}

const TYPES: readonly string[] = Object.values(AuditFindingEventType);

/** True for an event read back from an audit finding's stream. */
export const isAuditFindingEvent = (event: { type: string }): event is AuditFindingEvent => TYPES.includes(event.type);
