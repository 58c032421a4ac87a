import { DomainError } from '@pl/domain';
import { Principal } from '../principal';

/** Why a bearer token was refused. */
export type TokenErrorCode = 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED';

/** Turns a bearer token into the principal it was issued to, or refuses it. */
export interface TokenVerifier {
  /** Accepts the raw token or an `Authorization` header value; throws `unauthenticated` with a `TokenErrorCode`. */
  verify(bearer: string): Promise<Principal>;
}

/** Injection token for the configured `TokenVerifier`. */
export const TOKEN_VERIFIER = Symbol('TokenVerifier');

/** An `unauthenticated` error with a token code and a reason the caller can act on. */
export const tokenError = (code: TokenErrorCode, reason: string): DomainError => new DomainError('unauthenticated', code, reason);

const SCHEME = /^bearer\s+/i;

/** The compact token inside a header value or the value itself; `TOKEN_MISSING` when there is none. */
export function tokenFrom(bearer: string | undefined): string {
  const token = (bearer ?? '').trim().replace(SCHEME, '').trim();
  if (token === '' || /^bearer$/i.test(token)) throw tokenError('TOKEN_MISSING', 'no bearer token was sent; send "Authorization: Bearer <token>"');
  return token;
}
