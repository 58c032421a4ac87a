import { IsoDate } from '../shared/calendar';
import { Command } from '../shared/decider';
import { DirectiveId } from '../shared/ids';
import { DirectiveChanges } from './directive.events';
import { DirectiveKind, DirectiveTarget, Issuer, Recipient, Reporting } from './directive.values';

/** Record an official document as issued. */
export type IssueDirective = Command<
  'IssueDirective',
  {
    directiveId: DirectiveId;
    number: string;
    kind: DirectiveKind;
    issuer: Issuer;
    issuedOn: IsoDate;
    subject: string;
    basedOn: readonly string[];
    recipients: readonly Recipient[];
    reporting?: Reporting;
    targets: readonly DirectiveTarget[];
  }
>;

/** A recipient copies the document on to its own units. */
export type ForwardDirective = Command<
  'ForwardDirective',
  { directiveId: DirectiveId; by: Recipient; to: readonly Recipient[]; forwardedOn: IsoDate; note?: string }
>;

export type AcknowledgeDirective = Command<'AcknowledgeDirective', { directiveId: DirectiveId; recipientId: string; acknowledgedOn: IsoDate }>;

/** A recipient reports on implementation for one period; whether it is late is computed. */
export type ReportImplementation = Command<
  'ReportImplementation',
  { directiveId: DirectiveId; recipientId: string; period: string; reportedOn: IsoDate; figures: Readonly<Record<string, number>> }
>;

export type AmendDirective = Command<
  'AmendDirective',
  { directiveId: DirectiveId; amendedOn: IsoDate; byDocument: string; changes: DirectiveChanges }
>;

export type RevokeDirective = Command<'RevokeDirective', { directiveId: DirectiveId; revokedOn: IsoDate; byDocument: string; reason: string }>;

/** Everything that can be asked of a directive stream. */
export type DirectiveCommand = IssueDirective | ForwardDirective | AcknowledgeDirective | ReportImplementation | AmendDirective | RevokeDirective;
