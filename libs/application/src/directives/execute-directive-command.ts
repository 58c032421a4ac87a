import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DirectiveCommand, DirectiveEvent, assertNever, directiveDecider, directiveStream } from '@pl/domain';
import { CommandContext } from '../commands/command-context';
import { CommandExecutor, Decided, EventFacts } from '../commands/command-executor';

/** The answer to a directive command: the events it appended and where they landed. */
export type DirectiveWriteResult = Decided<DirectiveEvent>;

/** Runs one command on a directive's stream (`directive-<id>`). */
export class ExecuteDirectiveCommand extends Command<DirectiveWriteResult> {
  constructor(readonly command: DirectiveCommand, readonly context: CommandContext) {
    super();
  }
}

/** When each directive fact takes effect and which document carries it. */
export function directiveFacts(event: DirectiveEvent): EventFacts {
  switch (event.type) {
    case 'DirectiveIssued.v1':
      return { effectiveDate: event.data.issuedOn, legalBasis: { number: event.data.number, date: event.data.issuedOn, issuer: event.data.issuer.name } };
    case 'DirectiveForwarded.v1': return { effectiveDate: event.data.forwardedOn };
    case 'DirectiveAcknowledged.v1': return { effectiveDate: event.data.acknowledgedOn };
    case 'DirectiveImplementationReported.v1': return { effectiveDate: event.data.reportedOn };
    case 'DirectiveAmended.v1': return { effectiveDate: event.data.amendedOn, legalBasis: { number: event.data.byDocument, date: event.data.amendedOn } };
    case 'DirectiveRevoked.v1': return { effectiveDate: event.data.revokedOn, legalBasis: { number: event.data.byDocument, date: event.data.revokedOn } };
    default: return assertNever(event, 'directive event');
  }
}

@CommandHandler(ExecuteDirectiveCommand)
export class ExecuteDirectiveCommandHandler implements ICommandHandler<ExecuteDirectiveCommand, DirectiveWriteResult> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  execute({ command, context }: ExecuteDirectiveCommand): Promise<DirectiveWriteResult> {
    return this.executor.execute(directiveStream(command.data.directiveId), directiveDecider, command, context, directiveFacts);
  }
}
