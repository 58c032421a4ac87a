import { Command } from '@nestjs/cqrs';
import { HouseholdCommand, HouseholdEvent } from '@pl/domain';
import { CommandContext, WriteResult } from '../commands/command-context';

/** A household write's answer, with the events it decided (or found, on a replay) so the edge can report what they say. */
export interface HouseholdWriteResult extends WriteResult {
  readonly events: readonly HouseholdEvent[];
}

/** Any household command, dispatched on the bus with who asked and under which ids. */
export class ExecuteHouseholdCommand extends Command<HouseholdWriteResult> {
  constructor(readonly command: HouseholdCommand, readonly context: CommandContext) {
    super();
  }
}
