import { invalid } from '@pl/domain';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, JWK, jwtVerify, SignJWT } from 'jose';
import { join } from 'node:path';
import { readOrCreatePrivateFile } from '../files/private-file';
import { isArea, isRole, Principal } from '../principal';
import { principalFromClaims } from './claims';
import { tokenErrorFrom } from './jose-errors';
import { TokenVerifier, tokenFrom } from './token-verifier';

/** Issuer and audience of locally minted tokens. */
export const LOCAL_ISSUER = 'poverty-ledger-local';
export const LOCAL_AUDIENCE = 'poverty-ledger';
const ALG = 'ES256';
const CLOCK_TOLERANCE_SECONDS = 60;
const MAX_TTL_SECONDS = 30 * 24 * 3600;

/** What a locally minted token grants, and for how long. */
export interface MintRequest extends Principal {
  readonly ttlSeconds: number;
}

/** Where the local signing key lives and which clock to use. */
export interface LocalKeyTokenOptions {
  /** The data folder; the key lives in `<dataDir>/keys/signing-key.json`. */
  readonly dataDir: string;
  /** The clock, for tests of expiry. */
  readonly now?: () => Date;
}

type KeyLike = Awaited<ReturnType<typeof importJWK>>;

/**
 * Mints and verifies tokens with a key pair kept in the data folder: the embedded default
 * when no identity provider is configured. Production deployments use `OidcTokenVerifier`.
 */
export class LocalKeyTokenService implements TokenVerifier {
  private constructor(
    private readonly privateKey: KeyLike,
    private readonly publicKey: KeyLike,
    private readonly kid: string,
    private readonly now: () => Date,
  ) {}

  /** Loads the signing key, creating it on first start. */
  static async open(options: LocalKeyTokenOptions): Promise<LocalKeyTokenService> {
    const path = join(options.dataDir, 'keys', 'signing-key.json');
    const jwk = JSON.parse(await readOrCreatePrivateFile(path, createSigningJwk)) as JWK;
    const { d: _private, ...publicJwk } = jwk;
    return new LocalKeyTokenService(
      await importJWK(jwk, ALG),
      await importJWK(publicJwk, ALG),
      jwk.kid ?? (await calculateJwkThumbprint(publicJwk)),
      options.now ?? (() => new Date()),
    );
  }

  /** Signs a token for the principal, valid for `ttlSeconds` (at most 30 days). */
  async mint(request: MintRequest): Promise<string> {
    const { subject, role, areas, ttlSeconds } = request;
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
      throw invalid('INVALID_TOKEN_REQUEST', `ttlSeconds must be a whole number from 1 to ${MAX_TTL_SECONDS}`);
    }
    if (subject.trim() === '') throw invalid('INVALID_TOKEN_REQUEST', 'subject must not be empty');
    if (!isRole(role)) throw invalid('INVALID_TOKEN_REQUEST', `role ${String(role)} is not a known role`);
    const bad = areas.filter((a) => !isArea(a));
    if (bad.length > 0) throw invalid('INVALID_TOKEN_REQUEST', `areas must be 2-digit province codes, 5-digit commune codes or "*", got ${bad.join(', ')}`);
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({ role, areas: [...areas] })
      .setProtectedHeader({ alg: ALG, kid: this.kid, typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .sign(this.privateKey);
  }

  /** Verifies a locally minted token (issuer, audience, expiry with 60 s tolerance, ES256 only). */
  async verify(bearer: string): Promise<Principal> {
    const token = tokenFrom(bearer);
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        algorithms: [ALG],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
        currentDate: this.now(),
      });
      return principalFromClaims(payload);
    } catch (e) {
      throw tokenErrorFrom(e) ?? e;
    }
  }
}

async function createSigningJwk(): Promise<string> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const { d: _private, ...publicJwk } = jwk;
  return `${JSON.stringify({ ...jwk, alg: ALG, use: 'sig', kid: await calculateJwkThumbprint(publicJwk) }, null, 2)}\n`;
}
