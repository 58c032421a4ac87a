import { CommuneEventType, CommuneHouseholdCountRecorded, HouseholdEvent, HouseholdEventType, HouseholdStatus, assertNever } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { Draft, Projection, Read } from '../../projection';
import { FlowName, bump, cellKey } from './flows';
import {
  AreaFlowsDoc, ListCategory, PovertyStatisticsDoc, StatisticsDenominatorDoc, StatisticsMemberDoc, denominatorId, flowsId, memberId,
} from './poverty-statistics.document';
import { StatisticsUnits, areaKeysOf } from './statistics-areas';

/** Name and version of the poverty statistics read model; its live collection is `collectionOf(povertyStatistics)`. */
export const povertyStatistics = { name: 'poverty-statistics', version: 2 } as const;

type HouseholdStatisticsEvent = Extract<HouseholdEvent, { type: 'HouseholdRegistered.v1' | 'HouseholdRecognised.v1' | 'HouseholdRelocated.v1' | 'HouseholdDissolved.v1' }>;

const listed = (s: HouseholdStatus): s is ListCategory => s === 'poor' || s === 'near-poor';
const yearOf = (date: string): number => Number(date.slice(0, 4));

/** One counter an event raises: a flow of a list, in a commune's areas, in a year, for a segment. */
interface Count {
  readonly communeCode: string;
  readonly year: number;
  readonly category: ListCategory;
  readonly segment: Pick<StatisticsMemberDoc, 'areaType' | 'ethnicMinority'>;
  readonly flow: FlowName;
  readonly ruleSet?: string;
}

/**
 * What a household event counts, given the household's standing before it (its member document).
 * Recognition of review year Y in the commune recorded on it: leaving a list counts `escaped` or
 * `switchedOut`, entering one `arising`, `fallenBack` or `switchedIn`, in the household's segment.
 * A listed household relocating counts `movedOut` of its commune and `movedIn` to the new one (in
 * its new segment) in the year of the move; a listed household dissolved counts `dissolved`.
 */
function countsOf(event: HouseholdStatisticsEvent, m: StatisticsMemberDoc): Count[] {
  switch (event.type) {
    case HouseholdEventType.Registered:
      return [];
    case HouseholdEventType.Recognised: {
      const d = event.data;
      const counts: Count[] = [];
      const at = { communeCode: d.communeCode, year: d.reviewYear, segment: m, ruleSet: d.standardId };
      if (listed(d.from)) counts.push({ ...at, category: d.from, flow: d.to === 'escaped' ? 'escaped' : 'switchedOut' });
      if (listed(d.to)) counts.push({ ...at, category: d.to, flow: d.transition === 'newly-arising' ? 'arising' : d.transition === 'fallen-back' ? 'fallenBack' : 'switchedIn' });
      return counts;
    }
    case HouseholdEventType.Relocated: {
      const d = event.data;
      if (!listed(m.status) || m.dissolved) return [];
      const year = yearOf(d.movedOn);
      return [
        { communeCode: m.communeCode, year, category: m.status, segment: m, flow: 'movedOut' },
        { communeCode: d.to.communeCode, year, category: m.status, segment: { areaType: d.areaType, ethnicMinority: m.ethnicMinority }, flow: 'movedIn' },
      ];
    }
    case HouseholdEventType.Dissolved:
      return listed(m.status) && !m.dissolved ? [{ communeCode: m.communeCode, year: yearOf(event.data.dissolvedOn), category: m.status, segment: m, flow: 'dissolved' }] : [];
    default:
      return assertNever(event, 'statistics household event');
  }
}

/** The household's standing after the event. */
function nextMember(m: StatisticsMemberDoc | null, event: HouseholdStatisticsEvent, position: number): Draft<StatisticsMemberDoc> {
  if (event.type === HouseholdEventType.Registered) {
    const d = event.data;
    return { _id: memberId(d.householdId), kind: 'member', communeCode: d.address.communeCode, areaType: d.areaType, ethnicMinority: d.ethnicMinority, status: 'not-listed', dissolved: false };
  }
  if (!m) throw new Error(`${event.type} at position ${position} for a household the statistics have not seen registered`);
  switch (event.type) {
    case HouseholdEventType.Recognised:
      return { ...m, communeCode: event.data.communeCode, status: event.data.to };
    case HouseholdEventType.Relocated:
      return { ...m, communeCode: event.data.to.communeCode, areaType: event.data.areaType };
    case HouseholdEventType.Dissolved:
      return { ...m, dissolved: true };
    default:
      return assertNever(event, 'statistics household event');
  }
}

/**
 * Poverty statistics (docs/domain-rules.md §2), as three kinds of documents:
 * - `member:<householdId>`: each household's commune, segment (urban/rural from `areaType`,
 *   ethnic minority from registration) and status, from `HouseholdRegistered.v1`,
 *   `HouseholdRecognised.v1`, `HouseholdRelocated.v1` and `HouseholdDissolved.v1`;
 * - `flows:<areaKey>`: what those events counted in each year for one area (see `countsOf`), and
 *   the standards (`standardId`) the year's decisions used;
 * - `denominator:<areaKey>`: the communes' household counts per year from
 *   `CommuneHouseholdCountRecorded.v1`, a later record winning.
 * A year's end = start + arising + fallenBack + switchedIn + movedIn - escaped - switchedOut - movedOut
 * - dissolved, and start of Y = end of Y-1 (so end of Y sums the flows of every year up to Y).
 * A household event reads the household's member document (its standing before the event) to
 * count it where it was, and changes that document and the flows documents of the areas it counts
 * in: the cost of an event does not grow with the registry. Events are expected in time order per
 * household (the decider's order); a year is the review year of a decision and the calendar year
 * of a move or a dissolution.
 */
export function povertyStatisticsProjection(units: StatisticsUnits): Projection<PovertyStatisticsDoc> {
  // The catalogue is fixed for the life of the projection: each commune-year's areas are worked out once.
  const areas = new Map<string, readonly string[]>();
  const areaKeys = (communeCode: string, year: number): readonly string[] => {
    const key = `${communeCode}|${year}`;
    let found = areas.get(key);
    if (!found) areas.set(key, (found = areaKeysOf(units, communeCode, year)));
    return found;
  };

  const memberOf = (event: RecordedEvent, read: Read<PovertyStatisticsDoc>): StatisticsMemberDoc | null => {
    const doc = read(memberId((event.data as { householdId: string }).householdId));
    return doc?.kind === 'member' ? doc : null;
  };

  // An event's counts are asked for by its keys and by each area document it changes: work them out once.
  let last: { event: RecordedEvent; member: StatisticsMemberDoc | null; counts: Count[] } | undefined;
  const countsFor = (event: RecordedEvent, read: Read<PovertyStatisticsDoc>): Count[] => {
    const member = memberOf(event, read);
    if (last?.event !== event || last.member !== member) last = { event, member, counts: member ? countsOf(event as HouseholdStatisticsEvent, member) : [] };
    return last.counts;
  };

  function evolveFlows(doc: AreaFlowsDoc | null, id: string, counts: readonly Count[]): Draft<AreaFlowsDoc> {
    const areaKey = id.slice('flows:'.length);
    let years = doc?.years ?? {};
    for (const c of counts) {
      if (!areaKeys(c.communeCode, c.year).includes(areaKey)) continue;
      years = { ...years, [c.year]: bump(years[c.year], cellKey(c.category, c.segment.areaType, c.segment.ethnicMinority), c.flow, c.ruleSet) };
    }
    return { _id: id, kind: 'flows', areaKey, years };
  }

  function evolveDenominator(doc: StatisticsDenominatorDoc | null, recorded: RecordedEvent, id: string): Draft<StatisticsDenominatorDoc> {
    const d = (recorded.data as CommuneHouseholdCountRecorded['data']);
    const base: Draft<StatisticsDenominatorDoc> = doc ?? { _id: id, kind: 'denominator', areaKey: id.slice('denominator:'.length), byCommune: {} };
    const years = { ...(base.byCommune[d.communeCode] ?? {}), [d.year]: { total: d.total, urban: d.urban, rural: d.rural, ethnicMinority: d.ethnicMinority } };
    return { ...base, byCommune: { ...base.byCommune, [d.communeCode]: years } };
  }

  return {
    ...povertyStatistics,
    handles: new Set<string>([
      HouseholdEventType.Registered, HouseholdEventType.Recognised, HouseholdEventType.Relocated, HouseholdEventType.Dissolved,
      CommuneEventType.HouseholdCountRecorded,
    ]),
    // Queries list the areas with figures by kind.
    indexes: [{ fields: ['kind'] }],
    reads: (event) => (event.type === CommuneEventType.HouseholdCountRecorded ? [] : [memberId((event.data as { householdId: string }).householdId)]),
    keys: (event, read) => {
      if (event.type === CommuneEventType.HouseholdCountRecorded) {
        const d = event.data as CommuneHouseholdCountRecorded['data'];
        return areaKeys(d.communeCode, d.year).map(denominatorId);
      }
      const flows = new Set(countsFor(event, read).flatMap((c) => areaKeys(c.communeCode, c.year)));
      return [memberId((event.data as { householdId: string }).householdId), ...[...flows].map(flowsId)];
    },
    evolve: (doc, event, id, read) => {
      if (event.type === CommuneEventType.HouseholdCountRecorded) return evolveDenominator(doc as StatisticsDenominatorDoc | null, event, id);
      if (id.startsWith('member:')) return nextMember(doc as StatisticsMemberDoc | null, event as HouseholdStatisticsEvent, event.position);
      return evolveFlows(doc as AreaFlowsDoc | null, id, countsFor(event, read));
    },
  };
}
