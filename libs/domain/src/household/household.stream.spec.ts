import { fold } from '../shared/decider';
import { disbursed, poorHousehold } from '../support/support.fixtures';
import { householdDecider } from './household.decider';
import { HouseholdEvent } from './household.events';

describe('the household stream also carries support', () => {
  it('given a poor household with a loan in its stream, when its events are folded, then the household state passes over the loan', () => {
    const stream = [...poorHousehold(), disbursed()] as unknown as HouseholdEvent[];
    const withLoan = fold(householdDecider, stream);
    const without = fold(householdDecider, poorHousehold() as unknown as HouseholdEvent[]);
    expect(withLoan).toEqual(without);
  });

  it('given a loan in the stream, when the household is dissolved, then the decider decides as usual', () => {
    const state = fold(householdDecider, [...poorHousehold(), disbursed()] as unknown as HouseholdEvent[]);
    const events = householdDecider.decide(
      { type: 'DissolveHousehold', data: { householdId: 'hh-1' as never, dissolvedOn: '2025-01-10' as never, reason: 'moved abroad' } },
      state,
    );
    expect(events.map((e) => e.type)).toEqual(['HouseholdDissolved.v1']);
  });
});
