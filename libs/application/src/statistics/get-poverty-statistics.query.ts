import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@pl/event-store';
import { AreaMapping, ProjectionRunner, annualFigures, areaKeyOf, povertyStatistics, povertyStatisticsProjection } from '@pl/projections';
import { READ_STORE, ReadStore } from '@pl/read-store';
import { UNIT_DIRECTORY, UnitDirectory } from '../wiring/unit-directory';
import { PovertyStatisticsAnswer, PovertyStatisticsList, StatisticsArea, StatisticsView, listsOf } from './poverty-statistics.answer';
import { StatisticsSnapshot, StatisticsSource } from './statistics-source';
import { statisticsUnitsOf } from './statistics-units';

/** Which areas to report: named ones, or every commune of a province the read model knows. */
export type StatisticsAreas =
  | { readonly by: 'areas'; readonly areas: readonly StatisticsArea[] }
  | { readonly by: 'province-communes'; readonly provinceCode: string; readonly mapping: AreaMapping };

/** The annual poverty figures of areas in a review year, live or as of a position, date or instant. */
export class GetPovertyStatistics extends Query<PovertyStatisticsList> {
  constructor(readonly areas: StatisticsAreas, readonly year: number, readonly view: StatisticsView) {
    super();
  }
}

@QueryHandler(GetPovertyStatistics)
export class GetPovertyStatisticsHandler implements IQueryHandler<GetPovertyStatistics, PovertyStatisticsList> {
  private readonly source: StatisticsSource;

  constructor(
    @Inject(EVENT_STORE) events: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(ProjectionRunner) runner: ProjectionRunner,
    @Inject(UNIT_DIRECTORY) private readonly units: UnitDirectory,
  ) {
    this.source = new StatisticsSource(events, readStore, runner, povertyStatisticsProjection(statisticsUnitsOf(units)));
  }

  async execute({ areas, year, view }: GetPovertyStatistics): Promise<PovertyStatisticsList> {
    const snapshot = await this.source.snapshot(view);
    const targets = areas.by === 'areas' ? areas.areas : this.communesOf(snapshot, areas.provinceCode, areas.mapping, year);
    const items: PovertyStatisticsAnswer[] = [];
    for (const area of targets) {
      const key = areaKeyOf(area.level, area.code, area.mapping);
      // One flows and one denominator document per area: cheap enough to work out on every answer.
      const { figures, ruleSets } = annualFigures(snapshot.flows.get(key), snapshot.denominators.get(key), year);
      items.push({
        area, year, position: snapshot.position, projection: { name: povertyStatistics.name, version: povertyStatistics.version },
        ruleSets, view, ...listsOf(figures),
      });
    }
    return { position: snapshot.position, items };
  }

  /** Communes of a province that have figures, found from the areas with flows (the catalogue lists no members). */
  private communesOf(snapshot: StatisticsSnapshot, provinceCode: string, mapping: AreaMapping, year: number): StatisticsArea[] {
    const codes = new Set<string>();
    const suffix = `:${mapping}`;
    for (const key of snapshot.flows.keys()) {
      if (key.startsWith('commune:') && key.endsWith(suffix)) codes.add(key.split(':')[1]);
    }
    const onDate = mapping === 'recorded' ? `${year}-12-31` : undefined;
    return [...codes].filter((c) => this.units.provinceOf(c, onDate) === provinceCode).sort().map((code) => ({ level: 'commune', code, mapping }));
  }
}
