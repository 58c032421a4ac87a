import { CommandContext, deterministicId } from '@pl/application';
import { DisburseLoan, GrantSupport, HouseholdId, MarkLoanOverdue, RecordPriorSupport, RecordRepayment, isoDate, vnd } from '@pl/domain';
import { toDecision, toException } from './decision.dto';
import { GrantSupportDto, PriorSupportDto } from './grant.dto';
import { DisburseLoanDto, OverdueDto, RepaymentDto } from './loan.dto';

// Ids left out derive from the command id, so a retry with the same Idempotency-Key names the same grant.
const idFor = (ctx: CommandContext, what: string): string => deterministicId(ctx.commandId, what);

export const toGrantSupport = (dto: GrantSupportDto, householdId: HouseholdId, ctx: CommandContext): GrantSupport => ({
  type: 'GrantSupport',
  data: {
    householdId,
    grantId: dto.grantId ?? idFor(ctx, 'grant'),
    kind: dto.kind,
    grantedOn: isoDate(dto.grantedOn, 'grantedOn'),
    fund: dto.fund,
    decision: toDecision(dto.decision),
    amount: vnd(dto.amount),
    form: dto.form,
    ...(dto.programme !== undefined ? { programme: dto.programme } : {}),
    ...(dto.meritoriousService !== undefined ? { meritoriousService: dto.meritoriousService } : {}),
    ...toException(dto.exception),
  },
});

export const toRecordPriorSupport = (dto: PriorSupportDto, householdId: HouseholdId): RecordPriorSupport => ({
  type: 'RecordPriorSupport',
  data: { householdId, kind: dto.kind, programme: dto.programme, recordedOn: isoDate(dto.recordedOn, 'recordedOn'), source: dto.source },
});

export const toDisburseLoan = (dto: DisburseLoanDto, householdId: HouseholdId, ctx: CommandContext): DisburseLoan => ({
  type: 'DisburseLoan',
  data: {
    householdId,
    loanId: dto.loanId ?? idFor(ctx, 'loan'),
    programme: dto.programme,
    ...(dto.lender !== undefined ? { lender: dto.lender } : {}),
    amount: vnd(dto.amount),
    termMonths: dto.termMonths,
    ...(dto.annualRatePercent !== undefined ? { annualRatePercent: dto.annualRatePercent } : {}),
    disbursedOn: isoDate(dto.disbursedOn, 'disbursedOn'),
    fund: dto.fund,
    decision: toDecision(dto.decision),
    ...toException(dto.exception),
  },
});

export const toRecordRepayment = (dto: RepaymentDto, householdId: HouseholdId, loanId: string): RecordRepayment => ({
  type: 'RecordRepayment',
  data: { householdId, loanId, amount: vnd(dto.amount), paidOn: isoDate(dto.paidOn, 'paidOn') },
});

export const toMarkLoanOverdue = (dto: OverdueDto, householdId: HouseholdId, loanId: string): MarkLoanOverdue => ({
  type: 'MarkLoanOverdue',
  data: { householdId, loanId, since: isoDate(dto.since, 'since') },
});
