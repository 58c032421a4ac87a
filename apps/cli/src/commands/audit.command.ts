import { Command, CommandRunner } from 'nest-commander';
import { UsageError } from '../cli-errors';
import { AuditAnchorCommand } from './audit-anchor.command';
import { AuditExportAnchorCommand } from './audit-export-anchor.command';
import { AuditVerifyCommand } from './audit-verify.command';

/** Tamper evidence for auditors: anchor the log, export an anchor, verify the log or a copy of it. */
@Command({
  name: 'audit',
  description: 'Tamper evidence: anchor, export-anchor, verify (exit 0 intact, 4 tampering found, 1 error, 2 bad usage)',
  subCommands: [AuditAnchorCommand, AuditExportAnchorCommand, AuditVerifyCommand],
})
export class AuditCommand extends CommandRunner {
  async run(args: string[]): Promise<void> {
    throw new UsageError(args.length ? `unknown audit command "${args[0]}"; expected anchor, export-anchor or verify` : 'audit needs a command: anchor, export-anchor or verify');
  }
}
