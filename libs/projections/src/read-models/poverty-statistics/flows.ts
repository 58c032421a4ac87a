import { AreaType } from '@pl/domain';
import { AreaYearFlows, FlowCounts, ListCategory } from './poverty-statistics.document';

/** Flows that add to a list, and flows that take from it: start + in - out = end. */
export const INFLOWS = ['arising', 'fallenBack', 'switchedIn', 'movedIn'] as const;
export const OUTFLOWS = ['escaped', 'switchedOut', 'movedOut', 'dissolved'] as const;
export type FlowName = (typeof INFLOWS)[number] | (typeof OUTFLOWS)[number];

export const noFlows = (): FlowCounts => ({ arising: 0, fallenBack: 0, escaped: 0, switchedIn: 0, switchedOut: 0, movedIn: 0, movedOut: 0, dissolved: 0 });

/** In minus out. */
export const netOf = (f: FlowCounts): number =>
  INFLOWS.reduce((sum, k) => sum + f[k], 0) - OUTFLOWS.reduce((sum, k) => sum + f[k], 0);

export const addFlows = (a: FlowCounts, b: FlowCounts): FlowCounts => ({
  arising: a.arising + b.arising, fallenBack: a.fallenBack + b.fallenBack, escaped: a.escaped + b.escaped,
  switchedIn: a.switchedIn + b.switchedIn, switchedOut: a.switchedOut + b.switchedOut,
  movedIn: a.movedIn + b.movedIn, movedOut: a.movedOut + b.movedOut, dissolved: a.dissolved + b.dissolved,
});

/** Key of a cell: one list, one area type, ethnic minority or not. */
export const cellKey = (category: ListCategory, areaType: AreaType, ethnicMinority: boolean): string =>
  `${category}|${areaType}|${ethnicMinority ? 'em' : 'other'}`;

export const parseCell = (key: string): { category: ListCategory; areaType: AreaType; ethnicMinority: boolean } => {
  const [category, areaType, em] = key.split('|');
  return { category: category as ListCategory, areaType: areaType as AreaType, ethnicMinority: em === 'em' };
};

/** The year's flows with one counter raised (a new object along the changed path only). */
export function bump(year: AreaYearFlows | undefined, cell: string, flow: FlowName, ruleSet?: string): AreaYearFlows {
  const base = year ?? { cells: {}, ruleSets: [] };
  const counts = base.cells[cell] ?? noFlows();
  const ruleSets = ruleSet && !base.ruleSets.includes(ruleSet) ? [...base.ruleSets, ruleSet].sort() : base.ruleSets;
  return { cells: { ...base.cells, [cell]: { ...counts, [flow]: counts[flow] + 1 } }, ruleSets };
}
