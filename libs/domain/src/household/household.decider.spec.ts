import { isoDate } from '../shared/calendar';
import { communeCode } from '../shared/ids';
import { deciderSpec } from '../shared/testing/decider-spec';
import { HouseholdCommand, RegisterHousehold } from './household.commands';
import { householdDecider } from './household.decider';
import { HouseholdEvent } from './household.events';
import { COMMUNE, HH, registered } from './household.fixtures';

const spec = deciderSpec(householdDecider);
const register = (): RegisterHousehold => ({ type: 'RegisterHousehold', data: registered().data });
const dissolution = { householdId: HH, dissolvedOn: isoDate('2024-03-01'), reason: 'moved abroad' };
const dissolved: HouseholdEvent = { type: 'HouseholdDissolved.v1', data: dissolution };
const changeMembers = (memberCount: number): HouseholdCommand => ({
  type: 'ChangeMembers',
  data: { householdId: HH, memberCount, changedOn: isoDate('2024-02-01') },
});

describe('registering a household', () => {
  it('given an empty stream, when registered, then HouseholdRegistered', () => {
    spec.given([]).when(register()).then([registered()]);
  });

  it('given a registered household, when registered again, then refused', () => {
    spec.given([registered()]).when(register()).thenThrows('HOUSEHOLD_ALREADY_REGISTERED', 'rule-violated');
  });

  it.each([0, 51, 2.5])('when registered with %s members, then refused', (memberCount) => {
    spec.given([]).when({ type: 'RegisterHousehold', data: { ...register().data, memberCount } }).thenThrows('INVALID_MEMBER_COUNT', 'invalid');
  });

  it('when registered with 1 or 50 members, then accepted', () => {
    expect(spec.given([]).when({ type: 'RegisterHousehold', data: { ...register().data, memberCount: 1 } }).events()).toHaveLength(1);
    expect(spec.given([]).when({ type: 'RegisterHousehold', data: { ...register().data, memberCount: 50 } }).events()).toHaveLength(1);
  });

  it('when registered without a head name, then refused', () => {
    spec
      .given([])
      .when({ type: 'RegisterHousehold', data: { ...register().data, personal: { headName: '  ' } } })
      .thenThrows('HEAD_NAME_REQUIRED');
  });
});

describe('a household that does not exist or no longer exists', () => {
  it('given an empty stream, when members change, then not found', () => {
    spec.given([]).when(changeMembers(3)).thenThrows('HOUSEHOLD_NOT_FOUND', 'not-found');
  });

  it('given a dissolved household, when anything is asked, then refused', () => {
    spec.given([registered(), dissolved]).when(changeMembers(3)).thenThrows('HOUSEHOLD_DISSOLVED', 'rule-violated');
    spec
      .given([registered(), dissolved])
      .when({ type: 'DissolveHousehold', data: { householdId: HH, dissolvedOn: isoDate('2024-04-01'), reason: 'again' } })
      .thenThrows('HOUSEHOLD_DISSOLVED');
  });
});

describe('members, relocation, dissolution', () => {
  it('when members change within bounds, then HouseholdMembersChanged', () => {
    spec
      .given([registered()])
      .when(changeMembers(5))
      .then([{ type: 'HouseholdMembersChanged.v1', data: { householdId: HH, memberCount: 5, changedOn: isoDate('2024-02-01') } }]);
  });

  it('when members drop to zero, then refused', () => {
    spec.given([registered()]).when(changeMembers(0)).thenThrows('INVALID_MEMBER_COUNT');
  });

  it('when relocated to another commune, then the event keeps both addresses', () => {
    const to = { communeCode: communeCode('00002'), village: 'Tổ 5' };
    spec
      .given([registered()])
      .when({ type: 'RelocateHousehold', data: { householdId: HH, to, areaType: 'urban', movedOn: isoDate('2024-05-01') } })
      .then([
        {
          type: 'HouseholdRelocated.v1',
          data: { householdId: HH, from: { communeCode: COMMUNE, village: 'Thôn 1' }, to, areaType: 'urban', movedOn: isoDate('2024-05-01') },
        },
      ]);
  });

  it('when relocated within the same commune, then refused', () => {
    spec
      .given([registered()])
      .when({ type: 'RelocateHousehold', data: { householdId: HH, to: { communeCode: COMMUNE, village: 'Thôn 2' }, areaType: 'rural', movedOn: isoDate('2024-05-01') } })
      .thenThrows('SAME_COMMUNE', 'rule-violated');
  });

  it('when dissolved with a reason, then HouseholdDissolved; without one, refused', () => {
    spec.given([registered()]).when({ type: 'DissolveHousehold', data: dissolution }).then([dissolved]);
    spec
      .given([registered()])
      .when({ type: 'DissolveHousehold', data: { householdId: HH, dissolvedOn: isoDate('2024-03-01'), reason: '' } })
      .thenThrows('REASON_REQUIRED');
  });
});

describe('causes and need groups', () => {
  const record = (causes: string[], needGroups: string[]): HouseholdCommand => ({
    type: 'RecordCauses',
    data: { householdId: HH, recordedOn: isoDate('2024-10-05'), causes, needGroups },
  });

  it('when known codes are recorded, then repeated ones count once', () => {
    spec
      .given([registered()])
      .when(record(['illness', 'lack-of-capital', 'illness'], ['health', 'credit']))
      .then([
        {
          type: 'HouseholdCausesRecorded.v1',
          data: { householdId: HH, recordedOn: isoDate('2024-10-05'), causes: ['illness', 'lack-of-capital'], needGroups: ['health', 'credit'] },
        },
      ]);
  });

  it('when an unknown cause or need group is recorded, then refused naming it', () => {
    const error = spec.given([registered()]).when(record(['bad-luck'], [])).thenThrows('UNKNOWN_POVERTY_CAUSE', 'invalid');
    expect(error.details).toMatchObject({ unknown: ['bad-luck'] });
    spec.given([registered()]).when(record([], ['lottery'])).thenThrows('UNKNOWN_NEED_GROUP', 'invalid');
  });
});
