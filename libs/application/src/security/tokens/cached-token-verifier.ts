import { Principal } from '../principal';
import { TokenVerifier } from './token-verifier';

interface Entry {
  readonly principal: Principal;
  /** Epoch ms after which the token must be verified again. */
  readonly until: number;
}

/**
 * Remembers tokens already verified, so a client sending the same token on every request
 * pays for one signature check (ECDSA costs more than the rest of a page) until the token
 * expires or `maxAgeMs` passes, whichever is first. Bounded; a full cache starts afresh.
 */
export class CachedTokenVerifier implements TokenVerifier {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly inner: TokenVerifier,
    private readonly options: { readonly maxEntries?: number; readonly maxAgeMs?: number; readonly now?: () => number } = {},
  ) {}

  async verify(bearer: string): Promise<Principal> {
    const now = this.options.now?.() ?? Date.now();
    const hit = this.entries.get(bearer);
    if (hit && hit.until > now) return hit.principal;
    const principal = await this.inner.verify(bearer);
    if (this.entries.size >= (this.options.maxEntries ?? 10_000)) this.entries.clear();
    this.entries.set(bearer, { principal, until: Math.min(expiryOf(bearer) ?? now, now + (this.options.maxAgeMs ?? 60_000)) });
    return principal;
  }
}

/** The `exp` claim of a token already verified, in epoch ms; reading it needs no key. */
function expiryOf(bearer: string): number | undefined {
  try {
    const payload = bearer.replace(/^Bearer\s+/i, '').split('.')[1];
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
