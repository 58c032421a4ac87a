import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommuneCommand, CommuneEvent, assertNever, communeDecider, communeStream } from '@pl/domain';
import { EVENT_STORE, EventStore } from '@pl/event-store';
import { CommandContext } from '../commands/command-context';
import { CommandExecutor, Decided, EventFacts } from '../commands/command-executor';
import { citableDirective } from '../directives/directive-reader';

/** The answer to a commune command: the events it appended and where they landed. */
export type CommuneWriteResult = Decided<CommuneEvent>;

/** Runs one command on a commune's stream (`commune-<code>`): area-level support and household counts. */
export class ExecuteCommuneCommand extends Command<CommuneWriteResult> {
  constructor(readonly command: CommuneCommand, readonly context: CommandContext) {
    super();
  }
}

/** When each commune fact takes effect and which decision carries it. */
export function communeFacts(event: CommuneEvent): EventFacts {
  switch (event.type) {
    case 'CommuneRadioUpgraded.v1': {
      const { decision, completedOn } = event.data;
      const legalBasis = { number: decision.number, date: decision.date, issuer: decision.issuer, ...(decision.directiveId ? { directiveId: decision.directiveId } : {}) };
      return { effectiveDate: completedOn, legalBasis };
    }
    case 'CommuneTrainingHeld.v1': return { effectiveDate: event.data.heldOn };
    case 'CommuneHouseholdCountRecorded.v1': return { effectiveDate: event.data.recordedOn };
    default: return assertNever(event, 'commune event');
  }
}

@CommandHandler(ExecuteCommuneCommand)
export class ExecuteCommuneCommandHandler implements ICommandHandler<ExecuteCommuneCommand, CommuneWriteResult> {
  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ command, context }: ExecuteCommuneCommand): Promise<CommuneWriteResult> {
    if (command.type === 'RecordRadioUpgrade' && command.data.decision.directiveId) {
      await citableDirective(this.store, command.data.decision.directiveId, command.data.decision.date);
    }
    return this.executor.execute(communeStream(command.data.communeCode), communeDecider, command, context, communeFacts);
  }
}
