import { IsoDate } from '../shared/calendar';
import { assertNever } from '../shared/decider';
import { DirectiveEvent, DirectiveIssued } from './directive.events';
import { Recipient } from './directive.values';

/** One implementation report as received. */
export type ReportRecord = Readonly<{ recipientId: string; period: string; dueDate: IsoDate; reportedOn: IsoDate; late: boolean }>;

/** A document as issued, with what has been amended, forwarded, acknowledged and reported since. */
export type IssuedDirective = DirectiveIssued['data'] &
  Readonly<{
    issued: true;
    /** Bodies it was copied on to; they may acknowledge and report, but answer to the body that forwarded. */
    forwardedTo: readonly Recipient[];
    acknowledged: Readonly<Record<string, IsoDate>>;
    reports: readonly ReportRecord[];
    amendments: readonly string[];
    revoked?: Readonly<{ revokedOn: IsoDate; byDocument: string; reason: string }>;
  }>;

/** A directive as its stream tells it. */
export type DirectiveState = Readonly<{ issued: false }> | IssuedDirective;

export const initialDirectiveState = (): DirectiveState => ({ issued: false });

/** Applies one event to a directive's state. */
export function evolveDirective(state: DirectiveState, event: DirectiveEvent): DirectiveState {
  if (event.type === 'DirectiveIssued.v1') {
    return { ...event.data, issued: true, forwardedTo: [], acknowledged: {}, reports: [], amendments: [] };
  }
  if (!state.issued) return state;
  switch (event.type) {
    case 'DirectiveForwarded.v1': {
      const known = new Set([...state.recipients, ...state.forwardedTo].map((r) => r.id));
      return { ...state, forwardedTo: [...state.forwardedTo, ...event.data.to.filter((r) => !known.has(r.id))] };
    }
    case 'DirectiveAcknowledged.v1':
      return { ...state, acknowledged: { ...state.acknowledged, [event.data.recipientId]: event.data.acknowledgedOn } };
    case 'DirectiveImplementationReported.v1': {
      const { recipientId, period, dueDate, reportedOn, late } = event.data;
      return { ...state, reports: [...state.reports, { recipientId, period, dueDate, reportedOn, late }] };
    }
    case 'DirectiveAmended.v1':
      return { ...state, ...event.data.changes, amendments: [...state.amendments, event.data.byDocument] };
    case 'DirectiveRevoked.v1': {
      const { revokedOn, byDocument, reason } = event.data;
      return { ...state, revoked: { revokedOn, byDocument, reason } };
    }
    default:
      return assertNever(event, 'directive event');
  }
}

/** Whether a body may acknowledge or report: an original recipient or one it was forwarded to. */
export const isRecipient = (state: IssuedDirective, recipientId: string): boolean =>
  [...state.recipients, ...state.forwardedTo].some((r) => r.id === recipientId);
