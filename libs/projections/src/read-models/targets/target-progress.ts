import { HouseholdRegistryDoc } from '../household-registry/household-registry.document';
import { DirectiveTargetsDoc } from './targets.document';

/** A directive's contribution to an area's target of a year. */
export interface TargetSource {
  readonly directiveId: string;
  readonly number: string;
  readonly reducePoor: number | null;
  readonly reduceNearPoor: number | null;
}

/** Targets against what the registry recorded in an area and a year. */
export interface TargetProgress {
  readonly areaCode: string;
  readonly year: number;
  readonly target: { readonly reducePoor: number; readonly reduceNearPoor: number };
  /** Recognitions decided in `year`: from poor to any other status, and from near-poor off the lists (escaped or not-listed). */
  readonly achieved: { readonly leftPoor: number; readonly leftNearPoor: number };
  /** achieved / target in percent to 2 decimals; null without a target. */
  readonly percent: { readonly reducePoor: number | null; readonly reduceNearPoor: number | null };
  readonly sources: readonly TargetSource[];
}

const percent = (done: number, target: number): number | null => (target > 0 ? Math.round((done / target) * 10_000) / 100 : null);

/**
 * Targets of unrevoked directives summed, against exits counted from the registry's history by
 * the year of the decision, a decision being what takes a household off a list.
 */
export function targetProgress(areaCode: string, year: number, directives: readonly DirectiveTargetsDoc[], households: readonly HouseholdRegistryDoc[]): TargetProgress {
  const sources = directives
    .filter((d) => d.revokedOn === null)
    .flatMap((d) => d.targets.filter((t) => t.areaCode === areaCode && t.year === year)
      .map((t) => ({ directiveId: d.directiveId, number: d.number, reducePoor: t.reducePoor, reduceNearPoor: t.reduceNearPoor })));
  const target = {
    reducePoor: sources.reduce((n, s) => n + (s.reducePoor ?? 0), 0),
    reduceNearPoor: sources.reduce((n, s) => n + (s.reduceNearPoor ?? 0), 0),
  };
  let leftPoor = 0;
  let leftNearPoor = 0;
  for (const h of households) {
    for (const c of h.history) {
      if (Number(c.decision.date.slice(0, 4)) !== year) continue;
      if (c.from === 'poor' && c.to !== 'poor') leftPoor++;
      if (c.from === 'near-poor' && (c.to === 'escaped' || c.to === 'not-listed')) leftNearPoor++;
    }
  }
  return {
    areaCode, year, target, achieved: { leftPoor, leftNearPoor },
    percent: { reducePoor: percent(leftPoor, target.reducePoor), reduceNearPoor: percent(leftNearPoor, target.reduceNearPoor) },
    sources,
  };
}
