import { DomainError } from '@pl/domain';
import { errors } from 'jose';
import { tokenError } from './token-verifier';

/**
 * Translates what jose throws into the product's token errors. Returns undefined for
 * anything that is not a verdict on the token itself, so the caller decides what an
 * outage means.
 */
export function tokenErrorFrom(e: unknown): DomainError | undefined {
  if (e instanceof DomainError) return e;
  if (e instanceof errors.JWTExpired) return tokenError('TOKEN_EXPIRED', 'token has expired; obtain a new one');
  if (e instanceof errors.JWTClaimValidationFailed) return tokenError('TOKEN_INVALID', `token rejected: ${e.message}`);
  if (e instanceof errors.JWSSignatureVerificationFailed) return tokenError('TOKEN_INVALID', 'token signature does not verify');
  if (e instanceof errors.JOSEAlgNotAllowed) return tokenError('TOKEN_INVALID', 'token is signed with an algorithm that is not allowed');
  if (e instanceof errors.JWKSNoMatchingKey) return tokenError('TOKEN_INVALID', 'token is signed with a key the issuer does not publish');
  if (e instanceof errors.JWSInvalid || e instanceof errors.JWTInvalid) return tokenError('TOKEN_INVALID', 'token is not a well-formed signed JWT');
  if (e instanceof errors.JOSENotSupported) return tokenError('TOKEN_INVALID', 'token uses an unsupported algorithm or key type');
  return undefined;
}
