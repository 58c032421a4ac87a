import { HouseholdStatus } from '@pl/domain';
import { DemoCategory, DemoSurvey, demoSurvey } from './demo-assessment';
import { DemoHead, demoCitizenId, demoHead, demoVillage, pad } from './demo-people';
import { DemoRandom } from './demo-random';

/** The communes of district 235 (Thanh Sơn, Phú Thọ) the demo fills, before the 2025 merger. */
export const DEMO_COMMUNES = ['07900', '07903', '07906', '07909', '07912', '07915'] as const;
/** The review years the demo covers: 2021 under the 2016-2020 standard, then 2022-2026. */
export const DEMO_YEARS = [2021, 2022, 2023, 2024, 2025, 2026] as const;
/** From this day the merged communes decide; earlier records keep their codes. */
export const MERGER_DAY = '2025-07-01';

/** One thing that happens to a household after its registration, in date order. */
export type DemoAction =
  | { readonly kind: 'assess'; readonly reviewYear: number; readonly assessedOn: string; readonly survey: DemoSurvey }
  | { readonly kind: 'recognise'; readonly reviewYear: number; readonly to: HouseholdStatus; readonly decidingCommune: string }
  | { readonly kind: 'grant-smartphone'; readonly reviewYear: number };

/** A synthetic household and its story. */
export interface DemoHousehold {
  readonly householdId: string;
  readonly communeCode: string;
  readonly village: string;
  readonly areaType: 'urban' | 'rural';
  readonly memberCount: number;
  readonly policyFamily: boolean;
  readonly registeredOn: string;
  readonly head: DemoHead;
  readonly citizenId: string;
  readonly actions: readonly DemoAction[];
  readonly finalStatus: HouseholdStatus;
}

// Yearly chances of each change, by status at the start of the review: a slow, steady decline
// of poverty with some households falling back, as the district reports show.
const FIRST_YEAR: readonly (readonly [HouseholdStatus, number])[] = [['poor', 14], ['near-poor', 13], ['not-listed', 73]];
const MOVES: Readonly<Record<HouseholdStatus, readonly (readonly [HouseholdStatus, number])[]>> = {
  'not-listed': [['poor', 3], ['near-poor', 4], ['not-listed', 93]],
  poor: [['escaped', 22], ['near-poor', 18], ['poor', 60]],
  'near-poor': [['escaped', 28], ['poor', 6], ['near-poor', 66]],
  escaped: [['near-poor', 3], ['poor', 1], ['escaped', 96]],
};
const categoryOf = (status: HouseholdStatus): DemoCategory => (status === 'poor' || status === 'near-poor' ? status : 'none');
const SMARTPHONE_SHARE = 0.12;

/**
 * The whole district, built from the seed alone: households, their yearly reviews and the
 * recognitions that follow. `mergedInto` gives today's commune of a pre-merger one.
 */
export function planDistrict(households: number, seed: number, mergedInto: (communeCode: string) => string): DemoHousehold[] {
  const random = new DemoRandom(seed);
  const plans: DemoHousehold[] = [];
  const counters = new Map<string, number>();
  for (let i = 0; i < households; i++) {
    const home = DEMO_COMMUNES[i % DEMO_COMMUNES.length];
    // Most households are on the lists from the first review; the rest arrive year by year.
    const arrival = random.chance(0.85) ? 2021 : random.pick(DEMO_YEARS);
    const registeredOn = `${arrival}-${pad(random.int(2, 8))}-${pad(random.int(1, 28))}`;
    const communeCode = registeredOn >= MERGER_DAY ? mergedInto(home) : home;
    const seq = (counters.get(communeCode) ?? 0) + 1;
    counters.set(communeCode, seq);
    const areaType = random.chance(0.1) ? 'urban' : 'rural';
    const head = demoHead(random);
    const citizenId = demoCitizenId(random, head);
    const village = demoVillage(random);
    const memberCount = random.int(1, 8);
    const policyFamily = random.chance(0.05);
    const { actions, finalStatus } = story(random, arrival, areaType, home, mergedInto);
    plans.push({
      householdId: `hh-${communeCode}-${String(seq).padStart(5, '0')}`, communeCode, village, areaType, memberCount, policyFamily, registeredOn, head, citizenId,
      actions, finalStatus,
    });
  }
  return plans;
}

function story(random: DemoRandom, arrival: number, areaType: 'urban' | 'rural', home: string, mergedInto: (code: string) => string) {
  const actions: DemoAction[] = [];
  let status: HouseholdStatus = 'not-listed';
  for (const year of DEMO_YEARS.filter((y) => y >= arrival)) {
    const next: HouseholdStatus = random.weighted(year === 2021 ? FIRST_YEAR : MOVES[status]);
    const listed = status === 'poor' || status === 'near-poor';
    if (listed || next !== status) {
      const assessedOn = `${year}-${pad(random.int(9, 11))}-${pad(random.int(1, 28))}`;
      actions.push({ kind: 'assess', reviewYear: year, assessedOn, survey: demoSurvey(random, year, areaType, categoryOf(next)) });
    }
    if (next !== status) {
      actions.push({ kind: 'recognise', reviewYear: year, to: next, decidingCommune: year >= 2025 ? mergedInto(home) : home });
      status = next;
    }
  }
  // Last in the story: household commands cannot yet follow a support event on the same stream.
  if ((status === 'poor' || status === 'near-poor') && random.chance(SMARTPHONE_SHARE)) actions.push({ kind: 'grant-smartphone', reviewYear: 2026 });
  return { actions, finalStatus: status };
}
