import { AssessHousehold, GrantSupport, RegisterHousehold, communeCode, householdId, isoDate, vnd } from '@pl/domain';
import { DemoAction, DemoHousehold } from './demo-plan';

/** The smartphone programme of 2026: 500,000 VND per household towards a phone (Circular 14/2022/TT-BTTTT); no district level any more. */
const SMARTPHONE_DECISION = { number: '1250/QĐ-UBND', date: isoDate('2026-12-22'), issuer: 'UBND tỉnh Phú Thọ' };
/** The day the phones are handed over, after the 2026 decisions. */
export const SMARTPHONE_DAY = '2026-12-28';
const SURVEYORS = ['Bùi Văn Tám', 'Hà Thị Lan', 'Đinh Công Lực', 'Quách Thị Hằng'];

export function registrationOf(h: DemoHousehold): RegisterHousehold {
  return {
    type: 'RegisterHousehold',
    data: {
      householdId: householdId(h.householdId), registeredOn: isoDate(h.registeredOn),
      address: { communeCode: communeCode(h.communeCode), village: h.village }, areaType: h.areaType, memberCount: h.memberCount,
      ethnicMinority: h.head.ethnicity !== 'Kinh', policyFamily: h.policyFamily,
      personal: { headName: h.head.name, headCitizenId: h.citizenId, headBirthDate: isoDate(h.head.birthDate), ethnicity: h.head.ethnicity },
    },
  };
}

/** A smartphone grant: a support command on the household's own stream. */
export function smartphoneGrantOf(h: DemoHousehold, action: Extract<DemoAction, { kind: 'grant-smartphone' }>): GrantSupport {
  const id = householdId(h.householdId);
  return {
    type: 'GrantSupport',
    data: {
      householdId: id, grantId: `smartphone-${action.reviewYear}`, kind: 'smartphone', grantedOn: isoDate(SMARTPHONE_DAY),
      fund: 'public-utility-telecom-fund', decision: SMARTPHONE_DECISION, amount: vnd(500_000), form: 'cash',
      programme: 'Điện thoại thông minh cho hộ nghèo, hộ cận nghèo năm 2026',
    },
  };
}

/** The survey of one periodic review. */
export function assessmentOf(h: DemoHousehold, action: Extract<DemoAction, { kind: 'assess' }>): AssessHousehold {
  const id = householdId(h.householdId);
  return {
    type: 'AssessHousehold',
    data: {
      householdId: id, reviewYear: action.reviewYear, reviewKind: 'periodic', assessedOn: isoDate(action.assessedOn),
      incomePerPersonMonthly: vnd(action.survey.incomePerPersonMonthly), deficientIndicators: action.survey.deficientIndicators,
      surveyor: SURVEYORS[action.reviewYear % SURVEYORS.length],
    },
  };
}
