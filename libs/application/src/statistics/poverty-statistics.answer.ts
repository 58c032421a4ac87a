import { AnnualFigures, AreaLevel, AreaMapping, Group, LineFigures } from '@pl/projections';

/** The point of view of an answer: live, or replayed to a log position, an effective date or a recorded instant. */
export interface StatisticsView {
  readonly asOfPosition?: number;
  readonly asOf?: string;
  readonly knownAt?: string;
}

/** An area as the statistics name it. */
export interface StatisticsArea {
  readonly level: AreaLevel;
  readonly code: string;
  readonly mapping: AreaMapping;
}

/** One area-year of the annual report, with what is needed to reproduce it. */
export interface PovertyStatisticsAnswer {
  readonly area: StatisticsArea;
  readonly year: number;
  /** The log position the figures reflect: ask again with `asOfPosition` for the same answer. */
  readonly position: number;
  readonly projection: { readonly name: string; readonly version: number };
  /** Poverty standards of the decisions behind the figures. */
  readonly ruleSets: readonly string[];
  readonly view: StatisticsView;
  readonly poor: Readonly<Record<Group, LineFigures>>;
  readonly nearPoor: Readonly<Record<Group, LineFigures>>;
}

/** Several area-years read at one position. */
export interface PovertyStatisticsList {
  readonly position: number;
  readonly items: readonly PovertyStatisticsAnswer[];
}

/** Both lists of a figures object under the answer's names. */
export const listsOf = (figures: AnnualFigures) => ({ poor: figures.poor, nearPoor: figures['near-poor'] });
