import { Command } from '@nestjs/cqrs';
import { HouseholdCommand } from '@pl/domain';
import { CommandContext, WriteResult } from '../commands/command-context';

/** Any household command, dispatched on the bus with who asked and under which ids. */
export class ExecuteHouseholdCommand extends Command<WriteResult> {
  constructor(readonly command: HouseholdCommand, readonly context: CommandContext) {
    super();
  }
}
