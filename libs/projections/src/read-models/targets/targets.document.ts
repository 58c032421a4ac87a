import { Document } from '@pl/read-store';

/** One yearly target of a directive, placed in an area: the target's own area, else the issuer's. */
export interface AreaTarget {
  readonly areaCode: string | null;
  readonly year: number;
  readonly reducePoor: number | null;
  readonly reduceNearPoor: number | null;
  readonly smartphoneCoveragePercent: number | null;
}

/** The targets one directive sets, as last amended; one document per directive so an amendment replaces them whole. */
export interface DirectiveTargetsDoc extends Document {
  readonly directiveId: string;
  readonly number: string;
  readonly issuerCode: string | null;
  readonly targets: readonly AreaTarget[];
  /** `<areaCode>:<year>` of every target, so a query finds the directives of an area and year by one index. */
  readonly areaYears: readonly string[];
  readonly revokedOn: string | null;
}

export const areaYearKey = (areaCode: string, year: number): string => `${areaCode}:${year}`;
