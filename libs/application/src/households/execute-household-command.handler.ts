import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { HouseholdEvent, HouseholdEventType, assertNever, householdDecider, householdStream } from '@pl/domain';
import { CommandExecutor, EventFacts } from '../commands/command-executor';
import { ExecuteHouseholdCommand, HouseholdWriteResult } from './household-commands';

/** When each household fact takes effect and which decision it rests on, for the event's metadata. */
export function householdFacts(event: HouseholdEvent): EventFacts {
  switch (event.type) {
    case HouseholdEventType.Registered: return { effectiveDate: event.data.registeredOn };
    case HouseholdEventType.Assessed: return { effectiveDate: event.data.assessedOn };
    case HouseholdEventType.Recognised:
      return { effectiveDate: event.data.decision.date, legalBasis: { number: event.data.decision.number, date: event.data.decision.date, issuer: event.data.decision.issuer } };
    case HouseholdEventType.MembersChanged: return { effectiveDate: event.data.changedOn };
    case HouseholdEventType.Relocated: return { effectiveDate: event.data.movedOn };
    case HouseholdEventType.Dissolved: return { effectiveDate: event.data.dissolvedOn };
    case HouseholdEventType.CausesRecorded: return { effectiveDate: event.data.recordedOn };
    case HouseholdEventType.PersonalDataErased: return { effectiveDate: event.data.erasedOn, legalBasis: event.data.legalBasis };
  }
}

@CommandHandler(ExecuteHouseholdCommand)
export class ExecuteHouseholdCommandHandler implements ICommandHandler<ExecuteHouseholdCommand, HouseholdWriteResult> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute({ command, context }: ExecuteHouseholdCommand): Promise<HouseholdWriteResult> {
    const streamId = householdStream(command.data.householdId);
    return this.executor.execute(streamId, householdDecider, command, context, householdFacts);
  }
}
