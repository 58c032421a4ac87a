import { DomainError, invalid } from '@pl/domain';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { Principal } from '../principal';
import { ClaimNames, DEFAULT_CLAIM_NAMES, principalFromClaims } from './claims';
import { tokenErrorFrom } from './jose-errors';
import { TokenVerifier, tokenFrom } from './token-verifier';

/** Asymmetric algorithms only: a shared-secret (HS*) token could be forged by anyone holding the secret. */
export type AllowedAlgorithm = 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512' | 'EdDSA' | 'Ed25519';

/** The identity provider to trust and how its tokens carry role and areas. */
export interface OidcTokenVerifierOptions {
  /** The identity provider's JWKS address, e.g. `https://id.example.gov.vn/realms/pl/protocol/openid-connect/certs`. */
  readonly jwksUrl: string;
  readonly issuer: string;
  readonly audience: string | readonly string[];
  readonly algorithms?: readonly AllowedAlgorithm[];
  /** Seconds of clock skew accepted on `exp`/`nbf`/`iat`; 0 to 300, default 60. */
  readonly clockToleranceSeconds?: number;
  readonly claims?: Partial<ClaimNames>;
  /** Minimum milliseconds between JWKS refetches on an unknown `kid`; default 30 000. */
  readonly jwksCooldownMs?: number;
  /** Milliseconds before a published JWKS is refetched anyway; default 600 000. */
  readonly jwksCacheMaxAgeMs?: number;
  /** Milliseconds to wait for the JWKS; default 5 000. */
  readonly jwksTimeoutMs?: number;
  /** The clock, for tests of expiry. */
  readonly now?: () => Date;
}

const DEFAULT_ALGORITHMS: readonly AllowedAlgorithm[] = ['RS256', 'PS256', 'ES256', 'EdDSA', 'Ed25519'];

/**
 * Verifies tokens issued by the production identity provider against its published keys.
 * jose caches the key set and refetches it when a token names a key it has not seen, so
 * a key rotation at the provider needs no restart here.
 */
export class OidcTokenVerifier implements TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;
  private readonly claims: ClaimNames;
  private readonly clockTolerance: number;

  constructor(private readonly options: OidcTokenVerifierOptions) {
    const tolerance = options.clockToleranceSeconds ?? 60;
    if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > 300) {
      throw invalid('INVALID_CONFIGURATION', 'OIDC clock tolerance must be a whole number of seconds from 0 to 300');
    }
    if (options.algorithms !== undefined && options.algorithms.length === 0) {
      throw invalid('INVALID_CONFIGURATION', 'OIDC algorithms must name at least one algorithm');
    }
    this.clockTolerance = tolerance;
    this.claims = { ...DEFAULT_CLAIM_NAMES, ...options.claims };
    this.keys = createRemoteJWKSet(new URL(options.jwksUrl), {
      cooldownDuration: options.jwksCooldownMs ?? 30_000,
      cacheMaxAge: options.jwksCacheMaxAgeMs ?? 600_000,
      timeoutDuration: options.jwksTimeoutMs ?? 5_000,
    });
  }

  /** Verifies against the provider's keys; a provider outage is `unavailable`, not `unauthenticated`. */
  async verify(bearer: string): Promise<Principal> {
    const token = tokenFrom(bearer);
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: typeof this.options.audience === 'string' ? this.options.audience : [...this.options.audience],
        algorithms: [...(this.options.algorithms ?? DEFAULT_ALGORITHMS)],
        clockTolerance: this.clockTolerance,
        requiredClaims: ['exp', 'sub'],
        currentDate: this.options.now?.(),
      });
      return principalFromClaims(payload, this.claims);
    } catch (e) {
      // Not a verdict on the token (the provider is down or its JWKS is broken): a 503, not a 401.
      throw tokenErrorFrom(e) ?? new DomainError('unavailable', 'TOKEN_KEYS_UNAVAILABLE', `the identity provider's keys cannot be fetched: ${reasonOf(e)}`);
    }
  }
}

const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
