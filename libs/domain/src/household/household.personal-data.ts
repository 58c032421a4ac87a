import { invalid, notFound, ruleViolated } from '../shared/errors';
import { validateCitizenId } from '../personal-data/citizen-id';
import { ErasePersonalData } from './household.commands';
import { HouseholdPersonalDataErased } from './household.events';
import { HouseholdState, RegisteredHousehold } from './household.state';
import { HouseholdPersonalData, MemberPersonalData } from './household.values';

/** Checks every citizen ID a command carries against its holder's birth date; throws `INVALID_CITIZEN_ID`. */
export function checkCitizenIds(personal: Partial<HouseholdPersonalData> | undefined): void {
  if (!personal) return;
  if (personal.headCitizenId !== undefined) validateCitizenId(personal.headCitizenId, personal.headBirthDate);
  personal.members?.forEach((member: MemberPersonalData) => {
    if (member.citizenId !== undefined) validateCitizenId(member.citizenId, member.birthDate);
  });
}

/** Refuses personal data for a household whose personal data was erased: its key is gone for good. */
export function refuseIfErased(household: RegisteredHousehold, carriesPersonalData: boolean): void {
  if (!carriesPersonalData || !household.personalDataErased) return;
  throw ruleViolated('PERSONAL_DATA_ERASED', `personal data of household ${household.householdId} was erased; it cannot hold personal data again`, {
    householdId: household.householdId,
  });
}

/**
 * Erasure is honoured even for a dissolved household (the data outlives the household),
 * but only once: a second request has nothing left to erase.
 */
export function erasePersonalData(command: ErasePersonalData, state: HouseholdState): readonly HouseholdPersonalDataErased[] {
  const { householdId, requestedOn, legalBasis, reason } = command.data;
  if (!state.registered) throw notFound('HOUSEHOLD_NOT_FOUND', `household ${householdId} is not registered`, { householdId });
  if (state.personalDataErased) {
    throw ruleViolated('PERSONAL_DATA_ALREADY_ERASED', `personal data of household ${householdId} was already erased`, { householdId });
  }
  if (!legalBasis.number.trim()) throw invalid('LEGAL_BASIS_REQUIRED', 'an erasure cites the number of the decision or request it honours');
  if (!reason.trim()) throw invalid('REASON_REQUIRED', 'an erasure needs a reason');
  return [{ type: 'HouseholdPersonalDataErased.v1', data: { householdId, erasedOn: requestedOn, legalBasis, reason } }];
}
