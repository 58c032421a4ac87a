import { isoDate } from '../shared/calendar';
import { deciderSpec } from '../shared/testing/decider-spec';
import { ErasePersonalData, HouseholdCommand, RegisterHousehold } from './household.commands';
import { householdDecider } from './household.decider';
import { HouseholdEvent } from './household.events';
import { HH, registered } from './household.fixtures';
import { HouseholdPersonalData } from './household.values';

const spec = deciderSpec(householdDecider);

const erase = (overrides: Partial<ErasePersonalData['data']> = {}): ErasePersonalData => ({
  type: 'ErasePersonalData',
  data: {
    householdId: HH,
    requestedOn: isoDate('2026-02-01'),
    legalBasis: { number: '12/QĐ-UBND', date: isoDate('2026-01-28'), issuer: 'commune chairman' },
    reason: 'the data subject withdrew consent',
    ...overrides,
  },
});

const erased: HouseholdEvent = {
  type: 'HouseholdPersonalDataErased.v1',
  data: { householdId: HH, erasedOn: erase().data.requestedOn, legalBasis: erase().data.legalBasis, reason: erase().data.reason },
};
const dissolved: HouseholdEvent = { type: 'HouseholdDissolved.v1', data: { householdId: HH, dissolvedOn: isoDate('2025-06-01'), reason: 'moved abroad' } };

const register = (personal: HouseholdPersonalData): RegisterHousehold => ({ type: 'RegisterHousehold', data: { ...registered().data, personal } });
const changeMembers = (personal?: { members: HouseholdPersonalData['members'] }): HouseholdCommand => ({
  type: 'ChangeMembers',
  data: { householdId: HH, memberCount: 5, changedOn: isoDate('2026-03-01'), ...(personal ? { personal } : {}) },
});

describe('erasing a household\'s personal data', () => {
  it('given a registered household, when erasure is requested, then HouseholdPersonalDataErased citing the legal basis', () => {
    spec.given([registered()]).when(erase()).then([erased]);
  });

  it('given a dissolved household, when erasure is requested, then it is still honoured', () => {
    spec.given([registered(), dissolved]).when(erase()).then([erased]);
  });

  it('given an erased household, when erasure is requested again, then refused as already erased', () => {
    spec.given([registered(), erased]).when(erase()).thenThrows('PERSONAL_DATA_ALREADY_ERASED', 'rule-violated');
  });

  it('given no household, when erasure is requested, then not found', () => {
    spec.given([]).when(erase()).thenThrows('HOUSEHOLD_NOT_FOUND', 'not-found');
  });

  it('when the legal basis has no number or there is no reason, then refused as invalid', () => {
    spec.given([registered()]).when(erase({ legalBasis: { number: ' ', date: isoDate('2026-01-28') } })).thenThrows('LEGAL_BASIS_REQUIRED', 'invalid');
    spec.given([registered()]).when(erase({ reason: '' })).thenThrows('REASON_REQUIRED', 'invalid');
  });

  it('given an erased household, when members change with personal data, then refused; without it, accepted', () => {
    spec.given([registered(), erased]).when(changeMembers({ members: [{ name: 'Lò Thị Mai' }] })).thenThrows('PERSONAL_DATA_ERASED', 'rule-violated');
    expect(spec.given([registered(), erased]).when(changeMembers()).events()).toHaveLength(1);
  });
});

describe('citizen IDs on registration and member changes', () => {
  it('when the head\'s citizen ID agrees with the birth date, then registered', () => {
    const personal = { headName: 'Hà Văn Sơn', headCitizenId: '025085000123', headBirthDate: isoDate('1985-03-14') };
    expect(spec.given([]).when(register(personal)).events()).toHaveLength(1);
  });

  it.each([
    ['too short', '02508500012', undefined],
    ['an unknown province of birth registration', '003085000123', undefined],
    ['a century digit for the 2000s with a 1985 birth date', '025285000123', '1985-03-14'],
    ['birth-year digits that differ from the birth date', '025086000123', '1985-03-14'],
  ])('when the head\'s citizen ID is %s, then refused as INVALID_CITIZEN_ID', (_what, headCitizenId, birthDate) => {
    const personal = { headName: 'Hà Văn Sơn', headCitizenId, ...(birthDate ? { headBirthDate: isoDate(birthDate) } : {}) };
    spec.given([]).when(register(personal)).thenThrows('INVALID_CITIZEN_ID', 'invalid');
  });

  it('when a member\'s citizen ID disagrees with their birth date, then refused at registration and on a member change', () => {
    const members = [{ name: 'Hà Thị Lan', citizenId: '025190000456', birthDate: isoDate('2012-05-02') }];
    spec.given([]).when(register({ headName: 'Hà Văn Sơn', members })).thenThrows('INVALID_CITIZEN_ID', 'invalid');
    spec.given([registered()]).when(changeMembers({ members })).thenThrows('INVALID_CITIZEN_ID', 'invalid');
  });

  it('when a member\'s citizen ID agrees with their birth date, then the member change is accepted', () => {
    const members = [{ name: 'Hà Thị Lan', citizenId: '025312000456', birthDate: isoDate('2012-05-02') }];
    expect(spec.given([registered()]).when(changeMembers({ members })).events()).toHaveLength(1);
  });
});
