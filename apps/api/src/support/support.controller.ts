import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AccessPolicy, CommandContext, ExecuteSupportCommand, GetHouseholdCommune, Principal, SupportWriteResult } from '@pl/application';
import { HouseholdStreamEvent, SupportCommand, householdId as toHouseholdId } from '@pl/domain';
import { Caller, Requires } from '../auth/auth.decorators';
import { Ctx } from '../http/command-context.decorator';
import { GrantSupportDto, GrantWrittenDto, PriorSupportDto } from './dto/grant.dto';
import { DisburseLoanDto, LoanDisbursedDto, OverdueDto, OverdueWrittenDto, RepaymentDto, RepaymentWrittenDto } from './dto/loan.dto';
import { HouseholdWrittenDto } from '../households/dto/write-result.dto';
import {
  toDisburseLoan, toGrantSupport, toMarkLoanOverdue, toRecordPriorSupport, toRecordRepayment,
} from './dto/to-support-commands';

/** Support given to a household: grants, support from earlier programmes, preferential loans. */
@ApiTags('support')
@Controller('api/v1/households/:householdId')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry-safe writes: the same key and body answer as the first time' })
@ApiBadRequestResponse({ description: 'malformed body, or a kind, fund or form the support table does not know' })
@ApiNotFoundResponse({ description: 'no such household, or no such loan' })
@ApiUnprocessableEntityResponse({ description: 'a rule refused it (ALREADY_GRANTED, NOT_ELIGIBLE_ON_GRANT_DATE, DIRECTIVE_REVOKED, DIRECTIVE_NOT_FOUND, ...)' })
export class SupportController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  @Post('grants')
  @HttpCode(201)
  @Requires('support:write')
  @ApiCreatedResponse({ type: GrantWrittenDto })
  async grant(@Param('householdId') id: string, @Body() dto: GrantSupportDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<GrantWrittenDto> {
    const result = await this.write(toGrantSupport(dto, toHouseholdId(id), ctx), caller, ctx);
    const granted = only(result, 'HouseholdSupportGranted.v1');
    const overrides = granted.data.exception?.overrides ?? [];
    return { ...written(id, result), grantId: granted.data.grantId, priorityGroup: granted.data.priorityGroup, exceptionRecorded: overrides.length > 0, overrides };
  }

  @Post('prior-support')
  @HttpCode(201)
  @Requires('support:write')
  @ApiCreatedResponse({ type: HouseholdWrittenDto })
  async priorSupport(@Param('householdId') id: string, @Body() dto: PriorSupportDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<HouseholdWrittenDto> {
    return written(id, await this.write(toRecordPriorSupport(dto, toHouseholdId(id)), caller, ctx));
  }

  @Post('loans')
  @HttpCode(201)
  @Requires('support:write')
  @ApiCreatedResponse({ type: LoanDisbursedDto })
  async disburse(@Param('householdId') id: string, @Body() dto: DisburseLoanDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<LoanDisbursedDto> {
    const result = await this.write(toDisburseLoan(dto, toHouseholdId(id), ctx), caller, ctx);
    const { loanId, annualRatePercent, borrowerCategory, exception } = only(result, 'HouseholdLoanDisbursed.v1').data;
    return { ...written(id, result), loanId, annualRatePercent, borrowerCategory, exceptionRecorded: (exception?.overrides.length ?? 0) > 0 };
  }

  @Post('loans/:loanId/repayments')
  @HttpCode(201)
  @Requires('support:write')
  @ApiCreatedResponse({ type: RepaymentWrittenDto })
  async repay(
    @Param('householdId') id: string, @Param('loanId') loanId: string, @Body() dto: RepaymentDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext,
  ): Promise<RepaymentWrittenDto> {
    const result = await this.write(toRecordRepayment(dto, toHouseholdId(id), loanId), caller, ctx);
    const repaid = only(result, 'HouseholdLoanRepaid.v1');
    const settled = result.events.some((e) => e.type === 'HouseholdLoanSettled.v1');
    return { ...written(id, result), loanId, balanceAfter: repaid.data.balanceAfter, settled };
  }

  @Post('loans/:loanId/overdue')
  @HttpCode(201)
  @Requires('support:write')
  @ApiCreatedResponse({ type: OverdueWrittenDto })
  async overdue(
    @Param('householdId') id: string, @Param('loanId') loanId: string, @Body() dto: OverdueDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext,
  ): Promise<OverdueWrittenDto> {
    const result = await this.write(toMarkLoanOverdue(dto, toHouseholdId(id), loanId), caller, ctx);
    return { ...written(id, result), loanId, overdueRatePercent: only(result, 'HouseholdLoanOverdue.v1').data.overdueRatePercent };
  }

  /** The area is the household's commune now, read from its stream. */
  private async write(command: SupportCommand, caller: Principal, ctx: CommandContext): Promise<SupportWriteResult> {
    const communeCode = await this.queries.execute(new GetHouseholdCommune(command.data.householdId));
    this.access.authorize(caller, 'support:write', { communeCode });
    return this.commands.execute(new ExecuteSupportCommand(command, ctx));
  }
}

const written = (householdId: string, result: SupportWriteResult): HouseholdWrittenDto => ({ householdId, revision: result.revision, position: result.position });

/** The event of `type` a command produced; a retried command answers from the events it finds. */
function only<T extends HouseholdStreamEvent['type']>(result: SupportWriteResult, type: T): Extract<HouseholdStreamEvent, { type: T }> {
  const event = result.events.find((e): e is Extract<HouseholdStreamEvent, { type: T }> => e.type === type);
  if (!event) throw new Error(`the command produced no ${type}`);
  return event;
}
