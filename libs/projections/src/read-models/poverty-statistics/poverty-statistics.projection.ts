import { CommuneEventType, CommuneHouseholdCountRecorded, HouseholdEvent, HouseholdEventType, HouseholdStatus, assertNever } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { Draft, Projection } from '../../projection';
import { FlowName, bump, cellKey } from './flows';
import {
  AreaYearFlows, ListCategory, PovertyStatisticsDoc, StatisticsDenominatorDoc, StatisticsMember, StatisticsShardDoc,
} from './poverty-statistics.document';
import { StatisticsUnits, areaKeysOf, denominatorId, shardOf } from './statistics-areas';

/** Name and version of the poverty statistics read model; its live collection is `collectionOf(povertyStatistics)`. */
export const povertyStatistics = { name: 'poverty-statistics', version: 1 } as const;

type StatisticsEvent = Extract<HouseholdEvent, { type: 'HouseholdRegistered.v1' | 'HouseholdRecognised.v1' | 'HouseholdRelocated.v1' | 'HouseholdDissolved.v1' }>
  | CommuneHouseholdCountRecorded;

const listed = (s: HouseholdStatus): s is ListCategory => s === 'poor' || s === 'near-poor';
const yearOf = (date: string): number => Number(date.slice(0, 4));

/**
 * Poverty statistics (docs/domain-rules.md §2), from these events only:
 * - `HouseholdRegistered.v1` and `HouseholdRelocated.v1` give a household's commune and segment
 *   (urban/rural from `areaType`, ethnic minority from registration);
 * - `HouseholdRecognised.v1` of review year Y in the commune recorded on it: leaving a list counts
 *   `escaped` (to escaped) or `switchedOut` (to the other list); entering one counts `arising`
 *   (newly-arising), `fallenBack` (fallen-back) or `switchedIn` (near-poor-to-poor, poor-to-near-poor);
 *   each in the segment the household has at that moment, and its `standardId` joins the year's rule sets;
 * - a listed household relocating in year Y counts `movedOut` of the old commune and `movedIn` to the
 *   new one (in its new segment); a listed household dissolved in year Y counts `dissolved`;
 * - `CommuneHouseholdCountRecorded.v1` gives the denominator of (commune, year); a later record wins.
 * A year's end = start + arising + fallenBack + switchedIn + movedIn - escaped - switchedOut - movedOut
 * - dissolved, and start of Y = end of Y-1 (so end of Y sums the flows of every year up to Y).
 * Events are expected in time order per household (the decider's order); a year is the review year
 * of a decision and the calendar year of a move or a dissolution.
 */
export function povertyStatisticsProjection(units: StatisticsUnits): Projection<PovertyStatisticsDoc> {
  function withFlow(doc: Draft<StatisticsShardDoc>, commune: string, year: number, category: ListCategory, member: Pick<StatisticsMember, 'areaType' | 'ethnicMinority'>, flow: FlowName, ruleSet?: string): Draft<StatisticsShardDoc> {
    const flows = { ...doc.flows };
    const cell = cellKey(category, member.areaType, member.ethnicMinority);
    for (const key of areaKeysOf(units, commune, year)) {
      const years: Record<string, AreaYearFlows> = { ...(flows[key] ?? {}) };
      years[year] = bump(years[year], cell, flow, ruleSet);
      flows[key] = years;
    }
    return { ...doc, flows };
  }

  function evolveShard(doc: StatisticsShardDoc | null, recorded: RecordedEvent, id: string): Draft<StatisticsShardDoc> {
    let next: Draft<StatisticsShardDoc> = doc ?? { _id: id, kind: 'shard', members: {}, flows: {} };
    const event = { type: recorded.type, data: recorded.data } as Exclude<StatisticsEvent, CommuneHouseholdCountRecorded>;
    if (event.type === HouseholdEventType.Registered) {
      const d = event.data;
      const member: StatisticsMember = { communeCode: d.address.communeCode, areaType: d.areaType, ethnicMinority: d.ethnicMinority, status: 'not-listed', dissolved: false };
      return { ...next, members: { ...next.members, [d.householdId]: member } };
    }
    const m = next.members[event.data.householdId];
    if (!m) throw new Error(`${recorded.type} at position ${recorded.position} for a household the statistics have not seen registered`);
    const put = (member: StatisticsMember) => { next = { ...next, members: { ...next.members, [event.data.householdId]: member } }; };
    switch (event.type) {
      case HouseholdEventType.Recognised: {
        const d = event.data;
        if (listed(d.from)) next = withFlow(next, d.communeCode, d.reviewYear, d.from, m, d.to === 'escaped' ? 'escaped' : 'switchedOut', d.standardId);
        if (listed(d.to)) {
          const flow: FlowName = d.transition === 'newly-arising' ? 'arising' : d.transition === 'fallen-back' ? 'fallenBack' : 'switchedIn';
          next = withFlow(next, d.communeCode, d.reviewYear, d.to, m, flow, d.standardId);
        }
        put({ ...m, communeCode: d.communeCode, status: d.to });
        return next;
      }
      case HouseholdEventType.Relocated: {
        const d = event.data;
        const moved: StatisticsMember = { ...m, communeCode: d.to.communeCode, areaType: d.areaType };
        if (listed(m.status) && !m.dissolved) {
          next = withFlow(next, m.communeCode, yearOf(d.movedOn), m.status, m, 'movedOut');
          next = withFlow(next, moved.communeCode, yearOf(d.movedOn), m.status, moved, 'movedIn');
        }
        put(moved);
        return next;
      }
      case HouseholdEventType.Dissolved:
        if (listed(m.status) && !m.dissolved) next = withFlow(next, m.communeCode, yearOf(event.data.dissolvedOn), m.status, m, 'dissolved');
        put({ ...m, dissolved: true });
        return next;
      default:
        return assertNever(event, 'statistics household event');
    }
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
    indexes: [],
    keys: (event) => {
      if (event.type === CommuneEventType.HouseholdCountRecorded) {
        const d = event.data as CommuneHouseholdCountRecorded['data'];
        return areaKeysOf(units, d.communeCode, d.year).map(denominatorId);
      }
      return [shardOf((event.data as { householdId: string }).householdId)];
    },
    evolve: (doc, event, id) => (event.type === CommuneEventType.HouseholdCountRecorded
      ? evolveDenominator(doc as StatisticsDenominatorDoc | null, event, id)
      : evolveShard(doc as StatisticsShardDoc | null, event, id)),
  };
}
