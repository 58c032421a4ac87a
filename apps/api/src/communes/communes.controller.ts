import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AccessPolicy, CommandContext, CommuneWriteResult, ExecuteCommuneCommand, Principal } from '@pl/application';
import { CommuneCommand, communeCode as toCommuneCode } from '@pl/domain';
import { Caller, Requires } from '../auth/auth.decorators';
import { Ctx } from '../http/command-context.decorator';
import { CommuneWrittenDto, HouseholdCountDto, RadioUpgradeDto, TrainingActivityDto } from './dto/commune-activity.dto';
import { toRecordHouseholdCount, toRecordRadioUpgrade, toRecordTrainingActivity } from './dto/to-commune-commands';

/** Support given to a commune as a whole (radio, training, communication) and its yearly household counts. */
@ApiTags('communes')
@Controller('api/v1/communes/:communeCode')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry-safe writes: the same key and body answer as the first time' })
@ApiBadRequestResponse({ description: 'malformed body, or counts that do not add up' })
@ApiUnprocessableEntityResponse({ description: 'a cited directive is unknown or revoked' })
export class CommunesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  @Post('radio-upgrades')
  @HttpCode(201)
  @Requires('support:write')
  @ApiCreatedResponse({ type: CommuneWrittenDto })
  async radioUpgrade(@Param('communeCode') code: string, @Body() dto: RadioUpgradeDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<CommuneWrittenDto> {
    return this.write(toRecordRadioUpgrade(dto, toCommuneCode(code), ctx), caller, ctx);
  }

  @Post('activities')
  @HttpCode(201)
  @Requires('support:write')
  @ApiCreatedResponse({ type: CommuneWrittenDto })
  async activity(@Param('communeCode') code: string, @Body() dto: TrainingActivityDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<CommuneWrittenDto> {
    return this.write(toRecordTrainingActivity(dto, toCommuneCode(code), ctx), caller, ctx);
  }

  @Post('household-counts')
  @HttpCode(201)
  @Requires('support:write')
  @ApiCreatedResponse({ type: CommuneWrittenDto })
  async householdCount(@Param('communeCode') code: string, @Body() dto: HouseholdCountDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<CommuneWrittenDto> {
    return this.write(toRecordHouseholdCount(dto, toCommuneCode(code)), caller, ctx);
  }

  private async write(command: CommuneCommand, caller: Principal, ctx: CommandContext): Promise<CommuneWrittenDto> {
    this.access.authorize(caller, 'support:write', { communeCode: command.data.communeCode });
    const result: CommuneWriteResult = await this.commands.execute(new ExecuteCommuneCommand(command, ctx));
    const activityId = 'activityId' in command.data ? command.data.activityId : undefined;
    return { communeCode: command.data.communeCode, ...(activityId ? { activityId } : {}), revision: result.revision, position: result.position };
  }
}
