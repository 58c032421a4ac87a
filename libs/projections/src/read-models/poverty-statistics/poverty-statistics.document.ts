import { AreaType, HouseholdStatus } from '@pl/domain';
import { Document } from '@pl/read-store';

/** The two lists the annual report counts: hộ nghèo and hộ cận nghèo. */
export type ListCategory = 'poor' | 'near-poor';

/** Administrative level of a reported area; districts are historical (before 1 July 2025). */
export type AreaLevel = 'commune' | 'district' | 'province';

/** Units as recorded on the events, or mapped to today's units. */
export type AreaMapping = 'recorded' | 'current';

/** How many households entered or left one list in one year, for one area and one segment. */
export interface FlowCounts {
  /** Phát sinh mới: not-listed -> this list. */
  readonly arising: number;
  /** Tái nghèo: escaped -> this list. */
  readonly fallenBack: number;
  /** Thoát nghèo: this list -> escaped. */
  readonly escaped: number;
  /** Came from the other list (near-poor -> poor, or poor -> near-poor). */
  readonly switchedIn: number;
  /** Left for the other list. */
  readonly switchedOut: number;
  /** Listed households that moved into the area. */
  readonly movedIn: number;
  /** Listed households that moved out of the area. */
  readonly movedOut: number;
  /** Listed households dissolved. */
  readonly dissolved: number;
}

/** A household as the statistics need it: where it is, its segment and its status. */
export interface StatisticsMemberDoc extends Document {
  readonly kind: 'member';
  readonly communeCode: string;
  readonly areaType: AreaType;
  readonly ethnicMinority: boolean;
  readonly status: HouseholdStatus;
  readonly dissolved: boolean;
}

/** Flows of one area in one year: cells keyed `<category>|<areaType>|<em|other>`, and the standards used. */
export interface AreaYearFlows {
  readonly cells: Readonly<Record<string, FlowCounts>>;
  readonly ruleSets: readonly string[];
}

/**
 * The flows of one area key (`<level>:<code>:<mapping>`) in every year: what a query of an
 * area reads, one document however many households the area has.
 */
export interface AreaFlowsDoc extends Document {
  readonly kind: 'flows';
  readonly areaKey: string;
  readonly years: Readonly<Record<string, AreaYearFlows>>;
}

/** A commune's household count of one year, as the latest record (a correction supersedes) gives it. */
export interface HouseholdCount {
  readonly total: number;
  readonly urban: number;
  readonly rural: number;
  readonly ethnicMinority: number;
}

/** The denominators of one area key: the count of each of its communes (as recorded) per year. */
export interface StatisticsDenominatorDoc extends Document {
  readonly kind: 'denominator';
  readonly areaKey: string;
  readonly byCommune: Readonly<Record<string, Readonly<Record<string, HouseholdCount>>>>;
}

/** Every document of the poverty statistics read model. */
export type PovertyStatisticsDoc = StatisticsMemberDoc | AreaFlowsDoc | StatisticsDenominatorDoc;

/** Key of an area in the read model. */
export const areaKeyOf = (level: AreaLevel, code: string, mapping: AreaMapping): string => `${level}:${code}:${mapping}`;

/** Id of a household's member document. */
export const memberId = (householdId: string): string => `member:${householdId}`;

/** Id of the flows document of an area key. */
export const flowsId = (areaKey: string): string => `flows:${areaKey}`;

/** Id of the denominator document of an area key. */
export const denominatorId = (areaKey: string): string => `denominator:${areaKey}`;
