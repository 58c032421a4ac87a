import {
  AreaType, HouseholdCommand, HouseholdStatus, IsoDate, classify, communeCode, householdDecider, householdId, householdStream, isoDate, nationalStandard, vnd,
} from '@pl/domain';
import { EventStore, UpcastingEventStore, makeEvent } from '@pl/event-store';
import { CommandExecutor } from '../../commands/command-executor';
import { identityCodec } from '../../commands/event-codec';

// A registry history for what-if specs: facts kept beside the events so a spec can recompute by hand.

/** What a spec needs to recompute one household on 2026-12-31 without the code under test. */
export type SeededHousehold = Readonly<{
  id: string;
  communeCode: string;
  areaType: AreaType;
  income: number;
  deficient: readonly string[];
  status: HouseholdStatus;
  storedAsV1: boolean;
  /** Also surveyed and decided in the 2027 review (under 2026-2030), after 2026-12-31. */
  laterReview: boolean;
}>;

const SPEC_COMMUNES = ['00001', '00002', '10001'];
const INCOMES = [900_000, 1_400_000, 1_500_000, 1_900_000, 2_100_000, 2_200_000, 2_500_000, 2_800_000, 3_100_000];
const INDICATORS_2022 = nationalStandard('2022-2025').indicators;

const context = (commandId: string) => ({
  actor: { id: 'officer-1', role: 'commune-officer' }, commandId, correlationId: commandId, causationId: commandId, recordedAt: '2027-12-30T08:00:00.000Z', idempotent: false,
});

/** Seeds `count` households reviewed in 2024, spread over `communes`; even ones have their 2024 survey stored raw as `HouseholdAssessed.v1`. */
export async function seedRegistry(store: UpcastingEventStore, count: number, communes: readonly string[] = SPEC_COMMUNES): Promise<SeededHousehold[]> {
  const executor = new CommandExecutor(store, identityCodec);
  const seeded: SeededHousehold[] = [];
  for (let i = 0; i < count; i++) {
    const id = `wi-${String(i).padStart(3, '0')}`;
    const hh = householdId(id);
    const run = (command: HouseholdCommand, n: number) => executor.execute(householdStream(id), householdDecider, command, context(`${id}-${n}`));
    const areaType: AreaType = i % 4 === 0 ? 'urban' : 'rural';
    const commune = communes[i % communes.length];
    const income = INCOMES[i % INCOMES.length];
    const deficient = Array.from({ length: i % 5 }, (_, k) => INDICATORS_2022[(i + 3 * k) % INDICATORS_2022.length]);
    const address = { communeCode: communeCode(commune), village: 'Thôn 1' };
    await run({ type: 'RegisterHousehold', data: { householdId: hh, registeredOn: isoDate('2023-03-01'), address, areaType, memberCount: 4, ethnicMinority: false, policyFamily: false, personal: { headName: 'Hộ thử' } } }, 0);
    const survey = { householdId: hh, reviewYear: 2024, reviewKind: 'periodic' as const, assessedOn: isoDate('2024-10-01'), incomePerPersonMonthly: vnd(income), deficientIndicators: deficient, surveyor: 'reviewer-1' };
    const storedAsV1 = i % 2 === 0;
    const proposed = classify({ standardId: '2022-2025', areaType, incomePerPersonMonthly: vnd(income), deficientIndicators: deficient });
    if (storedAsV1) await appendV1(store.raw, id, { ...survey, deficientIndicators: proposed.reasons.deficientIndicators, standardId: '2022-2025', proposedCategory: proposed.category, deprivations: proposed.reasons.deprivations });
    else await run({ type: 'AssessHousehold', data: survey }, 1);
    const listed = (proposed.category === 'poor' || proposed.category === 'near-poor') && i % 3 !== 2;
    const status: HouseholdStatus = listed ? (proposed.category as HouseholdStatus) : 'not-listed';
    if (listed) await run(recognition(hh, 2024, status, isoDate('2024-12-20')), 2);
    const laterReview = i % 7 === 3;
    if (laterReview) {
      // Dated after 2026-12-31: a what-if on that date must not see it.
      await run({ type: 'AssessHousehold', data: { ...survey, reviewYear: 2027, assessedOn: isoDate('2027-10-01'), incomePerPersonMonthly: vnd(100_000), deficientIndicators: ['waste-handling', 'internet-access', 'digital-services'] } }, 3);
      await run(recognition(hh, 2027, status === 'poor' ? 'near-poor' : 'poor', isoDate('2027-12-20')), 4);
    }
    seeded.push({ id, communeCode: commune, areaType, income, deficient, status, storedAsV1, laterReview });
  }
  // Registered after 2026-12-31: not part of a what-if on that date.
  await executor.execute(householdStream('wi-late'), householdDecider, {
    type: 'RegisterHousehold',
    data: { householdId: householdId('wi-late'), registeredOn: isoDate('2027-02-01'), address: { communeCode: communeCode(communes[0]), village: 'Thôn 2' }, areaType: 'rural', memberCount: 2, ethnicMinority: false, policyFamily: false, personal: { headName: 'Hộ mới' } },
  }, context('wi-late'));
  return seeded;
}

const recognition = (hh: ReturnType<typeof householdId>, reviewYear: number, to: HouseholdStatus, date: IsoDate): HouseholdCommand => ({
  type: 'RecogniseHousehold',
  data: { householdId: hh, reviewYear, reviewKind: 'periodic', to, decision: { number: `${reviewYear}/QĐ-UBND`, date, issuer: 'UBND xã' } },
});

/** Writes an assessment the way the product wrote it before v2, straight into the stored log. */
async function appendV1(raw: EventStore, id: string, data: Record<string, unknown>): Promise<void> {
  await raw.append(householdStream(id), [makeEvent('HouseholdAssessed.v1', data)], 0);
}
