import { IsoDate } from '../shared/calendar';
import { Event } from '../shared/decider';
import { DirectiveId } from '../shared/ids';
import { DirectiveKind, DirectiveTarget, Issuer, Recipient, Reporting } from './directive.values';

/** Stored event type names of a directive stream: explicit and versioned. */
export const DirectiveEventType = {
  Issued: 'DirectiveIssued.v1',
  Forwarded: 'DirectiveForwarded.v1',
  Acknowledged: 'DirectiveAcknowledged.v1',
  ImplementationReported: 'DirectiveImplementationReported.v1',
  Amended: 'DirectiveAmended.v1',
  Revoked: 'DirectiveRevoked.v1',
} as const;

/** The stream that holds one official document's life. */
export const directiveStream = (id: DirectiveId | string): string => `directive-${id}`;

export type DirectiveIssued = Event<
  'DirectiveIssued.v1',
  {
    directiveId: DirectiveId;
    number: string;
    kind: DirectiveKind;
    issuer: Issuer;
    issuedOn: IsoDate;
    /** Trích yếu, "V/v ...". */
    subject: string;
    /** Căn cứ: the numbers of the documents it rests on. */
    basedOn: readonly string[];
    recipients: readonly Recipient[];
    reporting?: Reporting;
    targets: readonly DirectiveTarget[];
  }
>;

/** Sao gửi: a recipient copies the document on to its own units. */
export type DirectiveForwarded = Event<
  'DirectiveForwarded.v1',
  { directiveId: DirectiveId; by: Recipient; to: readonly Recipient[]; forwardedOn: IsoDate; note?: string }
>;

export type DirectiveAcknowledged = Event<'DirectiveAcknowledged.v1', { directiveId: DirectiveId; recipientId: string; acknowledgedOn: IsoDate }>;

export type DirectiveImplementationReported = Event<
  'DirectiveImplementationReported.v1',
  {
    directiveId: DirectiveId;
    recipientId: string;
    period: string;
    reportedOn: IsoDate;
    dueDate: IsoDate;
    figures: Readonly<Record<string, number>>;
    late: boolean;
  }
>;

/** What an amendment may replace; whatever it leaves out stays as it was. */
export type DirectiveChanges = Readonly<{
  subject?: string;
  targets?: readonly DirectiveTarget[];
  reporting?: Reporting;
  recipients?: readonly Recipient[];
}>;

export type DirectiveAmended = Event<
  'DirectiveAmended.v1',
  { directiveId: DirectiveId; amendedOn: IsoDate; byDocument: string; changes: DirectiveChanges }
>;

export type DirectiveRevoked = Event<'DirectiveRevoked.v1', { directiveId: DirectiveId; revokedOn: IsoDate; byDocument: string; reason: string }>;

/** Everything that can happen to a directive. */
export type DirectiveEvent =
  DirectiveIssued | DirectiveForwarded | DirectiveAcknowledged | DirectiveImplementationReported | DirectiveAmended | DirectiveRevoked;

const TYPES: readonly string[] = Object.values(DirectiveEventType);

export const isDirectiveEvent = (event: { type: string }): event is DirectiveEvent => TYPES.includes(event.type);
