import { assertNever } from '@pl/domain';
import { AreaFlowsDoc, FlowCounts, HouseholdCount, ListCategory, StatisticsDenominatorDoc } from './poverty-statistics.document';
import { addFlows, netOf, noFlows, parseCell } from './flows';

/** The groups a report splits by. */
export const GROUPS = ['all', 'urban', 'rural', 'ethnicMinority'] as const;
export type Group = (typeof GROUPS)[number];

/** One line of the annual summary: one list, one group, one year. */
export interface LineFigures extends FlowCounts {
  /** Listed at the end of the previous year. */
  readonly start: number;
  /** Listed at the end of the year: start + in - out. */
  readonly end: number;
  /** Resident households of the group (the commune counts of the year), or null where none was recorded. */
  readonly denominator: number | null;
  /** end / denominator * 100, two decimals; null without a denominator. */
  readonly ratePercent: number | null;
  /** Change from the previous year: households (end - start) and percentage points (null without both rates). */
  readonly change: { readonly households: number; readonly percentagePoints: number | null };
}

/** Both lists of an area-year, split by group. */
export type AnnualFigures = Readonly<Record<ListCategory, Readonly<Record<Group, LineFigures>>>>;

const round2 = (value: number): number => Math.round(value * 100) / 100;

const inGroup = (group: Group, cell: { areaType: string; ethnicMinority: boolean }): boolean => {
  switch (group) {
    case 'all': return true;
    case 'urban': return cell.areaType === 'urban';
    case 'rural': return cell.areaType === 'rural';
    case 'ethnicMinority': return cell.ethnicMinority;
    default: return assertNever(group, 'group');
  }
};

const countOf = (count: HouseholdCount, group: Group): number => (group === 'all' ? count.total : count[group]);

/** The group's denominator in a year: the sum over the area's communes, null if none recorded a count. */
export function denominatorOf(doc: StatisticsDenominatorDoc | undefined, year: number, group: Group): number | null {
  let sum: number | null = null;
  for (const years of Object.values(doc?.byCommune ?? {})) {
    const count = years[year];
    if (count) sum = (sum ?? 0) + countOf(count, group);
  }
  return sum;
}

/** Flows of the year and the stock at its start (the net flows of every earlier year), for each list and group. */
function flowsAndStart(area: AreaFlowsDoc | undefined, year: number) {
  const zero = () => ({ flows: noFlows(), start: 0 });
  const acc: Record<ListCategory, Record<Group, { flows: FlowCounts; start: number }>> = {
    poor: { all: zero(), urban: zero(), rural: zero(), ethnicMinority: zero() },
    'near-poor': { all: zero(), urban: zero(), rural: zero(), ethnicMinority: zero() },
  };
  const ruleSets = new Set<string>();
  for (const [y, flows] of Object.entries(area?.years ?? {})) {
    const at = Number(y);
    if (at > year) continue;
    flows.ruleSets.forEach((r) => ruleSets.add(r));
    for (const [key, counts] of Object.entries(flows.cells)) {
      const cell = parseCell(key);
      for (const group of GROUPS) {
        if (!inGroup(group, cell)) continue;
        const line = acc[cell.category][group];
        if (at === year) line.flows = addFlows(line.flows, counts);
        else line.start += netOf(counts);
      }
    }
  }
  return { acc, ruleSets: [...ruleSets].sort() };
}

/** The annual figures of an area (its flows and denominator documents) in a year, with the standards behind them. */
export function annualFigures(
  area: AreaFlowsDoc | undefined, denominators: StatisticsDenominatorDoc | undefined, year: number,
): { figures: AnnualFigures; ruleSets: string[] } {
  const { acc, ruleSets } = flowsAndStart(area, year);
  const line = (category: ListCategory, group: Group): LineFigures => {
    const { flows, start } = acc[category][group];
    const end = start + netOf(flows);
    const denominator = denominatorOf(denominators, year, group);
    const previous = denominatorOf(denominators, year - 1, group);
    const ratePercent = denominator ? round2((end / denominator) * 100) : null;
    const previousRate = previous ? round2((start / previous) * 100) : null;
    const percentagePoints = ratePercent !== null && previousRate !== null ? round2(ratePercent - previousRate) : null;
    return { start, ...flows, end, denominator, ratePercent, change: { households: end - start, percentagePoints } };
  };
  const lines = (category: ListCategory) => ({ all: line(category, 'all'), urban: line(category, 'urban'), rural: line(category, 'rural'), ethnicMinority: line(category, 'ethnicMinority') });
  return { figures: { poor: lines('poor'), 'near-poor': lines('near-poor') }, ruleSets };
}
