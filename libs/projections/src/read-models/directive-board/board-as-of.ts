import { IsoDate, IssuedDirective, overdueReports, ReportRecord } from '@pl/domain';
import { BoardForward, DirectiveBoardDoc } from './directive-board.document';

/** One recipient's standing on the board. */
export interface BoardRecipient {
  readonly id: string;
  readonly name: string;
  /** `direct` for an addressee, else the id of the body that forwarded it. */
  readonly via: string;
  readonly acknowledgedOn: string | null;
  readonly reports: readonly ReportRecord[];
  readonly lateReports: number;
  /** Due dates passed by `asOf` with no report: only addressees owe the issuer a report. */
  readonly overdue: readonly string[];
}

/** A directive as it stood on a date. */
export interface DirectiveBoard {
  readonly directiveId: string;
  readonly number: string;
  readonly subject: string;
  readonly issuer: IssuedDirective['issuer'];
  readonly issuedOn: string;
  readonly asOf: string;
  readonly revoked: IssuedDirective['revoked'] | null;
  readonly dueDates: readonly string[];
  readonly recipients: readonly BoardRecipient[];
  readonly forwards: readonly BoardForward[];
  readonly acknowledged: readonly string[];
  readonly reportedLate: readonly string[];
  readonly overdue: readonly { readonly recipientId: string; readonly dueDate: string }[];
}

/** The board on `asOf`: only what had happened by that day counts, so a past date reads as it was then. */
export function boardAsOf(doc: DirectiveBoardDoc, asOf: IsoDate): DirectiveBoard {
  const full = doc.directive;
  const acknowledged = Object.fromEntries(Object.entries(full.acknowledged).filter(([, on]) => on <= asOf));
  const reports = full.reports.filter((r) => r.reportedOn <= asOf);
  const forwards = doc.forwards.filter((f) => f.forwardedOn <= asOf);
  const revoked = full.revoked && full.revoked.revokedOn <= asOf ? full.revoked : undefined;
  const state: IssuedDirective = { ...full, acknowledged, reports, ...(revoked ? { revoked } : { revoked: undefined }) };
  const overdue = overdueReports(state, asOf);
  const forwardedBy = new Map<string, string>();
  for (const f of forwards) for (const r of f.to) if (!forwardedBy.has(r.id)) forwardedBy.set(r.id, f.by.id);
  const direct = new Set(full.recipients.map((r) => r.id));
  const everyone = [...full.recipients, ...full.forwardedTo.filter((r) => forwardedBy.has(r.id) && !direct.has(r.id))];
  const recipients = everyone.map((r): BoardRecipient => {
    const own = reports.filter((x) => x.recipientId === r.id);
    return {
      id: r.id, name: r.name, via: direct.has(r.id) ? 'direct' : (forwardedBy.get(r.id) ?? 'direct'),
      acknowledgedOn: acknowledged[r.id] ?? null, reports: own, lateReports: own.filter((x) => x.late).length,
      overdue: overdue.filter((o) => o.recipientId === r.id).map((o) => o.dueDate),
    };
  });
  return {
    directiveId: doc.directiveId, number: full.number, subject: full.subject, issuer: full.issuer, issuedOn: full.issuedOn, asOf,
    revoked: revoked ?? null, dueDates: full.reporting?.dueDates ?? [], recipients, forwards,
    acknowledged: recipients.filter((r) => r.acknowledgedOn !== null).map((r) => r.id),
    reportedLate: recipients.filter((r) => r.lateReports > 0).map((r) => r.id),
    overdue,
  };
}
