import { isoDate } from '../shared/calendar';
import { communeCode } from '../shared/ids';
import { fold } from '../shared/decider';
import { householdDecider } from './household.decider';
import { HouseholdEvent, householdStream, isHouseholdEvent } from './household.events';
import { assessed, HH, historyWithStatus, recognised, registered } from './household.fixtures';
import { isNewlyEscaped, RegisteredHousehold } from './household.state';

function stateOf(events: readonly HouseholdEvent[]): RegisteredHousehold {
  const state = fold(householdDecider, events);
  if (!state.registered) throw new Error('expected a registered household');
  return state;
}

describe('household state', () => {
  it('given a recognition history, then status, recognitions and the latest assessment per year are kept', () => {
    const state = stateOf([registered(), assessed(2023, 'poor'), recognised(2023, 'not-listed', 'poor'), assessed(2024, 'near-poor'), assessed(2024, 'none')]);
    expect(state.status).toBe('poor');
    expect(state.recognitions).toEqual([{ reviewYear: 2023, to: 'poor', decisionDate: '2023-12-20', decisionNumber: '2023/QĐ-UBND' }]);
    expect(Object.keys(state.assessments)).toEqual(['2023', '2024']);
    expect(state.assessments[2024].proposedCategory).toBe('none');
    expect(state.lastLeftListOn).toBeUndefined();
  });

  it('given a relocation and a member change, then the address, area and size follow', () => {
    const to = { communeCode: communeCode('00002'), village: 'Tổ 5' };
    const state = stateOf([
      registered(),
      { type: 'HouseholdRelocated.v1', data: { householdId: HH, from: registered().data.address, to, areaType: 'urban', movedOn: isoDate('2024-05-01') } },
      { type: 'HouseholdMembersChanged.v1', data: { householdId: HH, memberCount: 6, changedOn: isoDate('2024-06-01') } },
    ]);
    expect([state.address, state.areaType, state.memberCount, state.ethnicMinority]).toEqual([to, 'urban', 6, true]);
  });
});

describe('isNewlyEscaped', () => {
  const escaped = () => stateOf(historyWithStatus('escaped')); // escaped by a decision of 2024-12-20

  it('given a household escaped on 2024-12-20, then newly escaped from that day until the day before the third anniversary', () => {
    expect(escaped().lastLeftListOn).toBe('2024-12-20');
    expect(isNewlyEscaped(escaped(), isoDate('2024-12-19'))).toBe(false);
    expect(isNewlyEscaped(escaped(), isoDate('2024-12-20'))).toBe(true);
    expect(isNewlyEscaped(escaped(), isoDate('2027-12-19'))).toBe(true);
    expect(isNewlyEscaped(escaped(), isoDate('2027-12-20'))).toBe(false);
  });

  it('given a household that fell back after escaping, then it is not newly escaped', () => {
    const state = stateOf([...historyWithStatus('escaped'), assessed(2025), recognised(2025, 'escaped', 'poor')]);
    expect(state.lastLeftListOn).toBe('2024-12-20');
    expect(isNewlyEscaped(state, isoDate('2026-01-01'))).toBe(false);
  });

  it('given a household never listed, then not newly escaped', () => {
    expect(isNewlyEscaped(stateOf(historyWithStatus('not-listed')), isoDate('2025-01-01'))).toBe(false);
    expect(isNewlyEscaped(householdDecider.initialState(), isoDate('2025-01-01'))).toBe(false);
  });
});

describe('household stream and events', () => {
  it('names the stream after the household', () => {
    expect(householdStream(HH)).toBe('household-hh-1');
  });

  it('recognises its own event types only', () => {
    expect(isHouseholdEvent(registered())).toBe(true);
    expect(isHouseholdEvent({ type: 'HouseholdRegistered.v2' })).toBe(false);
    expect(isHouseholdEvent({ type: 'AdminUnitsReorganised.v1' })).toBe(false);
  });
});
