import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ExportRegistry, Principal } from '@pl/application';
import { Caller, Requires } from '../auth/auth.decorators';
import { AcceptsMinPosition } from '../http/min-position';
import { RegistryExportQueryDto } from './dto/registry-export-query.dto';

/** The registry as a file for the offices' spreadsheets: Vietnamese headings, the caller's areas only. */
@ApiTags('registry')
@Controller('api/v1/registry/export')
export class RegistryExportController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @Requires('registry:read')
  @AcceptsMinPosition()
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'every household matching the filters; the head\'s name only for roles that may read personal data' })
  @ApiBadRequestResponse({ description: 'an unknown filter, a malformed value or an unknown format' })
  @ApiForbiddenResponse({ description: 'a filter outside the caller\'s areas' })
  async export(@Query() q: RegistryExportQueryDto, @Caller() caller: Principal): Promise<StreamableFile> {
    const file = await this.queries.execute(new ExportRegistry({
      ...(q.provinceCode !== undefined ? { provinceCode: q.provinceCode } : {}),
      ...(q.communeCode !== undefined ? { communeCode: q.communeCode } : {}),
      ...(q.status !== undefined ? { statuses: q.status } : {}),
      ...(q.ethnicMinority !== undefined ? { ethnicMinority: q.ethnicMinority } : {}),
      ...(q.policyFamily !== undefined ? { policyFamily: q.policyFamily } : {}),
      ...(q.reviewYear !== undefined ? { reviewYear: q.reviewYear } : {}),
      active: q.active ?? true,
      area: q.area ?? 'recorded',
    }, q.format, caller, new Date().toISOString().slice(0, 10)));
    return new StreamableFile(file.rows, { type: file.contentType, disposition: `attachment; filename="${file.filename}"` });
  }
}
