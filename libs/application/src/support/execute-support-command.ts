import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { HouseholdStreamEvent, SupportCommand, SupportDecision, assertNever, householdStream, householdSupportDecider, isSupportEvent } from '@pl/domain';
import { EVENT_STORE, EventStore } from '@pl/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandExecutor, Decided, EventFacts } from '../commands/command-executor';
import { citableDirective } from '../directives/directive-reader';
import { householdFacts } from '../households/execute-household-command.handler';

/** The answer to a support command: the events it appended to the household's stream and where they landed. */
export type SupportWriteResult = Decided<HouseholdStreamEvent>;

/** Runs one support command on the household's own stream, so its rules read the true status history. */
export class ExecuteSupportCommand extends Command<SupportWriteResult> {
  constructor(readonly command: SupportCommand, readonly context: CommandContext) {
    super();
  }
}

const basisOf = (decision: SupportDecision) => ({
  number: decision.number, date: decision.date, issuer: decision.issuer, ...(decision.directiveId ? { directiveId: decision.directiveId } : {}),
});

/** When each support fact takes effect and which decision carries it. */
export function supportFacts(event: HouseholdStreamEvent): EventFacts {
  if (!isSupportEvent(event)) return householdFacts(event);
  switch (event.type) {
    case 'HouseholdSupportGranted.v1': return { effectiveDate: event.data.grantedOn, legalBasis: basisOf(event.data.decision) };
    case 'HouseholdLoanDisbursed.v1': return { effectiveDate: event.data.disbursedOn, legalBasis: basisOf(event.data.decision) };
    case 'HouseholdPriorSupportRecorded.v1': return { effectiveDate: event.data.recordedOn };
    case 'HouseholdLoanRepaid.v1': return { effectiveDate: event.data.paidOn };
    case 'HouseholdLoanOverdue.v1': return { effectiveDate: event.data.since };
    case 'HouseholdLoanSettled.v1': return { effectiveDate: event.data.settledOn };
    default: return assertNever(event, 'support event');
  }
}

const decisionOf = (command: SupportCommand): SupportDecision | undefined =>
  command.type === 'GrantSupport' || command.type === 'DisburseLoan' ? command.data.decision : undefined;

/**
 * The executor appends with the expected revision, so of many concurrent grants of a one-off
 * kind one is appended and the others, retried against the new state, are refused ALREADY_GRANTED.
 */
@CommandHandler(ExecuteSupportCommand)
export class ExecuteSupportCommandHandler implements ICommandHandler<ExecuteSupportCommand, SupportWriteResult> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ command, context }: ExecuteSupportCommand): Promise<SupportWriteResult> {
    const decision = decisionOf(command);
    if (decision?.directiveId) await citableDirective(this.store, decision.directiveId, decision.date);
    return this.executor.execute(householdStream(command.data.householdId), householdSupportDecider, command, context, supportFacts);
  }
}
