import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, CommandContext, Principal, RecogniseHouseholds, RecognitionBatchResult } from '@pl/application';
import { directiveId, householdId, isoDate } from '@pl/domain';
import { Caller, Requires } from '../auth/auth.decorators';
import { Ctx } from '../http/command-context.decorator';
import { RecogniseHouseholdsDto } from './dto/recognise-households.dto';

/** The commune chairman's decisions on the poor, near-poor and escaped lists. */
@ApiTags('recognitions')
@Controller('api/v1/recognitions')
export class RecognitionsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  /** 200, not 201: the answer reports each household, some of which a rule may have refused. */
  @Post()
  @HttpCode(200)
  @Requires('recognition:write')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retried decision with the same key appends nothing twice' })
  @ApiOkResponse({ description: 'one outcome per entry, in request order (recognised or refused with a code), totals and the last position' })
  @ApiBadRequestResponse({ description: 'malformed body, or a household listed twice' })
  recognise(@Body() dto: RecogniseHouseholdsDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<RecognitionBatchResult> {
    this.access.authorize(caller, 'recognition:write', { communeCode: dto.communeCode });
    const decision = {
      number: dto.decision.number, date: isoDate(dto.decision.date, 'decision.date'), issuer: dto.decision.issuer,
      ...(dto.decision.directiveId ? { directiveId: directiveId(dto.decision.directiveId) } : {}),
    };
    const entries = dto.entries.map((e) => ({ householdId: householdId(e.householdId), to: e.to }));
    return this.commands.execute(new RecogniseHouseholds(decision, dto.reviewYear, dto.reviewKind, dto.communeCode, entries, ctx));
  }
}
