import { isArea, isRole, loadConfig, LocalKeyTokenService, ROLES } from '@pl/application';
import { userInfo } from 'node:os';
import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { UsageError } from '../cli-errors';

const DEFAULT_TTL_SECONDS = 3600;
const MAX_TTL_SECONDS = 30 * 24 * 3600;

interface TokenOptions {
  readonly role?: string;
  readonly areas?: readonly string[];
  readonly subject?: string;
  readonly ttl: number;
}

/** Mints a bearer token signed with the local key in the data folder (the embedded default). */
@Command({ name: 'token', description: 'Mint a bearer token for the API (local signing key; prints only the token)' })
export class TokenCommand extends CommandRunner {
  async run(args: string[], options: TokenOptions): Promise<void> {
    if (args.length > 0) throw new UsageError(`token takes no arguments, got "${args.join(' ')}"`);
    const { role, areas = [], ttl } = options;
    if (!isRole(role)) throw new UsageError(`unknown role "${role}"; expected one of ${ROLES.join(', ')}`);
    if (areas.length === 0) throw new UsageError('at least one --area is required');
    const badAreas = areas.filter((a) => !isArea(a));
    if (badAreas.length > 0) throw new UsageError(`invalid area ${badAreas.map((a) => `"${a}"`).join(', ')}; expected a 5-digit commune code, a 2-digit province code or "*"`);
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS) throw new UsageError(`--ttl must be a whole number of seconds from 1 to ${MAX_TTL_SECONDS}`);
    const subject = options.subject ?? defaultSubject();
    if (subject.trim() === '') throw new UsageError('--subject must not be empty');

    const config = loadConfig(process.env, process.cwd());
    // The API would refuse a locally signed token when an identity provider is configured.
    if (config.auth.mode !== 'local') throw new UsageError('AUTH_MODE is oidc: tokens come from the identity provider, not from this command');
    const tokens = await LocalKeyTokenService.open({ dataDir: config.dataDir });
    const token = await tokens.mint({ subject, role, areas: [...new Set(areas)], ttlSeconds: ttl });
    process.stdout.write(`${token}\n`);
  }

  @Option({ flags: '--role <role>', description: `role granted: ${ROLES.join(', ')}`, required: true })
  parseRole(value: string): string {
    return value;
  }

  @Option({ flags: '--area <code>', name: 'areas', description: 'area the token covers; repeat for several', required: true })
  parseArea(value: string, previous: readonly string[] | undefined): readonly string[] {
    // Repeated flags accumulate instead of the last one winning.
    return [...(previous ?? []), value];
  }

  @Option({ flags: '--subject <name>', description: 'who the token identifies (default: the current system user)' })
  parseSubject(value: string): string {
    return value;
  }

  @Option({ flags: '--ttl <seconds>', description: 'validity in seconds, at most 30 days', defaultValue: DEFAULT_TTL_SECONDS })
  parseTtl(value: string): number {
    // Non-numbers become NaN and are refused in run() with the usage message.
    return value.trim() === '' ? Number.NaN : Number(value);
  }

  @Help('after')
  describeRolesAndAreas(): string {
    return `
Roles: ${ROLES.join(', ')}.
Areas: a 5-digit commune code (e.g. 07906), a 2-digit province code (e.g. 25, covering
all its communes) or "*" for the whole country. Repeat --area for several.

The signing key lives in <DATA_DIR>/keys (created on first use); the API started with the
same DATA_DIR and AUTH_MODE=local accepts the token.

Example: TOKEN=$(npm run --silent cli -- token --role commune-officer --area 07906)`;
  }
}

/** The person running the command, so minted tokens are attributable by default. */
function defaultSubject(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    // Containers may run as a user without a passwd entry.
    return 'cli';
  }
}
