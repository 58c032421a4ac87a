import { Decider, HouseholdCommand, HouseholdEvent, HouseholdState, householdDecider, ruleViolated } from '@pl/domain';

/**
 * The household decider, refusing a command for a household that does not live in the
 * deciding commune. Checked against the stream's own state, inside the append's expected
 * revision, so a concurrent relocation cannot slip between the check and the write.
 * A household recorded in a commune since merged counts as living in the merged one.
 */
export function communeGuardedDecider(
  communeCode: string,
  currentUnitsOf: (code: string) => readonly string[],
): Decider<HouseholdCommand, HouseholdEvent, HouseholdState> {
  return {
    ...householdDecider,
    decide: (command, state) => {
      if (state.registered) {
        const recorded = state.address.communeCode;
        if (recorded !== communeCode && !currentUnitsOf(recorded).includes(communeCode)) {
          throw ruleViolated('HOUSEHOLD_NOT_IN_COMMUNE', `household ${state.householdId} lives in commune ${recorded}, not ${communeCode}`, {
            householdId: state.householdId,
            communeCode: recorded,
          });
        }
      }
      return householdDecider.decide(command, state);
    },
  };
}
