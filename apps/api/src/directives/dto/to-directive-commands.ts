import { CommandContext, deterministicId } from '@pl/application';
import {
  AcknowledgeDirective, AmendDirective, DirectiveId, DirectiveTarget, ForwardDirective, IssueDirective, Recipient, ReportImplementation, Reporting,
  RevokeDirective, directiveId, isoDate,
} from '@pl/domain';
import { IssueDirectiveDto, RecipientDto, ReportingDto, TargetDto } from './directive.dto';
import { AcknowledgeDirectiveDto, AmendDirectiveDto, ForwardDirectiveDto, ReportImplementationDto, RevokeDirectiveDto } from './directive-life.dto';

const recipients = (list: readonly RecipientDto[]): Recipient[] => list.map((r) => ({ id: r.id, name: r.name }));
const reporting = (dto: ReportingDto): Reporting => ({ period: dto.period, dueDates: dto.dueDates.map((d) => isoDate(d, 'reporting.dueDates')) });
const targets = (list: readonly TargetDto[]): DirectiveTarget[] =>
  list.map((t) => ({
    year: t.year,
    ...(t.reducePoor !== undefined ? { reducePoor: t.reducePoor } : {}),
    ...(t.reduceNearPoor !== undefined ? { reduceNearPoor: t.reduceNearPoor } : {}),
    ...(t.smartphoneCoveragePercent !== undefined ? { smartphoneCoveragePercent: t.smartphoneCoveragePercent } : {}),
    ...(t.areaCode !== undefined ? { areaCode: t.areaCode } : {}),
  }));

/** The issuer's area is kept as its code, so later writes are checked against the area that issued it. */
export const toIssueDirective = (dto: IssueDirectiveDto, ctx: CommandContext): IssueDirective => ({
  type: 'IssueDirective',
  data: {
    // A derived id follows the command id, so a retry with the same Idempotency-Key finds the same stream.
    directiveId: directiveId(dto.directiveId ?? `d-${deterministicId(ctx.commandId, 'directive')}`),
    number: dto.number,
    kind: dto.kind,
    issuer: { code: dto.areaCode, name: dto.issuer.name },
    issuedOn: isoDate(dto.issuedOn, 'issuedOn'),
    subject: dto.subject,
    basedOn: dto.basedOn ?? [],
    recipients: recipients(dto.recipients),
    ...(dto.reporting ? { reporting: reporting(dto.reporting) } : {}),
    targets: targets(dto.targets ?? []),
  },
});

export const toForwardDirective = (dto: ForwardDirectiveDto, id: DirectiveId): ForwardDirective => ({
  type: 'ForwardDirective',
  data: {
    directiveId: id, by: { id: dto.by.id, name: dto.by.name }, to: recipients(dto.to), forwardedOn: isoDate(dto.forwardedOn, 'forwardedOn'),
    ...(dto.note !== undefined ? { note: dto.note } : {}),
  },
});

export const toAcknowledgeDirective = (dto: AcknowledgeDirectiveDto, id: DirectiveId): AcknowledgeDirective => ({
  type: 'AcknowledgeDirective',
  data: { directiveId: id, recipientId: dto.recipientId, acknowledgedOn: isoDate(dto.acknowledgedOn, 'acknowledgedOn') },
});

export const toReportImplementation = (dto: ReportImplementationDto, id: DirectiveId): ReportImplementation => ({
  type: 'ReportImplementation',
  data: { directiveId: id, recipientId: dto.recipientId, period: dto.period, reportedOn: isoDate(dto.reportedOn, 'reportedOn'), figures: { ...dto.figures } },
});

export const toAmendDirective = (dto: AmendDirectiveDto, id: DirectiveId): AmendDirective => ({
  type: 'AmendDirective',
  data: {
    directiveId: id, amendedOn: isoDate(dto.amendedOn, 'amendedOn'), byDocument: dto.byDocument,
    changes: {
      ...(dto.changes.subject !== undefined ? { subject: dto.changes.subject } : {}),
      ...(dto.changes.targets !== undefined ? { targets: targets(dto.changes.targets) } : {}),
      ...(dto.changes.reporting !== undefined ? { reporting: reporting(dto.changes.reporting) } : {}),
      ...(dto.changes.recipients !== undefined ? { recipients: recipients(dto.changes.recipients) } : {}),
    },
  },
});

export const toRevokeDirective = (dto: RevokeDirectiveDto, id: DirectiveId): RevokeDirective => ({
  type: 'RevokeDirective',
  data: { directiveId: id, revokedOn: isoDate(dto.revokedOn, 'revokedOn'), byDocument: dto.byDocument, reason: dto.reason },
});
