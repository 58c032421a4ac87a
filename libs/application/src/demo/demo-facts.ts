import { IssueDirective, RecognitionDecision, RecordHouseholdCount, communeCode as unitCode, directiveId, isoDate } from '@pl/domain';
import { DEMO_COMMUNES, DEMO_YEARS, DemoHousehold } from './demo-plan';

/** The plan every commune works to: 29/KH-UBND of the district, on the review of 2023. */
export const DEMO_PLAN_ID = 'kh-29-2023-thanh-son';

/** The decision of the deciding commune's chairman for one review year. */
export function demoDecision(communeCode: string, reviewYear: number, communeName: (code: string) => string): RecognitionDecision {
  const order = [...DEMO_COMMUNES, '07950', '07953'].indexOf(communeCode);
  return { number: `${200 + order * 10 + (reviewYear - 2020)}/QĐ-UBND`, date: isoDate(`${reviewYear}-12-20`), issuer: `UBND ${communeName(communeCode)}` };
}

/** Plan 29/KH-UBND of Thanh Sơn district: the 2023 review and its communication, reported half-yearly. */
export function demoDirective(communeName: (code: string) => string): IssueDirective {
  return {
    type: 'IssueDirective',
    data: {
      directiveId: directiveId(DEMO_PLAN_ID),
      number: '29/KH-UBND',
      kind: 'ke-hoach',
      issuer: { code: '235', name: 'Ủy ban nhân dân huyện Thanh Sơn' },
      issuedOn: isoDate('2023-03-01'),
      subject: 'Rà soát hộ nghèo, hộ cận nghèo năm 2023 và truyền thông về giảm nghèo bền vững trên địa bàn huyện Thanh Sơn',
      basedOn: ['24/2021/QĐ-TTg', '07/2021/TT-BLĐTBXH'],
      recipients: DEMO_COMMUNES.map((code) => ({ id: `ubnd-${code}`, name: `UBND ${communeName(code)}` })),
      reporting: { period: 'half-yearly', dueDates: [isoDate('2023-06-15'), isoDate('2023-12-15')] },
      targets: [],
    },
  };
}

/**
 * Resident households per reporting commune and year, as the yearly report records them: the
 * communes as they were before the merger, the merged ones from 2025.
 */
export function demoHouseholdCounts(plans: readonly DemoHousehold[], mergedInto: (code: string) => string): RecordHouseholdCount[] {
  const counts: RecordHouseholdCount[] = [];
  for (const year of DEMO_YEARS) {
    const byCommune = new Map<string, { total: number; urban: number; ethnicMinority: number }>();
    for (const h of plans) {
      if (h.registeredOn > `${year}-09-01`) continue;
      const commune = year >= 2025 ? mergedInto(h.communeCode) : h.communeCode;
      const c = byCommune.get(commune) ?? { total: 0, urban: 0, ethnicMinority: 0 };
      c.total++;
      if (h.areaType === 'urban') c.urban++;
      if (h.head.ethnicity !== 'Kinh') c.ethnicMinority++;
      byCommune.set(commune, c);
    }
    for (const [communeCode, c] of [...byCommune].sort(([a], [b]) => a.localeCompare(b))) {
      counts.push({
        type: 'RecordHouseholdCount',
        data: {
          communeCode: unitCode(communeCode), year, total: c.total, urban: c.urban, rural: c.total - c.urban, ethnicMinority: c.ethnicMinority,
          source: `Báo cáo kết quả rà soát hộ nghèo, hộ cận nghèo năm ${year}`, recordedOn: isoDate(`${year}-12-25`),
        },
      });
    }
  }
  return counts;
}
