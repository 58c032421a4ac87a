import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { closeStores, loadConfig, openStores } from '@pl/application';
import { LogAnchored, VerificationReport, VerifyOptions, isLogAnchored, storedForm, verifyEventStore, verifySqliteLog } from '@pl/event-store';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { UsageError } from '../cli-errors';

/** Exit code when the log verified but is not what was written: scripts tell it from a failure (1). */
export const EXIT_TAMPERING_FOUND = 4;

interface VerifyCommandOptions {
  readonly stream?: string;
  readonly anchor?: string;
  readonly file?: string;
  readonly json?: boolean;
}

/**
 * Recomputes every hash of the log (or of one stream) and the log hash at every anchor.
 * Exit 0: intact; 4: tampering found, the first break printed; 1: the log could not be read.
 */
@SubCommand({ name: 'verify', description: 'Verify the hash chains and anchors of the log or a copy of it (exit 0 intact, 4 tampering found, 1 error)' })
export class AuditVerifyCommand extends CommandRunner {
  async run(args: string[], options: VerifyCommandOptions): Promise<void> {
    if (args.length > 0) throw new UsageError(`audit verify takes no arguments, got "${args.join(' ')}"`);
    if (options.file && !existsSync(options.file)) throw new UsageError(`no such file: ${options.file}`);
    const verify: VerifyOptions = { streamId: options.stream, anchor: options.anchor ? await readAnchor(options.anchor) : undefined };
    const report = await run(options.file, verify);
    process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : describe(report, options));
    // main() decides exit codes for errors; a verified break is an answer, not an error.
    if (!report.ok) process.once('exit', () => { process.exitCode = EXIT_TAMPERING_FOUND; });
  }

  @Option({ flags: '--stream <id>', description: 'verify one stream only (anchors need the whole log and are skipped)' })
  parseStream(value: string): string {
    return value;
  }

  @Option({ flags: '--anchor <file>', description: 'an anchor exported earlier (audit export-anchor) to check the log against as well' })
  parseAnchor(value: string): string {
    return value;
  }

  @Option({ flags: '--file <events.sqlite>', description: 'verify a copy of the SQLite log instead of the configured one' })
  parseFile(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the report as one JSON object' })
  parseJson(): boolean {
    return true;
  }
}

async function run(file: string | undefined, options: VerifyOptions): Promise<VerificationReport> {
  if (file) return verifySqliteLog(file, options);
  const config = loadConfig(process.env, process.cwd());
  if (config.eventStore.kind === 'sqlite') {
    if (!existsSync(config.eventStore.file)) throw new UsageError(`no event log at ${config.eventStore.file}`);
    return verifySqliteLog(config.eventStore.file, options);
  }
  const stores = await openStores(config);
  try {
    // Hashes cover events as stored: verify beneath the upcasting layer.
    return await verifyEventStore(storedForm(stores.events), options);
  } finally {
    await closeStores(stores);
  }
}

async function readAnchor(path: string): Promise<LogAnchored> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => { throw new UsageError(`cannot read ${path}: ${error.code ?? error.message}`); });
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { throw new UsageError(`${path} is not JSON`); }
  if (!isLogAnchored(parsed)) throw new UsageError(`${path} is not an exported anchor (position, logHash, eventCount, anchoredAt)`);
  return parsed;
}

function describe(report: VerificationReport, options: VerifyCommandOptions): string {
  const scope = options.stream ? `stream ${options.stream}` : 'log';
  const rate = report.seconds > 0 ? Math.round(report.events / report.seconds).toLocaleString('en-US') : '-';
  const counts = `${report.events} events in ${report.streams} streams, ${report.anchorsChecked} anchors checked, ${report.seconds.toFixed(2)} s (${rate} events/s)`;
  if (report.ok) return `OK: ${scope} intact: ${counts}${report.logHash !== undefined ? `; log hash through position ${report.lastPosition}: ${report.logHash || '(empty)'}` : ''}\n`;
  const f = report.finding!;
  const event = f.eventId ? `event ${f.eventId}` : 'no event';
  return `TAMPERING FOUND: ${f.kind} at position ${f.position}, stream ${f.streamId || '-'} revision ${f.revision}, ${event}\n  ${f.message}\n  checked before the break: ${counts}\n`;
}
