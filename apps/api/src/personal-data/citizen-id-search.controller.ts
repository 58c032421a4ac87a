import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CitizenIdMatch, Principal, SearchByCitizenId } from '@pl/application';
import { Caller, Requires } from '../auth/auth.decorators';
import { CitizenIdMatchDto, CitizenIdSearchDto } from './dto/citizen-id-search.dto';

@ApiTags('personal data')
@Controller('api/v1/households')
export class CitizenIdSearchController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  // POST, not GET: a citizen ID must never sit in a URL, a proxy log or a browser history.
  @Post('search')
  @HttpCode(200)
  @Requires('household:read')
  @ApiOkResponse({ type: [CitizenIdMatchDto], description: 'households recorded with this exact citizen ID, within the caller\'s areas' })
  @ApiBadRequestResponse({ description: 'INVALID_CITIZEN_ID' })
  search(@Body() dto: CitizenIdSearchDto, @Caller() caller: Principal): Promise<readonly CitizenIdMatch[]> {
    return this.queries.execute(new SearchByCitizenId(dto.citizenId, caller));
  }
}
