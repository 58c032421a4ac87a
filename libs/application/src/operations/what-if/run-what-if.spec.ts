import { HouseholdEvent, classify, fold, householdDecider, householdUpcasters, householdStream, vnd } from '@pl/domain';
import { MemoryEventStore, RecordedEvent, UpcastingEventStore } from '@pl/event-store';
import { UnitLookup } from '@pl/projections';
import { Standing } from './judge';
import { runWhatIf } from './run-what-if';
import { SeededHousehold, seedRegistry } from './what-if.seed';

// Commune 00002 was merged into 00001; communes 1xxxx lie in province 10, the others in 01.
const units: UnitLookup = {
  provinceOf: (code) => (code.startsWith('1') ? '10' : '01'),
  currentUnitsOf: (code) => (code === '00002' ? ['00001'] : [code]),
};

const DROPPED_BY_2026 = ['information-assets'];

/** The 2026-2030 what-if written out by hand: surveys as recorded, unknown indicators left out, statuses mapped to lists. */
function recompute(households: readonly SeededHousehold[]): Map<string, { from: Standing; to: Standing }> {
  const out = new Map<string, { from: Standing; to: Standing }>();
  for (const h of households) {
    const deficient = h.deficient.filter((code) => !DROPPED_BY_2026.includes(code));
    const { category } = classify({ standardId: '2026-2030', areaType: h.areaType, incomePerPersonMonthly: vnd(h.income), deficientIndicators: deficient });
    const to: Standing = category === 'poor' || category === 'near-poor' ? category : 'none';
    const from: Standing = h.status === 'poor' || h.status === 'near-poor' ? h.status : 'none';
    out.set(h.id, { from, to });
  }
  return out;
}

const countsOf = (pairs: Iterable<{ from: Standing; to: Standing }>) => {
  const counts: Record<string, number> = {};
  for (const { from, to } of pairs) counts[`${from}->${to}`] = (counts[`${from}->${to}`] ?? 0) + 1;
  return counts;
};

const nonZero = (transitions: Record<string, Record<string, number>>) =>
  Object.fromEntries(Object.entries(transitions).flatMap(([from, row]) => Object.entries(row).filter(([, n]) => n > 0).map(([to, n]) => [`${from}->${to}`, n])));

async function everything(store: MemoryEventStore): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const batch of store.readAll()) out.push(...batch);
  return out;
}

describe('what-if of the 2026-2030 standard on 2026-12-31', () => {
  let raw: MemoryEventStore;
  let store: UpcastingEventStore;
  let seeded: SeededHousehold[];
  const run = (areaCode?: string) =>
    runWhatIf(store, units, { rule: { kind: 'national', standardId: '2026-2030' }, asOf: '2026-12-31', ...(areaCode ? { areaCode } : {}) });

  beforeAll(async () => {
    raw = new MemoryEventStore();
    store = new UpcastingEventStore(raw, householdUpcasters);
    seeded = await seedRegistry(store, 45);
  });

  it('given a seeded history, when run, then the matrix equals a recomputation by hand', async () => {
    const expected = recompute(seeded);
    const report = await run();

    expect(report.totals.moved).toBeGreaterThan(5);
    expect(report.totals.unchanged).toBeGreaterThan(5);
    expect(nonZero(report.totals.transitions)).toEqual(countsOf(expected.values()));
    expect(report.households).toEqual({ considered: 45, classified: 45, notAssessed: 0 });
    expect(report.totals.moved).toBe([...expected.values()].filter((t) => t.from !== t.to).length);
    expect(report.moves.map((m) => [m.householdId, m.from, m.to])).toEqual(
      [...expected].filter(([, t]) => t.from !== t.to).map(([id, t]) => [id, t.from, t.to]),
    );
  });

  it('then each commune and province holds the recomputation of its own households', async () => {
    const expected = recompute(seeded);
    const report = await run();
    const inCommune = (code: string) => seeded.filter((h) => h.communeCode === code).map((h) => expected.get(h.id)!);
    const byCommune = Object.fromEntries(report.provinces.flatMap((p) => p.communes.map((c) => [c.communeCode, nonZero(c.matrix.transitions)])));
    expect(byCommune).toEqual({ '00001': countsOf(inCommune('00001')), '00002': countsOf(inCommune('00002')), '10001': countsOf(inCommune('10001')) });
    expect(report.provinces.map((p) => [p.provinceCode, p.matrix.households])).toEqual([['01', 30], ['10', 15]]);
    expect(report.provinces[0].communes.find((c) => c.communeCode === '00002')?.currentCommuneCodes).toEqual(['00001']);
  });

  it('then v1 and v2 surveys alike are judged with the three indicators 2022-2025 never had', async () => {
    const report = await run();
    expect(seeded.some((h) => h.storedAsV1) && seeded.some((h) => !h.storedAsV1)).toBe(true);
    expect(report.indicators.householdsWithMissingIndicators).toBe(45);
    expect(report.indicators.missing).toEqual({ 'digital-services': 45, 'internet-access': 45, 'waste-handling': 45 });
    const droppedHouseholds = seeded.filter((h) => h.deficient.includes('information-assets')).length;
    expect(droppedHouseholds).toBeGreaterThan(0);
    expect(report.indicators).toMatchObject({ householdsWithDroppedIndicators: droppedHouseholds, dropped: { 'information-assets': droppedHouseholds } });
  });

  it('when run on 2027-12-31, then the 2027 surveys under 2026-2030 are used and miss nothing', async () => {
    const report = await runWhatIf(store, units, { rule: { kind: 'national', standardId: '2026-2030' }, asOf: '2027-12-31' });
    const later = seeded.filter((h) => h.laterReview).length;
    expect(later).toBeGreaterThan(0);
    expect(report.households.considered).toBe(46);
    expect(report.households.notAssessed).toBe(1);
    expect(report.indicators.householdsWithMissingIndicators).toBe(45 - later);
  });

  it('when limited to a commune merged into another, then today\'s commune covers both; a province covers its own', async () => {
    const merged = await run('00001');
    expect(merged.totals.households).toBe(seeded.filter((h) => h.communeCode !== '10001').length);
    expect((await run('10')).totals.households).toBe(15);
  });

  it('then the log is read and nothing is written: same head, same stored events, the v1 rows as stored', async () => {
    const before = structuredClone(await everything(raw));
    await run();
    const after = await everything(raw);
    expect(after).toEqual(before);
    expect(await raw.headPosition()).toBe(before[before.length - 1].position);
    expect(after.filter((e) => e.type === 'HouseholdAssessed.v1')).toHaveLength(seeded.filter((h) => h.storedAsV1).length);
  });

  it('given a stored v1 survey, then the decider folds it: the 2024 recognition of that household was accepted', async () => {
    const v1Listed = seeded.find((h) => h.storedAsV1 && h.status !== 'not-listed');
    expect(v1Listed).toBeDefined();
    const stored = (await raw.readStream(householdStream(v1Listed!.id))).map((e) => e.type);
    const read = await store.readStream(householdStream(v1Listed!.id));
    expect(stored.slice(0, 3)).toEqual(['HouseholdRegistered.v1', 'HouseholdAssessed.v1', 'HouseholdRecognised.v1']);
    expect(read[1]).toMatchObject({ type: 'HouseholdAssessed.v2', data: { indicatorsAssessed: expect.arrayContaining(['information-assets']) } });
    const state = fold(householdDecider, read.map((e) => ({ type: e.type, data: e.data }) as HouseholdEvent));
    expect(state).toMatchObject({ registered: true, status: v1Listed!.laterReview ? expect.any(String) : v1Listed!.status });
  });
});
