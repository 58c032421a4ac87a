import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { ConfigError } from '@pl/application';

/** What only the projector reads from its environment, beside the shared AppConfig. */
export interface ProjectorConfig {
  readonly healthPort: number;
  readonly healthHost: string;
  /** Instances of one group share one lease: one of them is active. */
  readonly group: string;
  readonly owner: string;
  readonly leaseTtlMs: number;
  readonly renewMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and checks the projector's settings; every problem is reported at once. */
export function loadProjectorConfig(env: Env): ProjectorConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) { problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`); return fallback; }
    return n;
  };
  const config: ProjectorConfig = {
    healthPort: int('PROJECTOR_HEALTH_PORT', 3001, 0, 65535),
    healthHost: env.PROJECTOR_HEALTH_HOST || '0.0.0.0',
    group: env.PROJECTOR_GROUP || 'projections',
    // Host name for operators, pid and a random suffix so a restarted process is a new owner.
    owner: env.PROJECTOR_OWNER || `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    leaseTtlMs: int('PROJECTOR_LEASE_TTL_MS', 10_000, 1_000, 600_000),
    renewMs: int('PROJECTOR_LEASE_RENEW_MS', 3_000, 100, 300_000),
  };
  if (config.renewMs * 2 > config.leaseTtlMs) problems.push(`PROJECTOR_LEASE_RENEW_MS (${config.renewMs}) must be at most half of PROJECTOR_LEASE_TTL_MS (${config.leaseTtlMs}), so one missed renewal does not lose the lease`);
  if (problems.length) throw new ConfigError(problems);
  return config;
}
