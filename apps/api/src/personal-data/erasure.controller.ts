import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CommandContext, ErasureReceipt, Principal, RequestErasure } from '@pl/application';
import { isoDate } from '@pl/domain';
import { Caller, Requires } from '../auth/auth.decorators';
import { Ctx } from '../http/command-context.decorator';
import { ErasureReceiptDto, ErasureRequestDto } from './dto/erasure-request.dto';
import { toErasePersonalData } from './dto/to-erase-command';

@ApiTags('personal data')
@Controller('api/v1/households')
export class ErasureController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  // The area is checked by the handler against the household's stream, where the address is authoritative.
  @Post(':householdId/erasure')
  @HttpCode(200)
  @Requires('erasure:request')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'retry-safe: the same key and body answer with the same receipt' })
  @ApiOkResponse({ type: ErasureReceiptDto, description: 'the erasure was recorded and the household key destroyed' })
  @ApiNotFoundResponse({ description: 'no such household' })
  @ApiUnprocessableEntityResponse({ description: 'PERSONAL_DATA_ALREADY_ERASED' })
  erase(@Param('householdId') id: string, @Body() dto: ErasureRequestDto, @Caller() caller: Principal, @Ctx() ctx: CommandContext): Promise<ErasureReceipt> {
    const today = isoDate(ctx.recordedAt.slice(0, 10));
    return this.commands.execute(new RequestErasure(toErasePersonalData(dto, id, today), caller, ctx));
  }
}
