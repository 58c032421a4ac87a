import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import {
  AccessPolicy, CommandContext, PersonalDataAccessLog, ExecuteHouseholdCommand, GetHousehold, HouseholdView, HouseholdViews, Principal, deterministicId,
} from '@pl/application';
import { householdId as toHouseholdId, isoDate } from '@pl/domain';
import { randomUUID } from 'node:crypto';
import { Caller, Requires } from '../auth/auth.decorators';
import { Ctx } from '../http/command-context.decorator';
import { AcceptsMinPosition } from '../http/min-position';
import { ReadQueryDto } from '../http/read-query.dto';
import { RegisterHouseholdDto } from './dto/register-household.dto';
import { HouseholdWrittenDto } from './dto/write-result.dto';
import { toRegisterHousehold } from './dto/to-commands';

@ApiTags('households')
@Controller('api/v1/households')
export class HouseholdsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(HouseholdViews) private readonly views: HouseholdViews,
    @Inject(PersonalDataAccessLog) private readonly accessLog: PersonalDataAccessLog,
  ) {}

  @Post()
  @HttpCode(201)
  @Requires('household:write')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry-safe writes: the same key and body answer as the first time' })
  @ApiCreatedResponse({ type: HouseholdWrittenDto })
  @ApiBadRequestResponse({ description: 'malformed body: unknown field, wrong type, missing field' })
  @ApiUnprocessableEntityResponse({ description: 'a rule refused it, e.g. the household is already registered' })
  async register(@Body() dto: RegisterHouseholdDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<HouseholdWrittenDto> {
    this.access.authorize(caller, 'household:write', { communeCode: dto.address.communeCode });
    const id = toHouseholdId(dto.householdId ?? (ctx.idempotent ? deterministicId('household', ctx.commandId) : randomUUID()));
    const today = isoDate(ctx.recordedAt.slice(0, 10));
    const result = await this.commands.execute(new ExecuteHouseholdCommand(toRegisterHousehold(dto, id, today), ctx));
    return { householdId: id, revision: result.revision, position: result.position };
  }

  @Get(':householdId')
  @Requires('household:read')
  @AcceptsMinPosition()
  @ApiOkResponse({ description: "the household's registry document" })
  @ApiNotFoundResponse({ description: 'no such household' })
  @ApiHeader({ name: 'X-Access-Reason', required: false, description: 'required for auditors: why personal data is read (3-500 characters, UTF-8 percent-encoded); the read is recorded' })
  async get(@Param('householdId') id: string, @Query() _query: ReadQueryDto, @Caller() caller: Principal, @Headers('x-access-reason') reason?: string): Promise<HouseholdView> {
    const doc = await this.queries.execute(new GetHousehold(toHouseholdId(id)));
    this.access.authorize(caller, 'household:read', { communeCode: doc.communeCode });
    await this.accessLog.record(caller, doc.householdId, { reason, route: 'GET /api/v1/households/:householdId' });
    return this.views.view(doc, caller);
  }
}
