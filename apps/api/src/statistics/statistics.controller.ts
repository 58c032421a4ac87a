import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  AccessPolicy, GetPovertyStatistics, GetSupportCoverage, PovertyStatisticsAnswer, PovertyStatisticsList, Principal, StatisticsAreas,
  StatisticsView, UNIT_DIRECTORY, UnitDirectory,
} from '@pl/application';
import { invalid, isoDate } from '@pl/domain';
import { Coverage } from '@pl/projections';
import { Caller, Requires } from '../auth/auth.decorators';
import { AcceptsMinPosition } from '../http/min-position';
import { TagCached } from '../http/tag-cache';
import { CoverageAliasQueryDto } from './dto/coverage-alias-query.dto';
import { PovertyExportQueryDto, PovertyListQueryDto, PovertyQueryDto } from './dto/poverty-query.dto';
import { StatisticsViewDto } from './dto/statistics-fields';
import { annualSummaryCsv } from './exports/annual-summary.csv';
import { summaryFileName } from './exports/annual-summary.layout';
import { annualSummaryXlsx } from './exports/annual-summary.xlsx';
import { authorizedArea } from './statistics-area';

/** The edge's clock: "today" is read here, never in a projection. */
const today = (): string => new Date().toISOString().slice(0, 10);

const viewOf = (q: StatisticsViewDto): StatisticsView => ({
  ...(q.asOfPosition !== undefined ? { asOfPosition: q.asOfPosition } : {}),
  ...(q.asOf !== undefined ? { asOf: isoDate(q.asOf, 'asOf') } : {}),
  ...(q.knownAt !== undefined ? { knownAt: new Date(q.knownAt).toISOString() } : {}),
});

/** Poverty statistics of the annual report, reproducible by position, and their exports. */
@ApiTags('statistics')
@Controller('api/v1/statistics')
export class StatisticsController {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(UNIT_DIRECTORY) private readonly units: UnitDirectory,
  ) {}

  @Get('poverty')
  @Requires('statistics:read')
  @AcceptsMinPosition()
  @TagCached()
  @ApiOkResponse({ description: '{ area, year, position, projection, ruleSets, view, poor, nearPoor }: each list by group (all, urban, rural, ethnicMinority) with start, flows, end, denominator, ratePercent, change' })
  @ApiBadRequestResponse({ description: 'an unknown filter or a malformed value' })
  async poverty(@Query() q: PovertyQueryDto, @Caller() caller: Principal): Promise<PovertyStatisticsAnswer> {
    return this.one(q, caller);
  }

  @Get('poverty/list')
  @Requires('statistics:read')
  @AcceptsMinPosition()
  @TagCached()
  @ApiOkResponse({ description: '{ position, items }: one answer per area, all at the same position' })
  @ApiBadRequestResponse({ description: 'neither or both of areaCodes and provinceCode, or a malformed value' })
  list(@Query() q: PovertyListQueryDto, @Caller() caller: Principal): Promise<PovertyStatisticsList> {
    const mapping = q.mapping ?? 'recorded';
    if ((q.areaCodes === undefined) === (q.provinceCode === undefined)) throw invalid('INVALID_STATISTICS_LIST', 'give either areaCodes or provinceCode');
    let areas: StatisticsAreas;
    if (q.provinceCode !== undefined) {
      this.access.authorize(caller, 'statistics:read', { provinceCode: q.provinceCode });
      areas = { by: 'province-communes', provinceCode: q.provinceCode, mapping };
    } else {
      areas = { by: 'areas', areas: [...new Set(q.areaCodes)].map((code) => authorizedArea(this.access, this.units, caller, code, mapping)) };
    }
    return this.queries.execute(new GetPovertyStatistics(areas, q.year, viewOf(q)));
  }

  @Get('poverty/export')
  @Requires('statistics:read')
  @AcceptsMinPosition()
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'the annual summary table with Vietnamese headings: CSV (UTF-8 with BOM) or XLSX' })
  async export(@Query() q: PovertyExportQueryDto, @Caller() caller: Principal): Promise<StreamableFile> {
    const answer = await this.one(q, caller);
    const format = q.format ?? 'xlsx';
    const body = format === 'csv' ? annualSummaryCsv(answer) : await annualSummaryXlsx(answer);
    return new StreamableFile(body, {
      type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="${summaryFileName(answer, format)}"`,
      length: body.length,
    });
  }

  @Get('support-coverage')
  @Requires('statistics:read')
  @AcceptsMinPosition()
  @ApiOkResponse({ description: 'same as GET /api/v1/support/coverage: eligible, covered, coveragePercent to 2 decimals' })
  coverage(@Query() q: CoverageAliasQueryDto, @Caller() caller: Principal): Promise<Coverage> {
    this.access.authorize(caller, 'statistics:read', { communeCode: q.areaCode });
    return this.queries.execute(new GetSupportCoverage(q.areaCode, q.kind ?? 'smartphone', isoDate(q.asOf ?? today(), 'asOf')));
  }

  private async one(q: PovertyQueryDto, caller: Principal): Promise<PovertyStatisticsAnswer> {
    const area = authorizedArea(this.access, this.units, caller, q.areaCode, q.mapping ?? 'recorded');
    const list: PovertyStatisticsList = await this.queries.execute(new GetPovertyStatistics({ by: 'areas', areas: [area] }, q.year, viewOf(q)));
    return list.items[0];
  }
}
