import { roleGrants } from './permissions';
import { Principal } from './principal';

/** Whether the principal's role may read personal data at all (areas are checked separately). */
export const canSeePersonalData = (principal: Principal): boolean => roleGrants(principal.role, 'personal-data:read');

/** A read-model document as a principal may see it: `personal` is absent when hidden from them. */
export type Redacted<T extends { readonly personal?: unknown }> = Omit<T, 'personal'> & { readonly personal?: T['personal'] };

/**
 * Drops the `personal` field from a read-model document unless the principal may read
 * personal data. The field is removed rather than masked so that no part of it, not even
 * its length or shape, reaches the caller.
 */
export function redactPersonal<T extends { readonly personal?: unknown }>(doc: T, principal: Principal): Redacted<T> {
  if (canSeePersonalData(principal)) return doc;
  const { personal: _hidden, ...rest } = doc;
  return rest;
}
