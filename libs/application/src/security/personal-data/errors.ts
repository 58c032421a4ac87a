import { DomainError } from '@pl/domain';

/** A household whose personal data was erased cannot be given a new key: new data would need a new household. */
export const personalDataErased = (householdId: string, destroyedAt: string): DomainError =>
  new DomainError('rule-violated', 'PERSONAL_DATA_ERASED', `personal data of household ${householdId} was erased at ${destroyedAt}; it cannot hold personal data again`, {
    householdId,
    destroyedAt,
  });

/**
 * Stored personal data or a wrapped key failed authentication: corruption, a wrong
 * master key or tampering. Deliberately not a DomainError: it is an operator's problem,
 * logged as a server error, with nothing about the data sent to the caller.
 */
export class PersonalDataIntegrityError extends Error {
  constructor(what: string) {
    super(`${what} failed authentication: corrupted, tampered with, or encrypted under another key`);
    this.name = 'PersonalDataIntegrityError';
  }
}
