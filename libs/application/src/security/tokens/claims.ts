import type { JWTPayload } from 'jose';
import { isArea, isRole, Principal } from '../principal';
import { tokenError } from './token-verifier';

/** Where the role and areas sit in a token; dotted names reach nested claims (`realm_access.role`). */
export interface ClaimNames {
  readonly role: string;
  readonly areas: string;
}

/** Top-level `role` and `areas` claims, as the local issuer writes them. */
export const DEFAULT_CLAIM_NAMES: ClaimNames = { role: 'role', areas: 'areas' };

/** Maps a verified payload to a principal; anything missing or unknown is `TOKEN_INVALID`. */
export function principalFromClaims(payload: JWTPayload, names: ClaimNames = DEFAULT_CLAIM_NAMES): Principal {
  const subject = payload.sub;
  if (typeof subject !== 'string' || subject === '') throw tokenError('TOKEN_INVALID', 'token has no "sub" claim');
  const role = claim(payload, names.role);
  if (role === undefined) throw tokenError('TOKEN_INVALID', `token has no "${names.role}" claim`);
  if (!isRole(role)) throw tokenError('TOKEN_INVALID', `token claim "${names.role}" is not a known role`);
  const areas = claim(payload, names.areas);
  if (areas === undefined) throw tokenError('TOKEN_INVALID', `token has no "${names.areas}" claim`);
  if (!Array.isArray(areas) || !areas.every(isArea)) {
    throw tokenError('TOKEN_INVALID', `token claim "${names.areas}" must be an array of 2-digit province codes, 5-digit commune codes or "*"`);
  }
  return { subject, role, areas: Object.freeze([...areas]) };
}

function claim(payload: JWTPayload, name: string): unknown {
  let value: unknown = payload;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
