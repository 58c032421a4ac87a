import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import {
  AccessPolicy, CommandContext, ExecuteHouseholdCommand, GetHouseholdCommune, HouseholdWriteResult, Principal,
} from '@pl/application';
import { HouseholdCommand, HouseholdEventType, householdId as toHouseholdId } from '@pl/domain';
import { Caller, Requires } from '../auth/auth.decorators';
import { Ctx } from '../http/command-context.decorator';
import { AssessHouseholdDto, AssessmentWrittenDto } from './dto/assess-household.dto';
import { ChangeMembersDto, DissolveHouseholdDto, RecordCausesDto, RelocateHouseholdDto } from './dto/household-life.dto';
import { toAssessHousehold, toChangeMembers, toDissolveHousehold, toRecordCauses, toRelocateHousehold } from './dto/to-life-commands';
import { HouseholdWrittenDto } from './dto/write-result.dto';

/** What happens to a registered household: assessments, members, moves, causes, dissolution. */
@ApiTags('households')
@Controller('api/v1/households/:householdId')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry-safe writes: the same key and body answer as the first time' })
@ApiBadRequestResponse({ description: 'malformed body, or a code the standard does not know' })
@ApiNotFoundResponse({ description: 'no such household' })
@ApiUnprocessableEntityResponse({ description: 'a rule refused it, e.g. the household is dissolved' })
export class HouseholdLifeController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  @Post('assessments')
  @HttpCode(201)
  @Requires('household:write')
  @ApiCreatedResponse({ type: AssessmentWrittenDto })
  async assess(@Param('householdId') id: string, @Body() dto: AssessHouseholdDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<AssessmentWrittenDto> {
    const result = await this.write(toAssessHousehold(dto, toHouseholdId(id)), caller, ctx);
    const assessed = result.events.find((e) => e.type === HouseholdEventType.Assessed);
    if (assessed?.type !== HouseholdEventType.Assessed) throw new Error(`assessment of ${id} produced no assessment event`);
    return { ...written(id, result), proposedCategory: assessed.data.proposedCategory, standardId: assessed.data.standardId };
  }

  @Post('members')
  @HttpCode(201)
  @Requires('household:write')
  @ApiCreatedResponse({ type: HouseholdWrittenDto })
  async changeMembers(@Param('householdId') id: string, @Body() dto: ChangeMembersDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<HouseholdWrittenDto> {
    return written(id, await this.write(toChangeMembers(dto, toHouseholdId(id)), caller, ctx));
  }

  /** The officer must cover the commune the household leaves; the new commune sees it once it has moved. */
  @Post('relocation')
  @HttpCode(201)
  @Requires('household:write')
  @ApiCreatedResponse({ type: HouseholdWrittenDto })
  async relocate(@Param('householdId') id: string, @Body() dto: RelocateHouseholdDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<HouseholdWrittenDto> {
    return written(id, await this.write(toRelocateHousehold(dto, toHouseholdId(id)), caller, ctx));
  }

  @Post('dissolution')
  @HttpCode(201)
  @Requires('household:write')
  @ApiCreatedResponse({ type: HouseholdWrittenDto })
  async dissolve(@Param('householdId') id: string, @Body() dto: DissolveHouseholdDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<HouseholdWrittenDto> {
    return written(id, await this.write(toDissolveHousehold(dto, toHouseholdId(id)), caller, ctx));
  }

  @Post('causes')
  @HttpCode(201)
  @Requires('household:write')
  @ApiCreatedResponse({ type: HouseholdWrittenDto })
  async recordCauses(@Param('householdId') id: string, @Body() dto: RecordCausesDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<HouseholdWrittenDto> {
    return written(id, await this.write(toRecordCauses(dto, toHouseholdId(id)), caller, ctx));
  }

  /** The area is the household's commune now, read from its stream so a fresh registration or move is never missed. */
  private async write(command: HouseholdCommand, caller: Principal, ctx: CommandContext): Promise<HouseholdWriteResult> {
    const communeCode = await this.queries.execute(new GetHouseholdCommune(command.data.householdId));
    this.access.authorize(caller, 'household:write', { communeCode });
    return this.commands.execute(new ExecuteHouseholdCommand(command, ctx));
  }
}

const written = (householdId: string, result: HouseholdWriteResult): HouseholdWrittenDto => ({ householdId, revision: result.revision, position: result.position });
