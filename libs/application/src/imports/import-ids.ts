import { createHash } from 'node:crypto';
import { HouseholdId, householdId } from '@pl/domain';
import { deterministicId } from '../commands/deterministic-id';

/** Fixed, so a re-run by anyone, any day, lands on the same command ids and appends nothing. */
export const IMPORT_SCOPE = 'household-import.v1';

const SAFE = /^[A-Za-z0-9_-]{1,55}$/;

/**
 * `hh-<commune>-<code>`: the same household on every re-run. A code with characters an id
 * may not hold (spaces, slashes, accents) keeps a readable prefix plus a hash of the
 * original, so "A 1" and "A-1" stay two households.
 */
export function householdIdOf(communeCode: string, householdCode: string): HouseholdId {
  if (SAFE.test(householdCode)) return householdId(`hh-${communeCode}-${householdCode}`);
  const readable = householdCode.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40);
  const digest = createHash('sha256').update(householdCode).digest('hex').slice(0, 12);
  return householdId(`hh-${communeCode}-${readable ? `${readable}-` : ''}${digest}`);
}

/** The command id of one row: the same (commune, household code) always yields the same command. */
export const importCommandId = (communeCode: string, householdCode: string): string =>
  deterministicId(IMPORT_SCOPE, communeCode, householdCode);
