import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { REBUILD_BATCH } from '@pl/projections';

const MASTER_KEY_BYTES = 32;

/** Everything the product reads from its environment, validated once at start. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** The administrative-unit catalogue (units with validity dates, reorganisations). */
  readonly adminUnitsFile: string;
  readonly eventStore:
    | { readonly kind: 'sqlite'; readonly file: string; readonly synchronous: 'full' | 'normal' }
    | { readonly kind: 'kurrentdb'; readonly connectionString: string };
  readonly readStore:
    | { readonly kind: 'memory' }
    | { readonly kind: 'mongodb'; readonly url: string; readonly database: string; readonly tls: MongoTlsConfig };
  /** When false another process (the projector) keeps the read models and this one only reads them. */
  readonly projectionsInProcess: boolean;
  /** `production` makes secrets that the embedded setup creates by itself mandatory. */
  readonly mode: 'production' | 'development';
  readonly personalData: {
    /** Wraps every household key (base64, 32 bytes); from the data folder when absent outside production. */
    readonly masterKeyBase64?: string;
    /** Keys citizen-ID hashes (base64, 32 bytes); every API instance needs the same one. */
    readonly citizenIdHashSecretBase64?: string;
  };
  readonly auth:
    | { readonly mode: 'local' }
    | { readonly mode: 'oidc'; readonly jwksUrl: string; readonly issuer: string; readonly audience: string };
  readonly http: {
    readonly bodyLimitBytes: number;
    readonly corsOrigins: readonly string[];
    readonly rateLimitPerMinute: number;
    /** Whether X-Forwarded-For names the client: only behind a proxy that sets it, or anyone could pick their address. */
    readonly trustProxy: boolean;
  };
  /** How long a read with `minPosition` waits for the read models before answering 503. */
  readonly minPositionWaitMs: number;
  /** The API anchors the log's running hash every this many events (0: never). */
  readonly anchorEvery: number;
  /** Events a blue/green rebuild reads, applies and checkpoints at a time: what a crash can cost it. */
  readonly rebuildBatchSize: number;
  readonly logLevel: 'error' | 'warn' | 'log' | 'debug';
}

/** TLS towards MongoDB; the connection string may also carry `tls=true` and friends. */
export interface MongoTlsConfig {
  readonly enabled: boolean;
  readonly caFile?: string;
  readonly certificateKeyFile?: string;
  readonly allowInvalidHostnames: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and checks the configuration; every problem is reported at once. */
export function loadConfig(env: Env, cwd: string): AppConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) { problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`); return fallback; }
    return n;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!(allowed as readonly string[]).includes(raw)) { problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`); return fallback; }
    return raw as T;
  };
  const required = (name: string, when: string): string => {
    const raw = env[name];
    if (!raw) { problems.push(`${name} is required when ${when}`); return ''; }
    return raw;
  };

  const dataDirRaw = env.DATA_DIR || './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  const eventStoreKind = oneOf('EVENT_STORE', ['sqlite', 'kurrentdb'] as const, 'sqlite');
  const readStoreKind = oneOf('READ_STORE', ['memory', 'mongodb'] as const, 'memory');
  const authMode = oneOf('AUTH_MODE', ['local', 'oidc'] as const, 'local');

  const bool = (name: string, fallback: boolean): boolean => oneOf(name, ['true', 'false'] as const, fallback ? 'true' : 'false') === 'true';
  const file = (name: string): string | undefined => {
    const raw = env[name];
    if (!raw) return undefined;
    const path = resolve(cwd, raw);
    if (!existsSync(path)) problems.push(`${name} names a file that does not exist: ${path}`);
    return path;
  };
  const mode = oneOf('NODE_ENV', ['production', 'development', 'test'] as const, 'development') === 'production' ? 'production' : 'development';
  const masterKeyBase64 = env.PERSONAL_DATA_MASTER_KEY || undefined;
  if (masterKeyBase64 !== undefined && Buffer.from(masterKeyBase64, 'base64').length !== MASTER_KEY_BYTES) {
    problems.push(`PERSONAL_DATA_MASTER_KEY must be ${MASTER_KEY_BYTES} bytes in base64 (e.g. \`openssl rand -base64 32\`)`);
  }
  const hashSecretBase64 = env.CITIZEN_ID_HASH_SECRET || undefined;
  if (hashSecretBase64 !== undefined && Buffer.from(hashSecretBase64, 'base64').length !== MASTER_KEY_BYTES) {
    problems.push(`CITIZEN_ID_HASH_SECRET must be ${MASTER_KEY_BYTES} bytes in base64`);
  }
  if (readStoreKind === 'mongodb' && mode === 'production') {
    // Several instances share one read store: secrets made per data folder would differ between them.
    if (masterKeyBase64 === undefined) problems.push('PERSONAL_DATA_MASTER_KEY is required when READ_STORE=mongodb and NODE_ENV=production (keep it in a secrets manager, never in the database)');
    if (hashSecretBase64 === undefined) problems.push('CITIZEN_ID_HASH_SECRET is required when READ_STORE=mongodb and NODE_ENV=production (the same value on every instance)');
  }

  const config: AppConfig = {
    port: int('PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir,
    adminUnitsFile: resolve(cwd, env.ADMIN_UNITS_FILE || 'resources/admin-units/catalogue.json'),
    eventStore: eventStoreKind === 'sqlite'
      ? { kind: 'sqlite', file: resolve(dataDir, 'events.sqlite'), synchronous: oneOf('SQLITE_SYNCHRONOUS', ['full', 'normal'] as const, 'full') }
      : { kind: 'kurrentdb', connectionString: required('KURRENTDB_URL', 'EVENT_STORE=kurrentdb') },
    readStore: readStoreKind === 'memory'
      ? { kind: 'memory' }
      : {
          kind: 'mongodb',
          url: required('MONGODB_URL', 'READ_STORE=mongodb'),
          database: env.MONGODB_DATABASE || 'poverty_ledger',
          tls: {
            enabled: bool('MONGODB_TLS', false) || Boolean(env.MONGODB_TLS_CA_FILE),
            caFile: file('MONGODB_TLS_CA_FILE'),
            certificateKeyFile: file('MONGODB_TLS_CERT_KEY_FILE'),
            allowInvalidHostnames: bool('MONGODB_TLS_ALLOW_INVALID_HOSTNAMES', false),
          },
        },
    projectionsInProcess: bool('PROJECTIONS_IN_PROCESS', true),
    mode,
    personalData: { masterKeyBase64, citizenIdHashSecretBase64: hashSecretBase64 },
    auth: authMode === 'local'
      ? { mode: 'local' }
      : {
          mode: 'oidc',
          jwksUrl: required('OIDC_JWKS_URL', 'AUTH_MODE=oidc'),
          issuer: required('OIDC_ISSUER', 'AUTH_MODE=oidc'),
          audience: required('OIDC_AUDIENCE', 'AUTH_MODE=oidc'),
        },
    http: {
      bodyLimitBytes: int('BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
      corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 6000, 1, 10_000_000),
      trustProxy: oneOf('TRUST_PROXY', ['true', 'false'] as const, 'false') === 'true',
    },
    minPositionWaitMs: int('MIN_POSITION_WAIT_MS', 5000, 0, 60_000),
    anchorEvery: int('ANCHOR_EVERY', 10_000, 0, 100_000_000),
    rebuildBatchSize: int('REBUILD_BATCH_SIZE', REBUILD_BATCH, 100, 100_000),
    logLevel: oneOf('LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log'),
  };
  if (config.readStore.kind === 'mongodb' && config.readStore.url && !/^mongodb(\+srv)?:\/\//.test(config.readStore.url)) {
    problems.push(`MONGODB_URL must start with mongodb:// or mongodb+srv://, got "${config.readStore.url}"`);
  }
  if (!config.projectionsInProcess && readStoreKind === 'memory') {
    problems.push('PROJECTIONS_IN_PROCESS=false needs a shared read store (READ_STORE=mongodb): an in-memory read store is private to its process');
  }
  if (eventStoreKind === 'kurrentdb' && config.eventStore.kind === 'kurrentdb' && config.eventStore.connectionString && !/^(kurrentdb|esdb|kdb)(\+discover)?:\/\//.test(config.eventStore.connectionString)) {
    problems.push(`KURRENTDB_URL must start with kurrentdb://, kurrentdb+discover://, esdb:// or kdb://, got "${config.eventStore.connectionString}"`);
  }
  if (config.auth.mode === 'oidc') {
    try { new URL(config.auth.jwksUrl); } catch { problems.push(`OIDC_JWKS_URL must be a URL, got "${config.auth.jwksUrl}"`); }
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

export const APP_CONFIG = Symbol('AppConfig');
