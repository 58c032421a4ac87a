import fc from 'fast-check';
import { HouseholdStatus, transitionBetween } from '@pl/domain';
import { MemoryEventStore, makeEvent } from '@pl/event-store';
import { AreaFlowsDoc, Group, StatisticsDenominatorDoc, annualFigures, povertyStatisticsProjection } from '@pl/projections';
import { replayStatistics } from './statistics-replay';

const COMMUNES = ['00001', '00002', '00003'] as const;
const units = {
  provinceOf: (code: string) => (code === '00003' ? '02' : '01'),
  currentUnitsOf: (code: string) => (code === '00001' ? ['00009'] : [code]),
  districtOf: (code: string) => (code === '00003' ? undefined : '001'),
};
const YEARS = [2022, 2023, 2024, 2025];
const TARGETS: Record<HouseholdStatus, HouseholdStatus[]> = {
  'not-listed': ['poor', 'near-poor'], poor: ['near-poor', 'escaped'], 'near-poor': ['poor', 'escaped'], escaped: ['poor', 'near-poor'],
};

type Step = { kind: 'recognise'; year: number; pick: number } | { kind: 'relocate'; year: number; to: number; urban: boolean };
interface Plan { commune: number; urban: boolean; em: boolean; steps: Step[] }

const step = fc.oneof(
  fc.record({ kind: fc.constant('recognise' as const), year: fc.constantFrom(...YEARS), pick: fc.nat(1) }),
  fc.record({ kind: fc.constant('relocate' as const), year: fc.constantFrom(...YEARS), to: fc.nat(2), urban: fc.boolean() }),
);
const plan = fc.record({ commune: fc.nat(2), urban: fc.boolean(), em: fc.boolean(), steps: fc.array(step, { maxLength: 6 }) });

/** Where a household stands at the end of each year, followed step by step: written apart from the projection. */
interface Standing { commune: string; urban: boolean; em: boolean; status: HouseholdStatus }

function eventsAndTimeline(plans: readonly Plan[]) {
  const events: { stream: string; type: string; data: unknown }[] = [];
  const atEnd = new Map<number, Standing[]>(YEARS.map((y) => [y, []]));
  const recognitions: { year: number; commune: string; from: HouseholdStatus; to: HouseholdStatus }[] = [];
  plans.forEach((p, h) => {
    const householdId = `h${h}`;
    const stream = `household-${householdId}`;
    let now: Standing = { commune: COMMUNES[p.commune], urban: p.urban, em: p.em, status: 'not-listed' };
    events.push({ stream, type: 'HouseholdRegistered.v1', data: { householdId, registeredOn: '2022-01-01', address: { communeCode: now.commune, village: 'A' }, areaType: p.urban ? 'urban' : 'rural', ethnicMinority: p.em, memberCount: 2, policyFamily: false } });
    const steps = [...p.steps].sort((a, b) => a.year - b.year);
    for (const year of YEARS) {
      for (const s of steps.filter((x) => x.year === year)) {
        if (s.kind === 'recognise') {
          const to = TARGETS[now.status][s.pick];
          events.push({ stream, type: 'HouseholdRecognised.v1', data: { householdId, reviewYear: year, from: now.status, to, transition: transitionBetween(now.status, to), communeCode: now.commune, standardId: 'std', decision: { number: '1/QĐ', date: `${year}-12-20`, issuer: 'x' } } });
          recognitions.push({ year, commune: now.commune, from: now.status, to });
          now = { ...now, status: to };
        } else if (COMMUNES[s.to] !== now.commune) {
          events.push({ stream, type: 'HouseholdRelocated.v1', data: { householdId, from: { communeCode: now.commune, village: 'A' }, to: { communeCode: COMMUNES[s.to], village: 'B' }, areaType: s.urban ? 'urban' : 'rural', movedOn: `${year}-06-01` } });
          now = { ...now, commune: COMMUNES[s.to], urban: s.urban };
        }
      }
      atEnd.get(year)?.push(now);
    }
  });
  return { events, atEnd, recognitions };
}

const inGroup = (g: Group, s: Standing) => g === 'all' || (g === 'urban' && s.urban) || (g === 'rural' && !s.urban) || (g === 'ethnicMinority' && s.em);
const AREAS: [string, (commune: string) => boolean][] = [
  ...COMMUNES.map((c): [string, (x: string) => boolean] => [`commune:${c}:recorded`, (x) => x === c]),
  ['commune:00009:current', (x) => x === '00001'],
  ['district:001:recorded', (x) => x !== '00003'],
  ['province:01:recorded', (x) => x !== '00003'],
  ['province:02:current', (x) => x === '00003'],
];

describe('poverty statistics against a recomputation from the log', () => {
  it('for random histories of registrations, recognitions and relocations, every list, group, area and year matches', async () => {
    await fc.assert(fc.asyncProperty(fc.array(plan, { minLength: 1, maxLength: 25 }), async (plans) => {
      const { events, atEnd, recognitions } = eventsAndTimeline(plans);
      const store = new MemoryEventStore();
      for (const e of events) await store.append(e.stream, [makeEvent(e.type, e.data)], 'any');
      const docs = await replayStatistics(store, povertyStatisticsProjection(units), await store.headPosition(), {});
      for (const [key, inArea] of AREAS) {
        for (const year of YEARS) {
          const { figures } = annualFigures(docs.get(`flows:${key}`) as AreaFlowsDoc | undefined, docs.get(`denominator:${key}`) as StatisticsDenominatorDoc | undefined, year);
          for (const category of ['poor', 'near-poor'] as const) {
            for (const group of ['all', 'urban', 'rural', 'ethnicMinority'] as const) {
              const listed = (y: number) => (atEnd.get(y) ?? []).filter((s) => s.status === category && inArea(s.commune) && inGroup(group, s)).length;
              const line = figures[category][group];
              expect([key, year, category, group, line.start, line.end]).toEqual([key, year, category, group, listed(year - 1), listed(year)]);
            }
            const of = (pred: (r: (typeof recognitions)[number]) => boolean) => recognitions.filter((r) => r.year === year && inArea(r.commune) && pred(r)).length;
            expect(figures[category].all).toMatchObject({
              arising: of((r) => r.from === 'not-listed' && r.to === category),
              fallenBack: of((r) => r.from === 'escaped' && r.to === category),
              escaped: of((r) => r.from === category && r.to === 'escaped'),
            });
          }
        }
      }
    }), { numRuns: 60 });
  });
});
