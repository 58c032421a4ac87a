import { Module } from '@nestjs/common';
import { StatusCommand } from './commands/status.command';
import { TokenCommand } from './commands/token.command';
import { ImportCommand } from './commands/import.command';
import { DemoCommand } from './commands/demo.command';
import { ProgramSetup } from './program-setup';
import { RebuildCommand } from './commands/rebuild.command';
import { ProjectionsCommand } from './commands/projections.command';
import { WhatIfCommand } from './commands/what-if.command';
import { AdminUnitsCommand, AdminUnitsRecordCommand } from './commands/admin-units.command';
import { AuditCommand } from './commands/audit.command';
import { AuditAnchorCommand } from './commands/audit-anchor.command';
import { AuditExportAnchorCommand } from './commands/audit-export-anchor.command';
import { AuditVerifyCommand } from './commands/audit-verify.command';

/** The command line's root module: one provider per command. */
@Module({ providers: [ProgramSetup, TokenCommand, StatusCommand, ImportCommand, AuditCommand, AuditAnchorCommand, AuditExportAnchorCommand, AuditVerifyCommand, WhatIfCommand, DemoCommand, RebuildCommand, ProjectionsCommand, AdminUnitsCommand, AdminUnitsRecordCommand] })
export class CliModule {}
