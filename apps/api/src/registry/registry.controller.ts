import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetRegistryPage, Principal, RegistryPage } from '@pl/application';
import { Caller, Requires } from '../auth/auth.decorators';
import { AcceptsMinPosition } from '../http/min-position';
import { TagCached } from '../http/tag-cache';
import { RegistryQueryDto } from './dto/registry-query.dto';

/** The poverty registry as a list: no personal data, limited to the caller's areas. */
@ApiTags('registry')
@Controller('api/v1/registry')
export class RegistryController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get()
  @Requires('registry:read')
  @AcceptsMinPosition()
  @TagCached()
  @ApiOkResponse({ description: '{ items, nextCursor?, position }: households in id order' })
  @ApiBadRequestResponse({ description: 'an unknown filter or a malformed value' })
  page(@Query() q: RegistryQueryDto, @Caller() caller: Principal): Promise<RegistryPage> {
    return this.queries.execute(new GetRegistryPage({
      ...(q.provinceCode !== undefined ? { provinceCode: q.provinceCode } : {}),
      ...(q.communeCode !== undefined ? { communeCode: q.communeCode } : {}),
      ...(q.status !== undefined ? { statuses: q.status } : {}),
      ...(q.ethnicMinority !== undefined ? { ethnicMinority: q.ethnicMinority } : {}),
      ...(q.policyFamily !== undefined ? { policyFamily: q.policyFamily } : {}),
      ...(q.reviewYear !== undefined ? { reviewYear: q.reviewYear } : {}),
      active: q.active ?? true,
      area: q.area ?? 'recorded',
      limit: q.limit ?? 50,
      ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
    }, caller));
  }
}
