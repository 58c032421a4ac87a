import { Module } from '@nestjs/common';
import { StatusCommand } from './commands/status.command';
import { TokenCommand } from './commands/token.command';
import { ImportCommand } from './commands/import.command';
import { ProgramSetup } from './program-setup';

/** The command line's root module: one provider per command. */
@Module({ providers: [ProgramSetup, TokenCommand, StatusCommand, ImportCommand] })
export class CliModule {}
